#!/usr/bin/env python3
"""Checks that a remark says one thing everywhere: for every escape remark of
a compile, the text clang printed, the text `escape report` prints, and the
concatenation of the YAML Args values are the same sentence.

usage: check-sentences.py CLANG_STDERR REPORT_JSON [--names-as-printed]

CLANG_STDERR is what clang printed with -fplugin-arg-escape-remarks (and
-fplugin-arg-escape-verbose, to print every remark the YAML holds);
REPORT_JSON is `escape report --format json` of the compile's YAML. With
--names-as-printed (C++), Callee and Caller values may differ between the
printed text (demangled) and the YAML (linkage names); the rest of the
sentence must still be the same. Exit status 0 when all agree, 1 with the
differences on stderr, 2 on bad input.
"""
import json
import re
import sys

# What clang's printing adds to a sentence, about the printing itself: a
# call printed at its function because it has no line of its own, and the
# verdicts of one call site in several callers (it was inlined into them)
# folded into one line that names the first caller (plugin/RemarkSink.cpp).
NO_SINGLE_LINE = re.compile(re.escape(
    " (at no single source line: the optimizer merged or made this call; "
    "shown at the function)") + "$")
CONTEXTS = re.compile(r" \(in \d+ contexts\)$")
PRINTED = re.compile(r"^.*?:\d+:\d+: (?:remark|warning|error): (.*) "
                     r"\[-[RW][^\]]*\]$")
NAME_KEYS = {"Callee", "Caller"}


def printed_sentences(path):
    """The printed sentences, and those that stand for several callers."""
    sentences, folded = set(), set()
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            match = PRINTED.match(line.rstrip("\n"))
            if not match:
                continue
            text = NO_SINGLE_LINE.sub("", match.group(1))
            unfolded = CONTEXTS.sub("", text)
            if unfolded != text:
                folded.add(unfolded)
            sentences.add(unfolded)
    return sentences, folded


def report_remarks(path):
    with open(path, encoding="utf-8") as stream:
        remarks = json.load(stream)
    return [r for r in remarks if r.get("pass") == "escape"]


def pattern_of(args, keys):
    """The Args as a regex: the values of keys any text, the rest literal."""
    parts = []
    for arg in args:
        if arg["key"] in keys:
            parts.append("(.+?)")
        else:
            parts.append(re.escape(arg["value"]))
    return re.compile("^" + "".join(parts) + "$")


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and
                                   argv[3] != "--names-as-printed"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    names_as_printed = len(argv) == 4
    try:
        printed, folded = printed_sentences(argv[1])
        remarks = report_remarks(argv[2])
    except (OSError, ValueError) as error:
        print(f"check-sentences: error: {error}", file=sys.stderr)
        return 2
    problems = []
    joined = set()
    matched = set()
    for remark in remarks:
        where = f"{remark.get('file')}:{remark.get('line')}:{remark.get('column')}"
        concatenated = "".join(arg["value"] for arg in remark["args"])
        joined.add(concatenated)
        if remark["message"] != concatenated:
            problems.append(f"{where}: escape report says\n  {remark['message']}\n"
                            f"but the Args concatenate to\n  {concatenated}")
        if concatenated in printed:
            matched.add(concatenated)
            continue
        # Demangled names (C++), and another caller of a folded verdict.
        names = NAME_KEYS if names_as_printed else set()
        candidates = [(names, printed), (names | {"Caller"}, folded)]
        found = []
        for keys, texts in candidates:
            if keys and not found:
                pattern = pattern_of(remark["args"], keys)
                found = [p for p in texts if pattern.match(p)]
        if found:
            matched.update(found)
            continue
        problems.append(f"{where}: the Args concatenate to\n  {concatenated}\n"
                        "but clang printed no such remark")
    for text in sorted(printed - matched - joined):
        problems.append(f"clang printed\n  {text}\nbut no YAML remark's Args "
                        "concatenate to it")
    for problem in problems:
        print(f"check-sentences: {problem}", file=sys.stderr)
    print(f"{len(remarks)} remarks, {len(printed)} printed sentences: "
          f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
