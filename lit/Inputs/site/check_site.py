#!/usr/bin/env python3
"""Checks a report site written by `escape report -o DIR/`: every file is
at most 1 MiB, nothing refers outside the directory (no network, no
absolute paths), every link between pages reaches an existing page and
anchor (a #L link past a part through the part's data-next), and every
row of the index's data names the page part that holds its remark.
Prints a summary line; exits 1 with the problems otherwise.

usage: check_site.py DIR
"""
import json
import os
import re
import sys

LIMIT = 1024 * 1024
site = sys.argv[1]
problems = []
pages = {}
for name in sorted(os.listdir(site)):
    path = os.path.join(site, name)
    size = os.path.getsize(path)
    if size > LIMIT:
        problems.append(f"{name}: {size} bytes, more than {LIMIT}")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if re.search(r"(src|href)\s*=\s*[\"']?([a-z]+:|//|/)", text, re.I) or \
       re.search(r"@import|url\(", text, re.I):
        problems.append(f"{name}: refers outside the site")
    pages[name] = text


page_ids = {}


def ids(page):
    if page not in page_ids:
        page_ids[page] = set(re.findall(r"\bid=\"?([A-Za-z0-9_-]+)", pages[page]))
    return page_ids[page]


def reaches(page, anchor, hops=0):
    """Whether page#anchor exists, following a split page's parts."""
    if page not in pages or hops > 100:
        return False
    if not anchor or anchor in ids(page):
        return True
    nxt = re.search(r"id=part data-last=(\d+) data-next=\"([^\"]+)\"", pages[page])
    line = re.fullmatch(r"L(\d+)", anchor)
    if nxt and line and int(line.group(1)) > int(nxt.group(1)):
        return reaches(nxt.group(2), anchor, hops + 1)
    return False


links = 0
for name, text in pages.items():
    if not name.endswith(".html"):
        continue
    for href in re.findall(r"href=\"?([^\"> ]+)", text):
        if href.startswith("?") or href.endswith(".css"):
            continue
        target, _, anchor = href.partition("#")
        target = target.split("?")[0] or name
        links += 1
        if not reaches(target, anchor):
            problems.append(f"{name}: link {href} goes nowhere")

rows = {"files": [], "remarks": []}
for name in sorted(n for n in pages if n.startswith("data-")):
    table = None
    for line in pages[name].splitlines():
        start = re.match(r"escapeData\.(\w+)\.push\(", line)
        if start:
            table = start.group(1)
            continue
        if table in rows and line.startswith("["):
            rows[table].append(json.loads(line.rstrip(",").removesuffix(");")))
for r in rows["remarks"]:
    if r[1] < 0:
        continue
    page = rows["files"][r[1]][1] + (f".{r[8] + 1}" if r[8] else "") + ".html"
    links += 1
    if not reaches(page, f"r{r[9]}"):
        problems.append(f"remark {r[9]}: {page}#r{r[9]} is not there")

if problems:
    print("\n".join(problems[:20]))
    sys.exit(1)
print(f"site ok: {len(pages)} files, {len(rows['remarks'])} remarks, "
      f"{links} links, largest {max(len(p.encode()) for p in pages.values())} bytes")
