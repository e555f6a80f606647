#!/usr/bin/env bash
# The plugin's speed-ups must not change what it writes: the YAML of each
# compile is compared byte for byte with the reference, written with every
# location kept (ESCAPE_KEEP_LOCATIONS: no location trimming) and every
# remark through libyaml's emitter (ESCAPE_YAML_LIBYAML: no direct path).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

usage() {
  cat <<'EOF'
usage: scripts/yaml-compare.sh [options] [FILE.c...]

Compiles the corpus (scripts/corpus.sh) and the given FILEs at -O2 without
-g (where the plugin tracks and trims locations itself) with the plugin
three times, and compares the YAML files with cmp:

  written     the plugin as it is
  libyaml     ESCAPE_YAML_LIBYAML=1: every remark through libyaml's emitter
  reference   ESCAPE_KEEP_LOCATIONS=1 ESCAPE_YAML_LIBYAML=1: also every
              location kept

"written = libyaml" proves the direct YAML path equivalent to libyaml's
emitter; "written = reference" that location trimming loses no remark,
location or argument. Both files must also be read by libyaml's parser
(escape report) and by llvm-remarkutil-19 count --parser=yaml with the
same counts. One line per file and check.
Exit status: 0 all the same, 1 a difference or a failed compile, 2 usage.

options:
  --only NAMES     corpus files (comma-separated: sqlite3, duktape,
                   tree-sitter-c; default all)
  --no-corpus      only the FILEs given
  --mode ARGS      plugin arguments, comma-separated (default verbose: the
                   most remarks)
  --clang PATH     C compiler (default clang-19)
  --plugin PATH    the plugin (default build/lib/libescape.so)
  --keep DIR       keep the YAML files in DIR (default: a temporary directory)
  -h, --help       this text

environment: ESCAPE_BUILD_DIR (default build/), ESCAPE_BENCH_CACHE (corpus)
EOF
}

die_usage() { echo "yaml-compare: $*" >&2; exit 2; }

only=""
corpus=1
mode=verbose
clang=clang-19
plugin="$build/lib/libescape.so"
keep=""
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --only|--mode|--clang|--plugin|--keep)
      [ $# -ge 2 ] || die_usage "$1 needs a value"
      case $1 in
        --only) only=$2 ;; --mode) mode=$2 ;; --clang) clang=$2 ;;
        --plugin) plugin=$2 ;; --keep) keep=$2 ;;
      esac
      shift 2 ;;
    --no-corpus) corpus=0; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die_usage "unknown option $1 (see --help)" ;;
    *) [ -f "$1" ] || die_usage "$1: no such file"; files+=("$1"); shift ;;
  esac
done
[ -f "$plugin" ] || die_usage "$plugin: no such plugin (build first)"
command -v "$clang" >/dev/null || die_usage "$clang: not found"
escape="$build/bin/escape"
[ -x "$escape" ] || die_usage "$escape: no such driver (build first)"
remarkutil=$(command -v llvm-remarkutil-19 || command -v llvm-remarkutil || true)

if [ $corpus -eq 1 ]; then
  corpus_args=()
  [ -z "$only" ] || corpus_args=(--only "$only")
  while read -r _ path; do files+=("$path"); done \
    < <("$root/scripts/corpus.sh" "${corpus_args[@]}")
fi
[ ${#files[@]} -gt 0 ] || die_usage "no files to compile"

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$keep
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

plugin_args=(-fplugin="$plugin")
IFS=, read -r -a words <<<"$mode"
for word in "${words[@]}"; do
  [ -z "$word" ] || plugin_args+=(-fplugin-arg-escape-"$word")
done

failed=0
compile() {  # file variant env...: writes $work/NAME.variant.yaml
  local file=$1 variant=$2 name
  shift 2
  name=$(basename "${file%.*}")
  if ! env "$@" "$clang" -O2 -c "$file" "${plugin_args[@]}" \
         -fplugin-arg-escape-yaml="$work/$name.$variant.yaml" \
         -o "$work/$name.$variant.o" 2>"$work/$name.$variant.err"; then
    echo "$name: $variant compile FAILED: $(head -c 300 "$work/$name.$variant.err")"
    return 1
  fi
}
counts() {  # yaml: what libyaml's parser and LLVM's read, or FAILED
  local report util=-
  report=$("$escape" report "$1" 2>&1) || { echo "report FAILED"; return; }
  report="$(printf '%s\n' "$report" | wc -l) lines, md5 $(printf '%s\n' "$report" | md5sum | cut -c1-12)"
  if [ -n "$remarkutil" ]; then
    util=$("$remarkutil" count --parser=yaml "$1" 2>&1) || util=FAILED
    [ "$util" = FAILED ] ||
      util="$(printf '%s\n' "$util" | wc -l) lines, md5 $(printf '%s\n' "$util" | md5sum | cut -c1-12)"
  fi
  echo "report: $report; remarkutil: $util"
}
same() {  # name a b
  local name=$1 a=$2 b=$3
  if cmp -s "$work/$name.$a.yaml" "$work/$name.$b.yaml"; then
    echo "$name: $a = $b ($(grep -c '^--- !' "$work/$name.$a.yaml") remarks)"
  else
    failed=1
    echo "$name: $a DIFFERS from $b"
    diff "$work/$name.$b.yaml" "$work/$name.$a.yaml" | head -n 20 || true
  fi
}

for file in "${files[@]}"; do
  name=$(basename "${file%.*}")
  compile "$file" written ESCAPE_UNUSED=1 &&
    compile "$file" libyaml ESCAPE_YAML_LIBYAML=1 &&
    compile "$file" reference ESCAPE_YAML_LIBYAML=1 ESCAPE_KEEP_LOCATIONS=1 ||
    { failed=1; continue; }
  same "$name" written libyaml
  same "$name" written reference
  written_counts=$(counts "$work/$name.written.yaml")
  reference_counts=$(counts "$work/$name.reference.yaml")
  if [ "$written_counts" = "$reference_counts" ] && [[ $written_counts != *FAILED* ]]; then
    echo "$name: read back the same ($written_counts)"
  else
    failed=1
    echo "$name: read back DIFFERS: written: $written_counts; reference: $reference_counts"
  fi
done
exit $failed
