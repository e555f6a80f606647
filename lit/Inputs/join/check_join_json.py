"""Compares `escape report --format json` of the caller's TU alone with
the joined project (lit/join-tu.test): the fingerprints of the caller's
remarks must be the same, the joined remarks' args must still concatenate
to their message, and the loud remark's added steps are printed."""
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def key(r):
    return (r["name"], r.get("file"), r.get("line"), r.get("column"))


alone = {key(r): r for r in load(sys.argv[1])}
joined = load(sys.argv[2])
same = different = 0
for r in joined:
    base = alone.get(key(r))
    if base is None:
        continue
    if base["fingerprint"] == r["fingerprint"]:
        same += 1
    else:
        different += 1
print("fingerprints of main.c: %d the same, %d different" % (same, different))
whole = sum(1 for r in joined if "".join(a["value"] for a in r["args"]) == r["message"])
print("joined args concatenate to the message: %d of %d" % (whole, len(joined)))
for r in joined:
    if r["function"] == "loud" and r["name"] == "LocalEscapes":
        steps = [a for a in r["args"] if a["key"] in ("Defined", "FlowEnd")]
        print("loud: " + "; ".join(
            "%s %s%s" % (a["key"], a["value"],
                         " at %s:%d:%d" % (a["file"], a["line"], a["column"])
                         if "file" in a else "")
            for a in steps))
