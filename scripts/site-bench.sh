#!/usr/bin/env bash
# The report site at the size of a real project (issue 23): duktape's 91
# separate sources scanned whole with `escape scan`, and a synthetic tree of
# about 1,000 translation units made from that real YAML
# (scripts/synth-tree.py). For each: the time and peak memory of
# `escape report -o DIR/`, the number and largest size of the files it
# writes, and how long headless chromium takes to load and render the
# index (the page's own clock: navigation start to the end of its script).
# Optionally times LLVM's opt-viewer.py (the tool OptView2 forked) on the
# same YAML. Prints a markdown table.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

usage() {
  cat <<'USAGE'
usage: scripts/site-bench.sh [--work DIR] [--copies N] [--opt-viewer] [-j N]

  --work DIR     where the scan, the synthetic tree and the sites go
                 (default: a temporary directory, removed afterwards)
  --copies N     copies of duktape in the synthetic tree (default 11:
                 1,001 translation units)
  --opt-viewer   also time /usr/lib/llvm-19/share/opt-viewer/opt-viewer.py
                 (python3 with PyYAML and Pygments) on both inputs
  -j N           compiles of the scan, and opt-viewer's jobs (default 2)

environment: ESCAPE_BUILD_DIR (default build/), ESCAPE_BENCH_CACHE (the
corpus cache of scripts/corpus.sh)
USAGE
}

work="" copies=11 opt_viewer=0 jobs=2
while [ $# -gt 0 ]; do
  case $1 in
    --work) work=$2; shift 2 ;;
    --copies) copies=$2; shift 2 ;;
    --opt-viewer) opt_viewer=1; shift ;;
    -j) jobs=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "site-bench: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
escape=$build/bin/escape
[ -x "$escape" ] || { echo "site-bench: no $escape (build first)" >&2; exit 2; }
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

read -r _ src < <("$root/scripts/corpus.sh" --only duktape-src)

# A compile_commands.json for the separate sources, scanned whole.
python3 - "$src" "$work/duktape" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
json.dump([{"directory": src, "file": os.path.join(src, f),
            "arguments": ["clang-19", "-O2", "-std=c99", "-c", f, "-o", "/dev/null"]}
           for f in sorted(os.listdir(src)) if f.endswith(".c")],
          open(os.path.join(out, "compile_commands.json"), "w"), indent=1)
PY
if [ ! -d "$work/duktape/yaml" ]; then
  "$escape" scan -p "$work/duktape" -j "$jobs" -o "$work/duktape/yaml" >&2
fi
rm -rf "$work/synth"
python3 "$root/scripts/synth-tree.py" "$src" "$work/duktape/yaml" "$copies" \
  "$work/synth" >&2

# Wall seconds, CPU seconds (user + system) and peak kilobytes of a
# command, as "WALL CPU KB".
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.txt"
}

# What -o FILE.html says about the same input: the page's size, or that
# it refused.
one_page() {
  local page="$work/one.html" size
  rm -f "$page"
  if size=$("$escape" report --format html --root "$2" -o "$page" "$1" 2>&1); then
    echo "$(( $(stat -c %s "$page") / 1024 )) KB"
  else
    echo "refused: $(echo "$size" | grep -o 'a [0-9]*-byte page')"
  fi
}

# Milliseconds from navigation start to the end of the index's script, the
# best of three loads.
index_ms() {
  command -v chromium >/dev/null || { echo "n/a"; return; }
  local best=""
  for _ in 1 2 3; do
    local ms
    ms=$(sh "$root/lit/Inputs/site/browser.sh" dom "file://$1/index.html" |
         grep -o 'data-ready="[0-9]*"' | grep -o '[0-9]*')
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| input | TUs | remarks | files | escape report -o DIR/: wall | CPU | peak memory | site files | largest file | index load (chromium) | -o FILE.html |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
row() {  # slug name yaml-dir root
  local name=$2 yaml=$3 sources=$4 site="$work/site-$1"
  rm -rf "$site"
  read -r seconds cpu kb < <(measure "$escape" report --root "$sources" -o "$site/" "$yaml")
  local tus remarks files count largest ms
  tus=$(find "$yaml" -name '*.yaml' | wc -l)
  remarks=$(grep -o '[0-9]* remarks\? in [0-9]* files\?' "$site/index.html" | head -1)
  files=${remarks#* in }; files=${files% file*}; remarks=${remarks%% *}
  count=$(find "$site" -type f | wc -l)
  largest=$(find "$site" -type f -printf '%s\n' | sort -n | tail -1)
  ms=$(index_ms "$site")
  echo "| $name | $tus | $remarks | $files | ${seconds} s | ${cpu} s | $((kb / 1024)) MB | $count | $((largest / 1024)) KB | ${ms} ms | $(one_page "$yaml" "$sources") |"
}
row duktape duktape "$work/duktape/yaml" "$src"
row synth "synthetic ($copies copies)" "$work/synth/yaml" "$work/synth/tree"

if [ $opt_viewer -eq 1 ]; then
  viewer=/usr/lib/llvm-19/share/opt-viewer/opt-viewer.py
  echo
  echo "| input | opt-viewer.py -j $jobs: wall | CPU (main process) | peak memory |"
  echo "|---|---:|---:|---:|"
  for input in duktape synth; do
    yaml="$work/$input/yaml" sources=$src
    [ $input = synth ] && sources="$work/synth/tree"
    rm -rf "$work/ov-$input"
    mapfile -t files < <(find "$yaml" -name '*.yaml')
    read -r seconds cpu kb < <(measure python3 "$viewer" -j "$jobs" \
      --output-dir "$work/ov-$input" --source-dir "$sources" "${files[@]}")
    echo "| $input | ${seconds} s | ${cpu} s | $((kb / 1024)) MB |"
  done
fi
