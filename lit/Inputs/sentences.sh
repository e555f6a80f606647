#!/usr/bin/env bash
# usage: sentences.sh CLANG ESCAPE PLUGIN CHECKER SRC_DIR WORK_DIR
# Compiles every C and C++ input of the lit suite with the plugin printing
# every remark (verbose) and writing YAML, and runs CHECKER (scripts/
# check-sentences.py) on each: clang's text, `escape report`'s text and the
# concatenated YAML Args must be the same sentence. Prints one line per file.
set -euo pipefail
clang=$1 escape=$2 plugin=$3 checker=$4 src=$5 work=$6
mkdir -p "$work"
status=0
cd "$src"
for file in *.c *.cpp Inputs/*.c Inputs/*.cpp Inputs/*/*.c Inputs/*/*.cpp; do
  [ -f "$file" ] || continue
  # The scan test's input that must not compile.
  [ "$file" = Inputs/scan/broken.c ] && continue
  # Inputs whose assertions are violated on purpose: the compile fails with
  # the assertion's error, not with remarks (lit/assert-violated.test).
  case $file in Inputs/assertions/*) continue ;; esac
  flags=(-O2 -IInputs/sys -IInputs/inline -DGREETING='"hello world"' '-DSPACED=1 + 2')
  names=()
  case $file in
    *.cpp) compiler=${clang}++; flags+=(-std=c++20); names=(--names-as-printed) ;;
    *) compiler=$clang; flags+=(-std=gnu2x -fblocks) ;;
  esac
  out=$work/${file//\//_}
  "$compiler" "${flags[@]}" -fplugin="$plugin" -fplugin-arg-escape-remarks \
    -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml="$out.yaml" \
    -c "$file" -o "$out.o" 2>"$out.stderr" ||
    { echo "$file: does not compile"; cat "$out.stderr"; status=1; continue; }
  "$escape" report --format json "$out.yaml" >"$out.json"
  if result=$(python3 "$checker" "$out.stderr" "$out.yaml" "$out.json" "${names[@]}"); then
    echo "$file: $result"
  else
    echo "$file: $result"
    status=1
  fi
done
exit $status
