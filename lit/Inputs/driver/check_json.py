"""Loads `escape report --format json` output and prints one line per
remark ("name file:line:column count args") for FileCheck."""
import json
import sys

remarks = json.load(open(sys.argv[1]))
for remark in remarks:
    assert len(remark["fingerprint"]) == 16, remark
    args = ",".join("%s=%s" % (a["key"], a["value"]) for a in remark["args"]
                    if a["key"] != "String")
    print(remark["name"], remark["type"],
          "%s:%d:%d" % (remark["file"].split("/")[-1], remark["line"],
                        remark["column"]),
          "tu=%d" % remark["count"], args)
