#!/usr/bin/env python3
"""Makes a synthetic project of many translation units from real remarks:
COPIES copies of a scanned project's sources (symbolic links, in
OUT_DIR/tree/pNNN) and of its YAML remark files (OUT_DIR/yaml/pNNN), with
every File: path rewritten to pNNN/NAME (report them with --root
OUT_DIR/tree). escape's report site is measured on the result
(scripts/site-bench.sh).

usage: synth-tree.py SOURCE_DIR YAML_DIR COPIES OUT_DIR
"""
import os
import re
import sys

# A DebugLoc's file: absolute (escape scan of sources outside its working
# directory) or relative to the compile's directory.
FILE = re.compile(r"(File:\s*)('?)([^,'}]+)")


def yaml_files(root):
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".escape.yaml") or name.endswith(".opt.yaml"):
                yield os.path.join(directory, name)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip())
    source, yamls, copies, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    source = os.path.realpath(source)
    files = list(yaml_files(yamls))
    if not files:
        sys.exit(f"synth-tree: no remark files under {yamls}")
    tus = 0
    for copy in range(copies):
        tree = os.path.join(out, "tree", f"p{copy:03d}")
        os.makedirs(tree, exist_ok=True)
        for name in os.listdir(source):
            link = os.path.join(tree, name)
            if not os.path.lexists(link):
                os.symlink(os.path.join(source, name), link)
        remarks = os.path.join(out, "yaml", f"p{copy:03d}")
        os.makedirs(remarks, exist_ok=True)
        for path in files:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            prefix = f"p{copy:03d}/"

            def move(match):
                name = match.group(3)
                if name.startswith(source + "/"):
                    name = name[len(source) + 1:]
                elif name.startswith("/"):
                    return match.group(0)  # a system header: shared
                return match.group(1) + match.group(2) + prefix + name

            text = FILE.sub(move, text)
            target = os.path.join(remarks, os.path.basename(path))
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            tus += 1
    print(f"synth-tree: {tus} translation units in {copies} copies under {out}")


if __name__ == "__main__":
    main()
