#!/usr/bin/env bash
# The corpus check of "one sentence per remark" (lit/sentences.test does the
# lit inputs): compiles corpus files (scripts/corpus.sh; default sqlite3)
# with the plugin printing every remark, and checks with check-sentences.py
# that for every remark clang's text, `escape report`'s text and the
# concatenated YAML Args are the same sentence.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}
usage() {
  cat <<'USAGE'
usage: scripts/corpus-sentences.sh [--only NAMES] [--keep DIR]

  --only NAMES  corpus files, comma-separated (default sqlite3)
  --keep DIR    keep the YAML, the JSON report and clang's output in DIR
environment: ESCAPE_BUILD_DIR (default build/), ESCAPE_BENCH_CACHE (corpus)
Exit status: 0 all agree, 1 differences (listed on stderr), 2 usage/setup.
USAGE
}
only=sqlite3 keep=""
while [ $# -gt 0 ]; do
  case $1 in
    --only) [ $# -ge 2 ] || { usage >&2; exit 2; }; only=$2; shift 2 ;;
    --keep) [ $# -ge 2 ] || { usage >&2; exit 2; }; keep=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "corpus-sentences: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
plugin=$build/lib/libescape.so escape=$build/bin/escape
for f in "$plugin" "$escape"; do
  [ -e "$f" ] || { echo "corpus-sentences: $f is missing (build first)" >&2; exit 2; }
done
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
status=0
while read -r name path; do
  out=$work/$name
  clang-19 -O2 -c "$path" -I"$(dirname "$path")" -o "$out.o" \
    -fplugin="$plugin" -fplugin-arg-escape-remarks \
    -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml="$out.yaml" \
    2>"$out.stderr" || { echo "corpus-sentences: $name does not compile" >&2; exit 2; }
  "$escape" report --format json "$out.yaml" >"$out.json"
  if result=$(python3 "$root/scripts/check-sentences.py" "$out.stderr" "$out.yaml" "$out.json"); then
    echo "$name: $result"
  else
    echo "$name: $result"
    status=1
  fi
done < <("$root/scripts/corpus.sh" --only "$only")
exit $status
