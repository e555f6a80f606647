#!/usr/bin/env bash
# The oracle for the plugin's escape verdicts: compiles each FILE once
# without the plugin (-O2 -g -emit-llvm) and asks LLVM itself, from that
# final IR, which pointer parameters and which named stack slots are
# captured; then compiles it with the plugin (without and with -g) and
# compares the YAML with that (scripts/crosscheck.py, written independently
# of the plugin's code). Prints one table per FILE and plugin mode.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/crosscheck.sh [options] FILE... [-- CFLAGS...]

  --plugin PATH     the plugin (default: build/lib/libescape.so)
  --llvm-bin DIR    clang and opt from there (default: llvm-config-19 --bindir)
  --modes LIST      plugin compiles to compare: nog, g or nog,g (default nog,g)
  --examples N      examples printed per category (default 5)
  --keep DIR        keep the IR and YAML files in DIR
  CFLAGS            extra compile flags for every compile (-I, -D, ...)

Categories: agree, opposite (the plugin's verdict is not LLVM's), wrong name
(the plugin names a variable that has no such storage there), wrong line,
not reported (LLVM has a named slot or pointer parameter the plugin says
nothing about), unverified (the plugin names a variable LLVM's debug info
no longer places). Exit 0 when the tables could be made, 2 on errors.
EOF
}

here=$(cd "$(dirname "$0")" && pwd)
plugin="$here/../build/lib/libescape.so"
llvm_bin=""
modes="nog,g"
examples=5
keep=""
files=()
cflags=()
while [ $# -gt 0 ]; do
  case $1 in
    --plugin) plugin=$2; shift 2 ;;
    --llvm-bin) llvm_bin=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --examples) examples=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; cflags=("$@"); break ;;
    -*) echo "crosscheck: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || { usage >&2; exit 2; }
[ -n "$llvm_bin" ] || llvm_bin=$(llvm-config-19 --bindir)
clang="$llvm_bin/clang"
opt="$llvm_bin/opt"
for tool in "$clang" "$opt"; do
  [ -x "$tool" ] || { echo "crosscheck: error: no $tool" >&2; exit 2; }
done
[ -f "$plugin" ] || { echo "crosscheck: error: no plugin at $plugin" >&2; exit 2; }

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$keep
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "crosscheck: error: no file $file" >&2; exit 2; }
  base=$(basename "$file")
  lang=()
  case $file in *.cpp|*.cc|*.cxx) lang=(-x c++) ;; esac
  # LLVM's view: the final IR, every value named so slots can become
  # parameters (crosscheck.py asks function-attrs about those).
  "$clang" "${lang[@]}" -O2 -g -emit-llvm -S "${cflags[@]}" "$file" \
    -o "$work/$base.ll"
  "$opt" -passes=instnamer -S "$work/$base.ll" -o "$work/$base.named.ll"
  python3 "$here/crosscheck.py" slots "$work/$base.named.ll" \
    >"$work/$base.slots.ll"
  "$opt" -disable-verify -passes=function-attrs -S "$work/$base.slots.ll" \
    -o "$work/$base.attrs.ll"
  IFS=, read -r -a wanted <<<"$modes"
  for mode in "${wanted[@]}"; do
    g=()
    label="without -g"
    case $mode in
      g) g=(-g); label="with -g" ;;
      nog) ;;
      *) echo "crosscheck: error: unknown mode '$mode'" >&2; exit 2 ;;
    esac
    "$clang" "${lang[@]}" -O2 "${g[@]}" "${cflags[@]}" -fplugin="$plugin" \
      -fplugin-arg-escape-verbose \
      -fplugin-arg-escape-yaml="$work/$base.$mode.yaml" \
      -c "$file" -o /dev/null
    python3 "$here/crosscheck.py" compare --examples "$examples" \
      --title "$base, plugin $label" "$work/$base.named.ll" \
      "$work/$base.attrs.ll" "$work/$base.$mode.yaml"
  done
done
