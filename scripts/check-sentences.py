#!/usr/bin/env python3
"""Checks that a remark says one thing everywhere: for every escape remark of
a compile, the text clang printed, the text `escape report` prints, and the
concatenation of the YAML Args values are the same sentence.

usage: check-sentences.py CLANG_STDERR YAML REPORT_JSON [--names-as-printed]

CLANG_STDERR is what clang printed with -fplugin-arg-escape-remarks and
-fplugin-arg-escape-verbose (so that it prints every kind the YAML holds),
YAML the compile's remarks, REPORT_JSON `escape report --format json YAML`.
With --names-as-printed (C++), Callee, Caller, Hop and InlinedFrom/Into values
may differ between
the printed text (demangled) and the YAML (linkage names); the rest of the
sentence must still be the same. Exit status 0 when all agree, 1 with the
differences on stderr, 2 on bad input.
"""
import json
import re
import sys

import yaml

# A call printed at its function because it has no line of its own: the
# sentence says so (its InFunction arg), and such verdicts are folded by
# their subject, not by a line.
NO_SINGLE_LINE = re.compile(
    r" \(at no single source line: the optimizer merged or made this call "
    r"in '[^']*'; shown at its definition\)$")
# What clang's printing adds about the printing itself: the verdicts of one
# call site (in several callers it was inlined into, or given again by a
# later inliner run), and the remarks of one site in several inlined
# contexts, folded into one line that shows the first of them
# (plugin/RemarkSink.cpp).
CONTEXTS = re.compile(r" \(in \d+ contexts\)$")
# An escape remark, or a warning of the plugin's `warn` (-Wpass-failed);
# clang's own warnings ([-Wdeprecated...]) are not ours. A remark clang could
# not place (a #line file that does not exist) prints without a location.
PRINTED = re.compile(r"^(?:(.*?):(\d+):(\d+): )?(?:remark|warning|error): (.*) "
                     r"\[-(?:R[^\]]*|Wpass-failed)\]$")
NAME_KEYS = {"Callee", "Caller", "InFunction", "Hop", "InlinedFrom",
             "InlinedInto"}
VERDICTS = {"Inlined", "NotInlined"}
# A verdict's subject: callee, caller and reason.
VERDICT = re.compile(r"^(?:'[^']*'|indirect call) (?:not )?inlined into "
                     r"'[^']*'(?: \([^)]*\))?")


class Printed:
    """clang's remark lines: their sentences, and where inline verdicts are
    printed (each stands for every verdict at its call site)."""

    def __init__(self, path):
        self.sentences = set()
        self.verdicts_at = set()
        self.unplaced_verdicts = set()  # subjects, printed at the function
        self.folded_at = set()  # where a line stands for several contexts
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                match = PRINTED.match(line.rstrip("\n"))
                if not match:
                    continue
                text = CONTEXTS.sub("", match.group(4))
                if text != match.group(4):
                    self.folded_at.add(match.group(1, 2, 3))
                unplaced = NO_SINGLE_LINE.search(text)
                if VERDICT.match(text):
                    self.verdicts_at.add(match.group(1, 2, 3))
                    if unplaced:
                        self.unplaced_verdicts.add(VERDICT.match(text).group(0))
                self.sentences.add(text)


def yaml_remarks(path):
    """The escape remarks of a YAML remark file, as plain dicts."""
    # BaseLoader: every scalar a string, as the remark model has them.
    loader = yaml.BaseLoader
    loader.add_multi_constructor(
        "!", lambda load, tag, node: dict(load.construct_mapping(node, deep=True),
                                          Type=tag))
    with open(path, encoding="utf-8") as stream:
        documents = [d for d in yaml.load_all(stream, Loader=loader) if d]
    return [d for d in documents if d.get("Pass") == "escape"]


def args_of(remark):
    """(key, value) pairs of a YAML remark's Args."""
    pairs = []
    for arg in remark.get("Args") or []:
        for key, value in arg.items():
            if key != "DebugLoc":
                pairs.append((key, value))
    return pairs


def location_of(remark):
    loc = remark.get("DebugLoc") or {}
    return (loc.get("File"), loc.get("Line"), loc.get("Column"))


def pattern_of(pairs, keys):
    """The Args as a regex: the values of keys any text, the rest literal."""
    return re.compile("^" + "".join(
        "(.+?)" if key in keys else re.escape(value) for key, value in pairs)
        + "$")


def check_yaml(remarks, printed, names_as_printed, problems):
    """Each YAML remark against what clang printed; returns the matched
    printed sentences, the concatenations and how many were folded."""
    matched, joined, folded = set(), set(), 0
    for remark in remarks:
        pairs = args_of(remark)
        text = "".join(value for _, value in pairs)
        joined.add(text)
        # The record of a source assertion is no remark clang prints: a
        # held one is silent, a broken one an error or warning of its own
        # (lit/assert-violated.test, assert-stale.c check those texts).
        # A remark suppressed by `// escape: ignore` is not printed either,
        # nor a Definition, the record of a definition for the driver's
        # join across translation units.
        if remark["Name"] in ("Assertion", "Definition") or any(
                key == "Suppressed" for key, _ in pairs):
            continue
        if text in printed.sentences:
            matched.add(text)
            continue
        if names_as_printed:
            pattern = pattern_of(pairs, NAME_KEYS)
            found = [p for p in printed.sentences if pattern.match(p)]
            if found:
                matched.update(found)
                continue
        if location_of(remark) in printed.folded_at or (
                remark["Name"] in VERDICTS and (
                    location_of(remark) in printed.verdicts_at or
                    (location_of(remark)[1] == "0" and VERDICT.match(text) and
                     VERDICT.match(text).group(0) in
                     printed.unplaced_verdicts))):
            folded += 1
            continue
        file, line, column = location_of(remark)
        problems.append(f"{file}:{line}:{column}: the YAML Args concatenate "
                        f"to\n  {text}\nbut clang printed no such remark")
    return matched, joined, folded


def check_report(report, joined, patterns, problems):
    """Each remark `escape report` lists: its sentence is its Args. With
    patterns (C++), names may be demangled where the YAML keeps linkage
    names, as in what clang prints."""
    for remark in report:
        where = f"{remark.get('file')}:{remark.get('line')}:{remark.get('column')}"
        text = "".join(arg["value"] for arg in remark["args"])
        if remark["message"] != text:
            problems.append(f"{where}: escape report says\n  "
                            f"{remark['message']}\nbut its Args concatenate "
                            f"to\n  {text}")
        elif text not in joined and not any(p.match(text) for p in patterns):
            problems.append(f"{where}: escape report says\n  {text}\nwhich "
                            "no YAML remark's Args concatenate to")


def main(argv):
    flags = argv[4:]
    if len(argv) < 4 or flags not in ([], ["--names-as-printed"]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        printed = Printed(argv[1])
        remarks = yaml_remarks(argv[2])
        with open(argv[3], encoding="utf-8") as stream:
            report = [r for r in json.load(stream) if r.get("pass") == "escape"]
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"check-sentences: error: {error}", file=sys.stderr)
        return 2
    problems = []
    matched, joined, folded = check_yaml(remarks, printed, bool(flags),
                                         problems)
    patterns = [pattern_of(args_of(r), NAME_KEYS) for r in remarks] \
        if flags else []
    check_report(report, joined, patterns, problems)
    for text in sorted(printed.sentences - matched - joined):
        problems.append(f"clang printed\n  {text}\nbut no YAML remark's Args "
                        "concatenate to it")
    for problem in problems:
        print(f"check-sentences: {problem}", file=sys.stderr)
    print(f"{len(remarks)} YAML remarks ({folded} in folded lines), "
          f"{len(report)} reported, {len(printed.sentences)} printed "
          f"sentences: {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
