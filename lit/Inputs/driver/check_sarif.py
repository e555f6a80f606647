"""Checks a SARIF file for what GitHub code scanning requires and prints
one line per result ("ruleId uri:line:column fingerprint-length") for
FileCheck. Exits 1 with a message on the first missing field."""
import json
import re
import sys

# A relatedLocation at a call that inlined code was inlined at (SPEC
# "Context"), as clang's note there says it; the others are chain steps.
CONTEXT = re.compile(r"^'[^']+' inlined into '[^']+' here$")


def need(cond, what):
    if not cond:
        sys.exit("check_sarif: " + what)


def check_physical(loc, what):
    uri = loc["artifactLocation"]["uri"]
    need(uri and not uri.startswith("/"), what + " relative uri")
    region = loc.get("region", {})
    return "%s:%s:%s" % (uri, region.get("startLine"), region.get("startColumn"))


def check_flows(result, show):
    """codeFlows (one threadFlow per why-chain) and relatedLocations: the
    chain's steps, then the inlined-at calls (which need no chain)."""
    related = result.get("relatedLocations", [])
    need("relatedLocations" not in result or related, "relatedLocations empty")
    ids = [r["id"] for r in related]
    need(ids == list(range(len(ids))), "relatedLocations ids 0..n-1")
    contexts = [r for r in related if CONTEXT.match(r["message"]["text"])]
    steps = related[:len(related) - len(contexts)]
    need(related[len(steps):] == contexts, "inlined-at calls after the steps")
    for r in related:
        place = check_physical(r["physicalLocation"], "relatedLocations")
        need(r["message"]["text"], "relatedLocations message")
        if show and r in contexts:
            print("  context:", place, r["message"]["text"])
    if "codeFlows" not in result:
        need(not steps, "relatedLocations steps with codeFlows")
        return
    need(steps, "relatedLocations with codeFlows")
    related = steps
    for flow in result["codeFlows"]:
        need(len(flow["threadFlows"]) == 1, "one threadFlow per codeFlow")
        steps = flow["threadFlows"][0]["locations"]
        need(len(steps) == len(related) + 1, "threadFlow: the remark, then the steps")
        for step in steps:
            place = check_physical(step["location"]["physicalLocation"], "threadFlow")
            need(step["location"]["message"]["text"], "threadFlow message")
            if show:
                print("  flow:", place, step["location"]["message"]["text"][:40])


show_flows = sys.argv[1] == "--flows"
if show_flows:
    sys.argv.pop(1)
log = json.load(open(sys.argv[1]))
need(log.get("version") == "2.1.0", "version 2.1.0")
need(len(log.get("runs", [])) == 1, "one run")
run = log["runs"][0]
driver = run["tool"]["driver"]
for key in ("name", "version", "informationUri"):
    need(driver.get(key), "tool.driver." + key)
need(driver["informationUri"].startswith("https://"), "absolute informationUri")
rules = driver.get("rules", [])
ids = [rule["id"] for rule in rules]
need(len(ids) == len(set(ids)), "unique rule ids")
for rule in rules:
    for key in ("shortDescription", "fullDescription", "help"):
        need(rule.get(key, {}).get("text"), rule["id"] + "." + key)
print("rules:", " ".join(ids))
for result in run["results"]:
    need(result["ruleId"] in ids, "ruleId of a rule")
    need(ids[result["ruleIndex"]] == result["ruleId"], "ruleIndex")
    need(result["level"] in ("none", "note", "warning", "error"), "level")
    need(result["message"]["text"], "message.text")
    loc = result["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    need(not uri.startswith("/"), "relative uri")
    region = loc.get("region", {})
    fingerprint = result["partialFingerprints"]["escapeFingerprint/v1"]
    print("result:", result["ruleId"], result["level"],
          "%s:%s:%s" % (uri, region.get("startLine"), region.get("startColumn")),
          len(fingerprint))
    check_flows(result, show_flows)
