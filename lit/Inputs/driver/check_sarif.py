"""Checks a SARIF file for what GitHub code scanning requires and prints
one line per result ("ruleId uri:line:column fingerprint-length") for
FileCheck. Exits 1 with a message on the first missing field."""
import json
import sys


def need(cond, what):
    if not cond:
        sys.exit("check_sarif: " + what)


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
