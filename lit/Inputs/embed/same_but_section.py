#!/usr/bin/env python3
"""Checks that object EMBED is object PLAIN plus the .escape.remarks section.

usage: same_but_section.py READELF NM PLAIN EMBED

Not byte for byte, and not through objcopy either (llvm-objcopy and GNU
objcopy rewrite even an object they change nothing in). What `embed`
changes besides its own section, exactly:
- the ELF header and section header table (one more section; indices and
  offsets after it shift),
- .strtab holds the section's name,
- .symtab has one more local symbol, the section symbol of .escape.remarks,
  so the indices of the symbols after it shift by one, and with them the
  symbol field of relocations (r_info) in .rela.*,
- .llvm_addrsig lists that section symbol.
So this compares what the bytes mean: every other section's contents
(llvm-readelf -x), section types, flags, sizes and alignment, relocations
by offset, type, symbol name and addend, the symbols by name (llvm-nm) and
the address-significant ones, all without .escape.remarks."""
import re
import subprocess
import sys

SECTION = ".escape.remarks"
# Sections whose bytes hold symbol indices, names or section indices.
INDEXED = {".symtab", ".strtab", ".shstrtab", ".llvm_addrsig"}


def run(*argv):
    return subprocess.run(argv, check=True, capture_output=True,
                          text=True).stdout


def sections(readelf, path):
    """{name: (type, flags, size, align)} from llvm-readelf -S."""
    out = {}
    for line in run(readelf, "-S", "--wide", path).splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+\S+\s+\S+\s+(\S+)\s+"
                     r"\S+\s+([A-Z]*)\s+\d+\s+\d+\s+(\d+)", line)
        if m:
            name, kind, size, flags, align = m.groups()
            out[name] = (kind, flags, size, align)
    return out


def dump(readelf, path, name):
    return run(readelf, "-x", name, path).replace(path, "OBJ")


def relocations(readelf, path):
    """Offset, type, symbol value, name and addend; not r_info's index."""
    out = []
    for line in run(readelf, "-r", path).splitlines():
        fields = line.split()
        if line.startswith("Relocation section"):
            out.append(fields[2])
        elif len(fields) >= 4 and re.fullmatch(r"[0-9a-f]{16}", fields[0]):
            out.append(" ".join([fields[0]] + fields[2:]))
    return out


def symbols(nm, path):
    return [s for s in run(nm, "-a", "--no-sort", path).splitlines()
            if not s.endswith(" " + SECTION)]


def addrsig(readelf, path, ours):
    names = re.findall(r"^\s+\d+: ?(.*)$",
                       run(readelf, "--addrsig", path), re.M)
    return [n for n in names if n.strip() not in ours]


def main():
    readelf, nm, plain, embed = sys.argv[1:5]
    problems = []
    a, b = sections(readelf, plain), sections(readelf, embed)
    if sorted(set(b) - set(a)) != [SECTION] or set(a) - set(b):
        problems.append("sections: %s vs %s" % (sorted(a), sorted(b)))
    for name in sorted(set(a) & set(b)):
        same_header = a[name][:2] + a[name][3:] == b[name][:2] + b[name][3:]
        if not same_header or (name not in INDEXED and a[name] != b[name]):
            problems.append("%s header: %s vs %s" % (name, a[name], b[name]))
        elif name not in INDEXED and not name.startswith(".rela") and \
                a[name][0] != "NOBITS" and \
                dump(readelf, plain, name) != dump(readelf, embed, name):
            problems.append("%s contents differ" % name)
    if relocations(readelf, plain) != relocations(readelf, embed):
        problems.append("relocations differ")
    if symbols(nm, plain) != symbols(nm, embed):
        problems.append("symbols differ")
    # llvm-readelf prints the section symbol's (empty) name.
    if addrsig(readelf, plain, {SECTION, ""}) != \
            addrsig(readelf, embed, {SECTION, ""}):
        problems.append("address-significant symbols differ")
    for p in problems:
        print("same_but_section: " + p)
    if not problems:
        print("same but %s: %d sections compared" % (SECTION, len(a)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
