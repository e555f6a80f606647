#!/usr/bin/env bash
# The plugin must be invisible: the object code of every compile is byte for
# byte the same with and without it, in every mode, with and without -g.
# Compiles each file once plain and once per mode, and cmp's the objects.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

usage() {
  cat <<'EOF'
usage: scripts/check-identical.sh [options] [FILE.c|FILE.cpp...]

Compiles the corpus (scripts/corpus.sh) and the given FILEs without the
plugin and with it in every mode, with and without -g, and compares the
objects with cmp. One line per file/level/debug/mode; on a difference, the
functions whose code differs (llvm-objdump-19 -d per function) and the
symbols whose size differs (llvm-nm-19 -S). A difference without -g is also
compared with clang's own -Rpass location tracking, which tells LLVM's
location-tracking perturbation from the plugin's own doing.
Exit status: 0 all identical, 1 a difference or a failed plugin compile,
2 usage error or a failed plain compile.

modes: quiet (YAML only), remarks (printing), verbose (verbose + printing),
       warn (Missed remarks as warnings, stderr discarded), yaml-none

options:
  --only NAMES     corpus files to use (comma-separated: sqlite3, duktape,
                   tree-sitter-c; default all)
  --no-corpus      only the FILEs given
  --levels LIST    optimisation levels, comma-separated (default O2)
  --all-levels     the same as --levels O1,O2,O3
  --modes LIST     plugin modes, comma-separated (default all five above)
  --debug LIST     debug variants: none, g (default none,g)
  --cflags FLAGS   extra flags for every compile (e.g. "-isystem DIR")
  --clang PATH     C compiler (default clang-19); --clangxx PATH for C++
                   (default: clang-19 -> clang++-19, clang -> clang++)
  --plugin PATH    the plugin (default build/lib/libescape.so)
  -j N             compiles in parallel (default 1)
  --skip-failing   a file whose plain compile fails is reported as skipped
                   instead of stopping the run with exit 2 (for globs)
  --diff           print the disassembly diff of the differing functions
                   (first 60 lines each)
  --keep DIR       keep objects in DIR (default: a temporary directory)
  -h, --help       this text

environment: ESCAPE_BUILD_DIR (default build/), ESCAPE_BENCH_CACHE (corpus)
EOF
}

die_usage() { echo "check-identical: $*" >&2; exit 2; }

only=""
corpus=1
levels=O2
modes=quiet,remarks,verbose,warn,yaml-none
debugs=none,g
cflags=""
clang="clang-19"
clangxx=""
plugin="$build/lib/libescape.so"
jobs=1
show_diff=0
skip_failing=0
keep=""
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --only|--levels|--modes|--debug|--cflags|--clang|--clangxx|--plugin|-j|--keep)
      [ $# -ge 2 ] || die_usage "$1 needs a value"
      case $1 in
        --only) only=$2 ;; --levels) levels=$2 ;; --modes) modes=$2 ;;
        --debug) debugs=$2 ;; --cflags) cflags=$2 ;; --clang) clang=$2 ;;
        --clangxx) clangxx=$2 ;; --plugin) plugin=$2 ;; -j) jobs=$2 ;;
        --keep) keep=$2 ;;
      esac
      shift 2 ;;
    --no-corpus) corpus=0; shift ;;
    --all-levels) levels=O1,O2,O3; shift ;;
    --diff) show_diff=1; shift ;;
    --skip-failing) skip_failing=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; files+=("$@"); break ;;
    -*) die_usage "unknown option '$1' (see --help)" ;;
    *) files+=("$1"); shift ;;
  esac
done
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die_usage "-j needs a positive number"
IFS=, read -r -a level_list <<<"$levels"
IFS=, read -r -a mode_list <<<"$modes"
IFS=, read -r -a debug_list <<<"$debugs"
for level in "${level_list[@]}"; do
  [[ $level =~ ^O[1-3sz]$ ]] || die_usage "bad level '$level' (O1, O2, O3, Os, Oz)"
done
for mode in "${mode_list[@]}"; do
  case $mode in quiet|remarks|verbose|warn|yaml-none) ;;
    *) die_usage "unknown mode '$mode' (quiet, remarks, verbose, warn, yaml-none)" ;;
  esac
done
for debug in "${debug_list[@]}"; do
  case $debug in none|g) ;; *) die_usage "unknown debug variant '$debug' (none, g)" ;; esac
done
for file in "${files[@]}"; do
  [ -f "$file" ] || die_usage "no such file: $file"
done
read -r -a cflag_list <<<"$cflags"
clangxx=${clangxx:-$(printf %s "$clang" | sed -E 's/clang(-[0-9]+)?$/clang++\1/')}
command -v "$clang" >/dev/null || die_usage "no compiler '$clang'"
[ -f "$plugin" ] || die_usage "no plugin at $plugin (build first)"
objdump=$(command -v llvm-objdump-19 || command -v llvm-objdump || true)
nm=$(command -v llvm-nm-19 || command -v llvm-nm || true)

inputs=()  # "LABEL PATH"
if [ $corpus -eq 1 ]; then
  only_args=()
  [ -z "$only" ] || only_args=(--only "$only")
  while read -r name path; do
    inputs+=("$name.c $path")
  done < <("$root/scripts/corpus.sh" "${only_args[@]}")
elif [ -n "$only" ]; then
  die_usage "--only selects corpus files; it cannot go with --no-corpus"
fi
for file in "${files[@]}"; do inputs+=("$(basename "$file") $file"); done
[ ${#inputs[@]} -gt 0 ] || die_usage "nothing to compile: no corpus and no FILE"

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/escape-identical.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

mode_args() {  # sets extra to the plugin arguments of mode $1
  extra=(-fplugin="$plugin")
  case $1 in
    remarks) extra+=(-fplugin-arg-escape-remarks) ;;
    verbose) extra+=(-fplugin-arg-escape-verbose -fplugin-arg-escape-remarks) ;;
    warn) extra+=(-fplugin-arg-escape-warn) ;;
    yaml-none) extra+=(-fplugin-arg-escape-yaml=none) ;;
  esac
}

# Per-function disassembly of object $1 into directory $2 (one file per
# function, addresses that move with earlier functions removed).
split_functions() {
  mkdir -p "$2"
  "$objdump" -d -r --no-show-raw-insn --no-leading-addr "$1" |
    sed -E 's/0x[0-9a-f]+ </</g; s/-?0x[0-9a-f]+\(%rip\)/(%rip)/g
            s/^[[:space:]]*[0-9a-f]+:[[:space:]]+R_/R_/' |
    awk -v dir="$2" '/^<.*>:$/ { if (out) close(out); name = substr($0, 2, length($0) - 3)
                                 out = dir "/" name; next }
                     out { print > out }'
}

explain_difference() {  # plain.o other.o dir mode
  local plain=$1 other=$2 dir=$3 mode=$4
  if [ -n "$objdump" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    split_functions "$plain" "$dir/plain"
    split_functions "$other" "$dir/$mode"
    local report
    report=$( (cd "$dir" && diff -rq plain "$mode" 2>&1) |
      awk -v m="$mode" '
        /^Files / { n = split($2, p, "/"); changed = changed " " p[n] }
        /^Only in plain: / { only_plain = only_plain " " $4 }
        /^Only in / && !/^Only in plain: / { only_other = only_other " " $4 }
        END {
          if (changed != "") print "    functions whose code differs:" changed
          if (only_plain != "") print "    functions only in the plain object:" only_plain
          if (only_other != "") print "    functions only in the " m " object:" only_other
        }' || true)
    echo "${report:-    no function differs (another section does)}"
    if [ $show_diff -eq 1 ] && [ -n "$report" ]; then
      (cd "$dir" && diff -r -u plain "$mode") | head -60 | sed 's/^/      /' || true
    fi
  fi
  if [ -n "$nm" ]; then
    local sizes
    sizes=$(diff <("$nm" -S --defined-only "$plain" | awk 'NF == 4 { print $4, $2 }' | sort) \
                 <("$nm" -S --defined-only "$other" | awk 'NF == 4 { print $4, $2 }' | sort) |
            awk -v m="$mode" '
              /^</ { plain[$2] = $3 } /^>/ { other[$2] = $3; seen[$2] = 1 }
              /^</ { seen[$2] = 1 }
              END { for (s in seen)
                      printf " %s (plain 0x%s, %s 0x%s)", s,
                             (s in plain) ? plain[s] : "-", m, (s in other) ? other[s] : "-" }' ||
            true)
    [ -z "$sizes" ] || echo "    symbol sizes that differ:$sizes"
  fi
}

compile() {  # out.o stderr-file compiler-and-flags...
  local out=$1 err=$2
  shift 2
  "$@" -o "$out" 2>"$err"
}

differences=0
failures=0
skipped=0
checks=0
for input in "${inputs[@]}"; do
  label=${input%% *}
  path=${input#* }
  cc=$clang
  case $path in *.cpp|*.cc|*.cxx|*.C) cc=$clangxx ;; esac
  for level in "${level_list[@]}"; do
    for debug in "${debug_list[@]}"; do
      gflag=()
      [ "$debug" = none ] || gflag=(-g)
      stem="$work/$label.$level.$debug"
      base=("$cc" -"$level" "${gflag[@]}" "${cflag_list[@]}" -c "$path")
      # The plain build and every mode, up to -j at a time.
      pids=()
      names=(plain "${mode_list[@]}")
      for name in "${names[@]}"; do
        if [ ${#pids[@]} -ge "$jobs" ]; then
          wait "${pids[0]}" || true
          pids=("${pids[@]:1}")
        fi
        extra=()
        [ "$name" = plain ] || mode_args "$name"
        if [ "$name" = quiet ]; then
          extra+=(-fplugin-arg-escape-yaml="$stem.quiet.escape.yaml")
        fi
        (status=0
         compile "$stem.$name.o" "$stem.$name.err" "${base[@]}" "${extra[@]}" || status=$?
         echo $status >"$stem.$name.status") &
        pids+=($!)
      done
      wait
      dlabel=$([ "$debug" = none ] && echo "   " || echo "-g ")
      if [ "$(cat "$stem.plain.status")" -ne 0 ]; then
        if [ $skip_failing -eq 1 ]; then
          printf 'skipped    %-22s -%s %s (the plain compile fails)\n' "$label" "$level" "$dlabel"
          skipped=$((skipped + 1))
          continue
        fi
        echo "check-identical: plain compile of $path failed:" >&2
        head -20 "$stem.plain.err" >&2
        exit 2
      fi
      loctrack=""
      for mode in "${mode_list[@]}"; do
        checks=$((checks + 1))
        status=$(cat "$stem.$mode.status")
        if [ "$status" -ne 0 ]; then
          failures=$((failures + 1))
          printf 'FAILED     %-22s -%s %s %-9s exit %s: %s\n' "$label" "$level" "$dlabel" \
            "$mode" "$status" "$(grep -m1 -i 'error' "$stem.$mode.err" || true)"
          continue
        fi
        if cmp -s "$stem.plain.o" "$stem.$mode.o"; then
          printf 'identical  %-22s -%s %s %s\n' "$label" "$level" "$dlabel" "$mode"
          continue
        fi
        differences=$((differences + 1))
        note=""
        if [ "$debug" = none ]; then
          if [ -z "$loctrack" ]; then
            # clang's own location tracking: any -Rpass turns it on
            if compile "$stem.loctrack.o" /dev/null "${base[@]}" \
                 -Rpass-missed=escape-check-identical-nothing; then
              loctrack="$stem.loctrack.o"
            else
              loctrack=failed
            fi
          fi
          if [ "$loctrack" != failed ] && cmp -s "$loctrack" "$stem.$mode.o"; then
            note=" (same object as clang's own -Rpass location tracking: LLVM's perturbation)"
          else
            note=" (not the same as clang's own -Rpass location tracking)"
          fi
        fi
        printf 'DIFFERS    %-22s -%s %s %s%s\n' "$label" "$level" "$dlabel" "$mode" "$note"
        explain_difference "$stem.plain.o" "$stem.$mode.o" "$stem.functions" "$mode"
      done
    done
  done
done

echo "check-identical: $checks comparisons, $differences differ, $failures plugin compiles failed$(
  [ $skipped -eq 0 ] || echo ", $skipped file/level/debug variants skipped (plain compile fails)")"
[ $differences -eq 0 ] && [ $failures -eq 0 ]
