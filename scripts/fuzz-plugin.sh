#!/usr/bin/env bash
# Random C programs (csmith) through clang-19 with and without the plugin:
# the plugin must never crash, hang, warn about itself, change the object
# code or write YAML that LLVM's remark parser rejects.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

usage() {
  cat <<'EOF'
usage: scripts/fuzz-plugin.sh [options] N

Generates N random C programs with csmith and compiles each at every level,
once without the plugin and once with it (verbose, printing on, YAML on).
A finding is, for a program whose plain compile succeeds:
  crash     the plugin compile fails (non-zero exit or signal)
  timeout   the plugin compile exceeds the timeout
  internal  the plugin warns "escape: ... (the compile is unaffected)"
  differs   the object differs from the plain one (also compared with
            clang's own -Rpass location tracking, to tell LLVM's known
            location-tracking perturbation from a plugin bug)
  yaml      llvm-remarkutil-19 count --parser=yaml rejects the YAML
Every finding's program, stderr and objects are kept in OUT/findings/.
Exit status: 0 no findings, 1 findings, 2 usage or setup error.

options:
  --seed S          first csmith seed (default 1); program i uses S+i-1,
                    so a run is reproducible and a range can be resumed
  --levels LIST     optimisation levels, comma-separated (default O1,O2,O3)
  -g                add -g to every compile (no location tracking by the plugin)
  --timeout SECS    per compile (default 60)
  -j N              programs in parallel (default 1)
  --out DIR         output directory (default $ESCAPE_BUILD_DIR/fuzz or build/fuzz)
  --install-csmith  install csmith and libcsmith-dev with apt when missing
                    (as root or with sudo)
  --clang PATH      the compiler (default clang-19)
  --plugin PATH     the plugin (default build/lib/libescape.so)
  -q, --quiet       no line per program, only findings and the summary
  -h, --help        this text

environment: ESCAPE_BUILD_DIR (build directory, default build/)
EOF
}

die_usage() { echo "fuzz-plugin: $*" >&2; exit 2; }

seed=1
levels=O1,O2,O3
debug=()
timeout_secs=60
jobs=1
out=""
install=0
clang="clang-19"
plugin="$build/lib/libescape.so"
quiet=0
count=""
while [ $# -gt 0 ]; do
  case $1 in
    --seed|--levels|--timeout|-j|--out|--clang|--plugin)
      [ $# -ge 2 ] || die_usage "$1 needs a value"
      case $1 in
        --seed) seed=$2 ;; --levels) levels=$2 ;; --timeout) timeout_secs=$2 ;;
        -j) jobs=$2 ;; --out) out=$2 ;; --clang) clang=$2 ;; --plugin) plugin=$2 ;;
      esac
      shift 2 ;;
    -g) debug=(-g); shift ;;
    --install-csmith) install=1; shift ;;
    -q|--quiet) quiet=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die_usage "unknown option '$1' (see --help)" ;;
    *) [ -z "$count" ] || die_usage "one count only (see --help)"; count=$1; shift ;;
  esac
done
[ -n "$count" ] || die_usage "missing N, the number of programs (see --help)"
for number in "$count" "$seed" "$timeout_secs" "$jobs"; do
  [[ $number =~ ^[0-9]+$ ]] || die_usage "'$number' is not a number"
done
[ "$jobs" -ge 1 ] || die_usage "-j needs at least 1"
IFS=, read -r -a level_list <<<"$levels"
for level in "${level_list[@]}"; do
  [[ $level =~ ^O[0-3sz]$ ]] || die_usage "bad level '$level' (O1, O2, O3, ...)"
done
out=${out:-$build/fuzz}
if [ "$count" -eq 0 ]; then
  echo "fuzz-plugin: 0 programs: nothing to do"
  exit 0
fi

csmith_include() {
  local dir
  for dir in /usr/include/csmith /usr/include/csmith-* /usr/local/include/csmith \
             /usr/local/include/csmith-*; do
    if [ -f "$dir/csmith.h" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! command -v csmith >/dev/null 2>&1 || ! csmith_include >/dev/null; then
  if [ $install -eq 0 ]; then
    echo "fuzz-plugin: csmith (and its headers) not found; rerun with" \
         "--install-csmith, or: apt-get install csmith libcsmith-dev" >&2
    exit 2
  fi
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo)
    else
      echo "fuzz-plugin: run as root: apt-get install -y csmith libcsmith-dev" >&2
      exit 2
    fi
  fi
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y \
    --no-install-recommends csmith libcsmith-dev >&2 ||
    { "${as_root[@]}" apt-get update >&2 &&
      DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y \
        --no-install-recommends csmith libcsmith-dev >&2; } ||
    { echo "fuzz-plugin: could not install csmith" >&2; exit 2; }
fi
include=$(csmith_include) || { echo "fuzz-plugin: csmith.h not found" >&2; exit 2; }
command -v "$clang" >/dev/null || { echo "fuzz-plugin: no compiler '$clang'" >&2; exit 2; }
[ -f "$plugin" ] || { echo "fuzz-plugin: no plugin at $plugin (build first)" >&2; exit 2; }
remarkutil=$(command -v llvm-remarkutil-19 || command -v llvm-remarkutil || true)
[ -n "$remarkutil" ] || { echo "fuzz-plugin: llvm-remarkutil not found" >&2; exit 2; }

mkdir -p "$out/findings"
work=$(mktemp -d "$out/work.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One program: prints one result line per level,
#   SEED LEVEL VERDICT [DETAIL]
# where VERDICT is ok, skip (plain compile failed) or a finding kind.
fuzz_one() {
  local s=$1 dir="$work/$1"
  mkdir -p "$dir"
  # (csmith writes platform.info into its working directory)
  if ! (cd "$dir" && timeout "$timeout_secs" csmith --seed "$s" -o prog.c \
      >/dev/null 2>csmith.err); then
    echo "$s - skip csmith-failed"
    return 0
  fi
  local level common kept=0
  for level in "${level_list[@]}"; do
    common=(-"$level" "${debug[@]}" -I"$include" -c "$dir/prog.c")
    local status=0
    timeout "$timeout_secs" "$clang" "${common[@]}" -o "$dir/plain-$level.o" \
      2>/dev/null || status=$?
    if [ $status -ne 0 ]; then
      echo "$s $level skip plain-exit-$status"
      continue
    fi
    status=0
    timeout "$timeout_secs" "$clang" "${common[@]}" -fplugin="$plugin" \
      -fplugin-arg-escape-verbose -fplugin-arg-escape-remarks \
      -fplugin-arg-escape-yaml="$dir/plugin-$level.yaml" \
      -o "$dir/plugin-$level.o" 2>"$dir/plugin-$level.err" || status=$?
    local verdicts=()
    if [ $status -eq 124 ]; then
      verdicts+=("timeout")
    elif [ $status -ne 0 ]; then
      verdicts+=("crash exit-$status")
    else
      if grep -q 'escape: .*(the compile is unaffected)' "$dir/plugin-$level.err"; then
        verdicts+=("internal $(grep -o 'escape: .*(the compile is unaffected)' \
          "$dir/plugin-$level.err" | head -1 | tr ' ' '_')")
      fi
      if ! cmp -s "$dir/plain-$level.o" "$dir/plugin-$level.o"; then
        # clang's own location tracking (any -Rpass) as the reference
        timeout "$timeout_secs" "$clang" "${common[@]}" -Rpass-missed=escape-fuzz-nothing \
          -o "$dir/loctrack-$level.o" 2>/dev/null || true
        if cmp -s "$dir/loctrack-$level.o" "$dir/plugin-$level.o"; then
          verdicts+=("differs as-clang-Rpass")
        else
          verdicts+=("differs plugin-only")
        fi
      fi
      if [ ! -f "$dir/plugin-$level.yaml" ]; then
        verdicts+=("yaml missing")
      elif ! "$remarkutil" count --parser=yaml "$dir/plugin-$level.yaml" \
          >/dev/null 2>"$dir/remarkutil-$level.err"; then
        verdicts+=("yaml rejected")
      fi
    fi
    if [ ${#verdicts[@]} -eq 0 ]; then
      echo "$s $level ok"
      continue
    fi
    local verdict
    for verdict in "${verdicts[@]}"; do echo "$s $level $verdict"; done
    if [ $kept -eq 0 ]; then
      rm -rf "$out/findings/seed-$s"
      mkdir -p "$out/findings/seed-$s"
      cp "$dir/prog.c" "$out/findings/seed-$s/"
      kept=1
    fi
    cp "$dir"/*-"$level".* "$out/findings/seed-$s/" 2>/dev/null || true
    printf '%s\n' "$clang -$level ${debug[*]} -I$include -fplugin=$plugin" \
      "  -fplugin-arg-escape-verbose -fplugin-arg-escape-remarks -c prog.c" \
      >"$out/findings/seed-$s/command-$level.txt"
  done
  rm -rf "$dir"
}

results="$out/results.txt"
: >"$results"
last=$((seed + count - 1))
echo "fuzz-plugin: $count programs (seeds $seed..$last), levels $levels${debug:+ with -g}," \
     "timeout ${timeout_secs}s, -j $jobs, out $out" >&2
running=0
for s in $(seq "$seed" "$last"); do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  (fuzz_one "$s" >"$work/$s.result"
   if [ $quiet -eq 0 ] || grep -qv ' ok$\| skip ' "$work/$s.result"; then
     awk -v s="$s" '{ $1 = ""; line = line sep substr($0, 2); sep = "; " }
                    END { print "fuzz-plugin: seed " s ": " line }' \
       "$work/$s.result" >&2
   fi) &
  running=$((running + 1))
done
wait
cat "$work"/*.result 2>/dev/null | sort -n -k1,1 -s >"$results" || true

compiles=$(awk '$2 != "-"' "$results" | wc -l)
ok=$(awk '$3 == "ok"' "$results" | wc -l)
skipped=$(awk '$3 == "skip"' "$results" | wc -l)
findings=$(awk '$3 != "ok" && $3 != "skip"' "$results" | wc -l)
echo "fuzz-plugin: summary: $count programs, seeds $seed..$last, levels $levels${debug:+ -g}"
echo "  program/level pairs: $compiles; ok $ok; skipped (plain compile or csmith failed) $skipped"
for kind in crash timeout internal differs yaml; do
  n=$(awk -v k="$kind" '$3 == k' "$results" | wc -l)
  detail=$(awk -v k="$kind" '$3 == k { print $4 }' "$results" | sort | uniq -c |
           awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')
  echo "  $kind: $n${detail:+ ($detail)}"
done
if [ "$findings" -gt 0 ]; then
  seeds=$(awk '$3 != "ok" && $3 != "skip" { print $1 }' "$results" | sort -un |
          paste -sd' ')
  echo "  findings kept in $out/findings/seed-* (seeds: $seeds); all results in $results"
  exit 1
fi
echo "  no findings"
