#!/usr/bin/env python3
"""Writes a large input for the report site's tests: a C source of LINES
lines (OUT_DIR/big.c) and OUT_DIR/big.escape.yaml with one LocalEscapes
remark on every STEP-th line, and one NotInlined remark at line 0 (calls
that LLVM merged).

usage: make_big.py OUT_DIR LINES STEP
"""
import os
import sys

out, lines, step = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "big.c"), "w") as source:
    for n in range(1, lines + 1):
        source.write(f"  char buffer_{n}[64]; /* line {n} of a large file */\n")
with open(os.path.join(out, "big.escape.yaml"), "w") as yaml:
    yaml.write("""--- !Missed
Pass:            escape
Name:            NotInlined
DebugLoc:        { File: big.c, Line: 0, Column: 0 }
Function:        merged
Args:
  - Callee:          consume
  - Caller:          merged
  - Reason:          no-definition
...
""")
    for n in range(1, lines + 1, step):
        yaml.write(f"""--- !Missed
Pass:            escape
Name:            LocalEscapes
DebugLoc:        {{ File: big.c, Line: {n}, Column: 8 }}
Function:        function_{n // 100}
Args:
  - Var:             buffer_{n}
  - Reason:          call
  - Callee:          consume_{n}
  - ArgNo:           '1'
...
""")
