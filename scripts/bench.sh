#!/usr/bin/env bash
# The performance contract (SPEC.md "Performance") measured on real code:
# compile time and memory of clang-19 -O2 with and without the plugin, the
# YAML size against -fsave-optimization-record, and the escape driver
# against LLVM's remark tools, in one run, written into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

usage() {
  cat <<'EOF'
usage: scripts/bench.sh [options]

Compiles the corpus (scripts/corpus.sh: sqlite3, duktape, tree-sitter-c) with
clang-19 -O2 -c in six ways, interleaved, best of N wall time:
  plain       no plugin
  plugin      -fplugin=libescape.so (YAML on, printing off)
  printing    plugin + -fplugin-arg-escape-remarks (stderr to /dev/null)
  verbose     plugin + -fplugin-arg-escape-verbose + remarks (stderr to /dev/null)
  loctrack    no plugin, -Rpass-missed=<matches nothing>: the location
              tracking clang turns on for -Rpass (which the plugin turns on
              too when there is no -g), kept through the backend, and every
              pass building its remarks for clang to filter
  optrecord   -fsave-optimization-record (reference)
and prints seconds, ratios to plain, CPU time, peak RSS and output sizes.
Then times `escape report` on the .opt.yaml against `llvm-remarkutil-19
count --parser=yaml` and opt-viewer's opt-stats.py (needs python3 with
PyYAML; skipped with a note otherwise), and `escape report` on the plugin's
own YAML. The markdown table goes to stdout and into docs/benchmarks.md
between <!-- bench:begin --> and <!-- bench:end -->.
Runs scripts/inline-parity.sh FILE... on the corpus files when it exists.

options:
  -n N            runs per measurement, best of N (default 3, or $ESCAPE_BENCH_N)
  --modes LIST    compiles to run, comma-separated (default
                  plain,plugin,printing,verbose,loctrack,optrecord; plain is
                  always run, as the base of the ratios)
  --only NAMES    corpus files, comma-separated (default all)
  --driver-file NAME  the file whose YAML the driver is timed on (default
                  sqlite3 when selected, else the first)
  --no-write      do not update docs/benchmarks.md
  --no-driver     skip the driver measurements
  --no-parity     skip scripts/inline-parity.sh
  --profile       also perf-record the plugin compile of the driver file and
                  print the top symbols (perf; cpu-clock sampling)
  --instructions  also count the instructions (valgrind's callgrind, which
                  does not depend on the machine's load) of the compiles of
                  sqlite3.c and duktape.c (those selected; else the first
                  file): plain, plugin and printing, each with and without
                  -g, and loctrack without -g when selected; prints each
                  budget of SPEC.md "Performance (v2)" with PASS or OVER;
                  slow: about 40x a compile, two at a time (sqlite3.c:
                  about 25 min per compile on a busy machine), and the
                  share of the `// escape:` comment handler (budget 0.1%);
                  --modes selects plugin and printing here too; plain's
                  counts are kept in the corpus cache and reused while
                  the compiler, its version, the file and -g are the same
  --debug LIST    the -g variants of --instructions: no, g or no,g (default)
  --recount       count plain again even when a cached count exists
  --clang PATH    the compiler (default clang-19)
  --plugin PATH   the plugin (default $ESCAPE_BUILD_DIR/lib/libescape.so)
  --escape PATH   the driver (default $ESCAPE_BUILD_DIR/bin/escape)
  --keep DIR      keep objects and YAML in DIR (default: a temporary directory)
  --lsp           also time escape lsp publishing 1,000 remarks after didOpen
                  (scripts/bench-lsp.sh; target 50 ms)
  --lsp-only      only that, none of the compiles
  -h, --help      this text

environment: ESCAPE_BENCH_N, ESCAPE_BENCH_CACHE (corpus cache, default
${XDG_CACHE_HOME:-$HOME/.cache}/escape-bench), ESCAPE_BUILD_DIR (default build/)
Exit status: 0 all measured (targets over budget are reported, not fatal),
1 a compile or the parity check failed, 2 usage or setup error.
EOF
}

die_usage() { echo "bench: $*" >&2; exit 2; }

runs=${ESCAPE_BENCH_N:-3}
mode_list=plain,plugin,printing,verbose,loctrack,optrecord
only=""
driver_file=""
write=1
driver=1
parity=1
profile=0
instructions=0
lsp=0
debug_list=no,g
recount=0
clang="clang-19"
plugin="$build/lib/libescape.so"
escape="$build/bin/escape"
keep=""
while [ $# -gt 0 ]; do
  case $1 in
    -n|--only|--modes|--driver-file|--clang|--plugin|--escape|--keep|--debug)
      [ $# -ge 2 ] || die_usage "$1 needs a value"
      case $1 in
        -n) runs=$2 ;; --only) only=$2 ;; --modes) mode_list=$2 ;;
        --driver-file) driver_file=$2 ;;
        --clang) clang=$2 ;; --plugin) plugin=$2 ;; --escape) escape=$2 ;;
        --keep) keep=$2 ;; --debug) debug_list=$2 ;;
      esac
      shift 2 ;;
    -n[0-9]*) runs=${1#-n}; shift ;;
    --no-write) write=0; shift ;;
    --no-driver) driver=0; shift ;;
    --no-parity) parity=0; shift ;;
    --profile) profile=1; shift ;;
    --instructions) instructions=1; shift ;;
    --recount) recount=1; shift ;;
    --lsp) lsp=1; shift ;;
    --lsp-only) lsp=2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument '$1' (see --help)" ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die_usage "-n needs a positive number, not '$runs'"
command -v "$clang" >/dev/null || die_usage "no compiler '$clang'"
[ -f "$plugin" ] || die_usage "no plugin at $plugin (run scripts/build.sh)"
if [ $driver -eq 1 ] && [ ! -x "$escape" ]; then
  die_usage "no driver at $escape (run scripts/build.sh, or --no-driver)"
fi
if [ $profile -eq 1 ] && ! command -v perf >/dev/null; then
  die_usage "--profile needs perf"
fi
case $debug_list in
  no|g|no,g|g,no) ;;
  *) die_usage "--debug takes no, g or no,g, not '$debug_list'" ;;
esac
if [ $instructions -eq 1 ] && ! command -v valgrind >/dev/null; then
  die_usage "--instructions needs valgrind (apt-get install valgrind)"
fi
lsp_bench=("$root/scripts/bench-lsp.sh" -n "$runs" --clang "$clang" --plugin "$plugin" --escape "$escape")
if [ $lsp -eq 2 ]; then
  exec "${lsp_bench[@]}"
fi
remarkutil=$(command -v llvm-remarkutil-19 || command -v llvm-remarkutil || true)
prefix=$(llvm-config-19 --prefix 2>/dev/null || true)
opt_stats="$prefix/share/opt-viewer/opt-stats.py"
opt_stats_note=""
if [ ! -f "$opt_stats" ]; then
  opt_stats_note="opt-stats.py not found under \$(llvm-config-19 --prefix)/share/opt-viewer"
elif ! python3 -c 'import yaml' 2>/dev/null; then
  opt_stats_note="python3 has no PyYAML (pip install pyyaml, or apt-get install python3-yaml)"
fi

# The corpus.
only_args=()
[ -z "$only" ] || only_args=(--only "$only")
names=()
declare -A path
while read -r name file; do
  names+=("$name")
  path[$name]=$file
done < <("$root/scripts/corpus.sh" "${only_args[@]}")
[ ${#names[@]} -gt 0 ] || die_usage "no corpus file selected"
if [ -z "$driver_file" ]; then
  driver_file=${names[0]}
  for name in "${names[@]}"; do [ "$name" != sqlite3 ] || driver_file=sqlite3; done
elif [ -z "${path[$driver_file]:-}" ]; then
  die_usage "--driver-file $driver_file is not among the selected files (${names[*]})"
fi

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/escape-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

# timed KEY STDERR COMMAND...: runs COMMAND, keeps the best wall and CPU time
# of KEY and its largest peak RSS; records the exit status of a failure.
declare -A wall cpu rss status
if [ -x /usr/bin/time ]; then
  rusage=(/usr/bin/time -f '%U %S %M' -o "$work/rusage")
else  # getrusage of the child through python3 (same three numbers)
  rusage=(python3 -c 'import resource, subprocess, sys
r = subprocess.call(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.2f %.2f %d\n" % (u.ru_utime, u.ru_stime, u.ru_maxrss))
sys.exit(r if r >= 0 else 128 - r)' "$work/rusage")
fi
timed() {
  local key=$1 err=$2
  shift 2
  local start end code=0
  start=$(date +%s%N)
  "${rusage[@]}" "$@" >/dev/null 2>"$err" || code=$?
  end=$(date +%s%N)
  if [ $code -ne 0 ]; then
    status[$key]=$code
    return 0
  fi
  local seconds used peak
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r used peak < <(tail -n 1 "$work/rusage" | awk '{ printf "%.2f %d\n", $1 + $2, $3 }')
  if [ -z "${wall[$key]:-}" ] || awk -v a="$seconds" -v b="${wall[$key]}" 'BEGIN { exit !(a < b) }'; then
    wall[$key]=$seconds
  fi
  if [ -z "${cpu[$key]:-}" ] || awk -v a="$used" -v b="${cpu[$key]}" 'BEGIN { exit !(a < b) }'; then
    cpu[$key]=$used
  fi
  if [ -z "${rss[$key]:-}" ] || [ "$peak" -gt "${rss[$key]}" ]; then
    rss[$key]=$peak
  fi
  status[$key]=${status[$key]:-0}
}

modes=(plain)
IFS=, read -r -a wanted_modes <<<"$mode_list"
for mode in plugin printing verbose loctrack optrecord; do
  for wanted in "${wanted_modes[@]}"; do
    [ "$wanted" != "$mode" ] || modes+=("$mode")
  done
done
for wanted in "${wanted_modes[@]}"; do
  case $wanted in plain|plugin|printing|verbose|loctrack|optrecord) ;;
    *) die_usage "unknown mode '$wanted' (plain, plugin, printing, verbose, loctrack, optrecord)" ;;
  esac
done
declare -A label=(
  [plain]="plain \`$clang -O2 -c\`"
  [plugin]="plugin, YAML on, printing off"
  [printing]="plugin, printing (\`remarks\`)"
  [verbose]="plugin, \`verbose\` + printing"
  [loctrack]="no plugin, \`-Rpass-missed=<nothing>\` (clang's location tracking and remark building)"
  [optrecord]="\`-fsave-optimization-record\`"
)
mode_args() {  # sets args to the extra flags of mode $1 for file $2
  local p=(-fplugin="$plugin")
  case $1 in
    plain) args=() ;;
    plugin) args=("${p[@]}" -fplugin-arg-escape-yaml="$work/$2.plugin.escape.yaml") ;;
    printing) args=("${p[@]}" -fplugin-arg-escape-remarks
                    -fplugin-arg-escape-yaml="$work/$2.printing.escape.yaml") ;;
    verbose) args=("${p[@]}" -fplugin-arg-escape-verbose -fplugin-arg-escape-remarks
                   -fplugin-arg-escape-yaml="$work/$2.verbose.escape.yaml") ;;
    loctrack) args=(-Rpass-missed=escape-bench-matches-nothing) ;;
    optrecord) args=(-fsave-optimization-record
                     -foptimization-record-file="$work/$2.opt.yaml") ;;
  esac
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "bench: ${names[*]}: ${#modes[@]} compiles each, best of $runs, interleaved" >&2
for round in $(seq 1 "$runs"); do
  for name in "${names[@]}"; do
    for mode in "${modes[@]}"; do
      mode_args "$mode" "$name"
      err="$work/$name.$mode.err"
      case $mode in printing|verbose) err=/dev/null ;; esac
      timed "$name|$mode" "$err" "$clang" -O2 -c "${path[$name]}" "${args[@]}" \
        -o "$work/$name.$mode.o"
      echo "bench: round $round/$runs $name $mode:" \
           "${wall[$name|$mode]:-failed} s (best so far)" >&2
    done
  done
done

# Formatting helpers.
ratio() {  # value base -> "1.012 (+1.2%)"
  awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) { print "-"; exit }
    r = a / b; printf "%.3f (%+.1f%%)", r, (r - 1) * 100 }'
}
megabytes() {  # a byte count for people: 185 MB, 9.12 MB, 36 KB
  awk -v b="$1" 'BEGIN {
    if (b >= 10485760) printf "%.0f MB", b / 1048576
    else if (b >= 1048576) printf "%.2f MB", b / 1048576
    else printf "%.0f KB", b / 1024 }'
}
file_size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo 0; fi; }
remark_count() { if [ -f "$1" ]; then grep -c '^--- !' "$1" || true; else echo 0; fi; }

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
failed=0
table="$work/table.md"
{
  echo "Measured by \`scripts/bench.sh -n $runs\` on $(date -u +%Y-%m-%d) on" \
       "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null |
                          sed 's/.*: //' || uname -m)), load average" \
       "$load_before before the compiles and $load_after after them" \
       "(other work shares this machine)."
  echo "$($clang --version | head -1); escape $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?')."
  echo "Wall and CPU (user + sys) time: best of $runs, the ${#modes[@]} compiles of a file"
  echo "interleaved in each round; peak RSS: the largest of the runs."
  echo
  echo "| file | compile | wall s | vs plain | CPU s | vs plain | peak RSS | output |"
  echo "|---|---|---|---|---|---|---|---|"
  for name in "${names[@]}"; do
    first="\`$(basename "${path[$name]}")\` ($name, $(megabytes "$(file_size "${path[$name]}")"))"
    plain_wall=${wall[$name|plain]:-0}
    plain_cpu=${cpu[$name|plain]:-0}
    opt_size=$(file_size "$work/$name.opt.yaml")
    for mode in "${modes[@]}"; do
      key="$name|$mode"
      output=""
      case $mode in
        plugin|printing|verbose)
          yaml="$work/$name.$mode.escape.yaml"
          size=$(file_size "$yaml")
          output="$(megabytes "$size") YAML, $(remark_count "$yaml") remarks"
          if [ "$mode" = plugin ] && [ "$size" -gt 0 ] && [ "$opt_size" -gt 0 ]; then
            output="$output, 1/$(awk -v a="$opt_size" -v b="$size" 'BEGIN { printf "%.0f", a / b }') of \`.opt.yaml\`"
          fi ;;
        optrecord)
          output="$(megabytes "$opt_size") \`.opt.yaml\`, $(remark_count "$work/$name.opt.yaml") remarks" ;;
      esac
      if [ "${status[$key]:-0}" -ne 0 ] || [ -z "${wall[$key]:-}" ]; then
        failed=1
        echo "| $first | ${label[$mode]} | **failed (exit ${status[$key]:-?})** | | | | | $(head -c 200 "$work/$name.$mode.err" 2>/dev/null | tr '\n|' '  ') |"
      else
        wall_ratio=$(ratio "${wall[$key]}" "$plain_wall")
        cpu_ratio=$(ratio "${cpu[$key]}" "$plain_cpu")
        [ "$mode" != plain ] || { wall_ratio=-; cpu_ratio=-; }
        echo "| $first | ${label[$mode]} | ${wall[$key]} | $wall_ratio | ${cpu[$key]} | $cpu_ratio | $((rss[$key] / 1024)) MB | $output |"
      fi
      first=""
    done
  done
  echo
  echo "Targets (SPEC.md \"Performance\", sqlite3.c at -O2):"
  echo
  target_file=sqlite3
  [ -n "${path[sqlite3]:-}" ] || target_file=${names[0]}
  [ "$target_file" = sqlite3 ] || echo "- (sqlite3 not measured in this run; shown for $target_file)"
  verdict() {  # mode budget-percent description
    local key="$target_file|$1"
    if [[ " ${modes[*]} " != *" $1 "* ]]; then
      echo "- $3: not measured in this run"
      return
    fi
    if [ -z "${wall[$key]:-}" ] || [ -z "${wall[$target_file|plain]:-}" ]; then
      echo "- $3: not measured (a compile failed)"
      return
    fi
    awk -v a="${wall[$key]}" -v b="${wall[$target_file|plain]}" -v c="${cpu[$key]}" \
        -v d="${cpu[$target_file|plain]}" -v budget="$2" -v what="$3" 'BEGIN {
      w = (a / b - 1) * 100; u = (c / d - 1) * 100
      printf "- %s: %+.1f%% wall, %+.1f%% CPU (budget +%d%%): %s\n", what, w, u, budget,
             (w <= budget ? "met" : "**over budget**") }'
  }
  verdict plugin 3 "plugin, YAML on, printing off"
  verdict printing 5 "plugin, printing"
  yaml_size=$(file_size "$work/$target_file.plugin.escape.yaml")
  opt_size=$(file_size "$work/$target_file.opt.yaml")
  if [ "$yaml_size" -gt 0 ] && [ "$opt_size" -gt 0 ]; then
    awk -v a="$yaml_size" -v b="$opt_size" 'BEGIN {
      printf "- YAML size: 1/%.0f of the `.opt.yaml` (budget 1/20): %s\n", b / a,
             (a * 20 <= b ? "met" : "**over budget**") }'
  fi
} >"$table"

# The driver against LLVM's remark tools.
if [ $driver -eq 1 ]; then
  opt_yaml="$work/$driver_file.opt.yaml"
  own_yaml="$work/$driver_file.plugin.escape.yaml"
  declare -A dwall dstatus
  dtimed() {  # key command... (best wall of key; exit status of the last run)
    local key=$1 start end code=0 seconds
    shift
    start=$(date +%s%N)
    "$@" >/dev/null 2>"$work/driver-${key//|/-}.err" || code=$?
    end=$(date +%s%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    dstatus[$key]=$code
    if [ -z "${dwall[$key]:-}" ] || awk -v a="$seconds" -v b="${dwall[$key]}" 'BEGIN { exit !(a < b) }'; then
      dwall[$key]=$seconds
    fi
  }
  for round in $(seq 1 "$runs"); do
    echo "bench: round $round/$runs: driver on $driver_file's YAML" >&2
    [ ! -f "$opt_yaml" ] || dtimed "opt|escape" "$escape" report "$opt_yaml"
    if [ -f "$opt_yaml" ] && [ -n "$remarkutil" ]; then
      dtimed "opt|remarkutil" "$remarkutil" count --parser=yaml "$opt_yaml"
    fi
    [ ! -f "$own_yaml" ] || dtimed "own|escape" "$escape" report "$own_yaml"
    if [ -f "$own_yaml" ] && [ -n "$remarkutil" ]; then
      dtimed "own|remarkutil" "$remarkutil" count --parser=yaml "$own_yaml"
    fi
  done
  if [ -f "$opt_yaml" ] && [ -z "$opt_stats_note" ]; then
    echo "bench: opt-stats.py on $driver_file.opt.yaml (one run; it is slow)" >&2
    dtimed "opt|optstats" python3 "$opt_stats" --no-progress-indicator "$opt_yaml"
  fi
  {
    echo
    echo "Driver on $driver_file's remarks (best of $runs; opt-stats.py one run, with"
    echo "its default job count; it reads one file with one process):"
    echo
    echo "| input | tool | wall s | ÷ \`escape report\` | exit | throughput |"
    echo "|---|---|---|---|---|---|"
    row() {  # input key tool-label first-cell
      local key=$2
      if [ -z "${dstatus[$key]:-}" ]; then return; fi
      local base=${dwall[${key%%|*}|escape]:-0} size
      size=$(file_size "$1")
      if [ "${dstatus[$key]}" -ne 0 ]; then
        echo "| $4 | $3 | ${dwall[$key]} | | **exit ${dstatus[$key]}** | |"
      else
        echo "| $4 | $3 | ${dwall[$key]} | $(awk -v a="${dwall[$key]}" -v b="$base" 'BEGIN { if (b > 0) printf "%.2fx", a / b }') | 0 | $(awk -v s="$size" -v t="${dwall[$key]}" 'BEGIN { if (t > 0) printf "%.0f MB/s", s / 1048576 / t }') |"
      fi
    }
    row "$opt_yaml" "opt|escape" "\`escape report FILE >/dev/null\`" \
        "\`$driver_file.opt.yaml\` ($(megabytes "$(file_size "$opt_yaml")"))"
    row "$opt_yaml" "opt|remarkutil" "\`llvm-remarkutil-19 count --parser=yaml\`" ""
    if [ -n "$opt_stats_note" ]; then
      echo "| | opt-stats.py | skipped: $opt_stats_note | | | |"
    else
      row "$opt_yaml" "opt|optstats" "opt-viewer \`opt-stats.py\`" ""
    fi
    row "$own_yaml" "own|escape" "\`escape report FILE >/dev/null\`" \
        "\`$driver_file.escape.yaml\` ($(megabytes "$(file_size "$own_yaml")"))"
    row "$own_yaml" "own|remarkutil" "\`llvm-remarkutil-19 count --parser=yaml\`" ""
    for key in opt-escape own-escape; do
      if [ "${dstatus[${key/-/|}]:-0}" -ne 0 ]; then
        echo
        echo "\`escape report\` on the ${key%-*} YAML failed:" \
             "$(head -c 300 "$work/driver-$key.err" | tr '\n' ' ')"
      fi
    done
  } >>"$table"
fi

# Instruction counts (callgrind): the same work every run, whatever else
# the machine does, so differences of a fraction of a percent show. The
# budgets are SPEC.md's "Performance (v2)".
if [ $instructions -eq 1 ]; then
  declare -A irs
  count_files=()
  for name in "${names[@]}"; do
    case $name in sqlite3|duktape) count_files+=("$name") ;; esac
  done
  [ ${#count_files[@]} -gt 0 ] || count_files=("${names[0]}")
  # valgrind 3.19 cannot read the DWARF 5 that clang++ writes and gives up
  # on the whole run: callgrind gets copies without debug information (the
  # symbols stay, which is all an inclusive profile needs).
  vg_lib="$work/valgrind-lib"
  mkdir -p "$vg_lib"
  for lib in "$plugin" "$(dirname "$plugin")/libescape-frontend.so"; do
    [ ! -f "$lib" ] || objcopy --strip-debug "$lib" "$vg_lib/$(basename "$lib")" ||
      cp "$lib" "$vg_lib/"
  done
  # Plain clang's count depends only on the compiler, the file and -g:
  # kept in the corpus cache, so that a run counts only the plugin.
  count_cache="${ESCAPE_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/escape-bench}/instructions"
  mkdir -p "$count_cache"
  compiler_id=$( { readlink -f "$(command -v "$clang")"; "$clang" --version | head -n 1; } | sha256sum)
  plain_cache_file() {  # name debug: the cache file of that plain count
    local digest
    digest=$( { echo "$compiler_id"; sha256sum <"${path[$1]}"; echo "$2"; } | sha256sum)
    echo "$count_cache/${digest%% *}.ir"
  }
  counted() {  # key: "Ir" of the callgrind run of key, or empty
    local out="$work/callgrind.${1//|/-}.out"
    [ -f "$out" ] && awk '/^totals:/ { print $2 }' "$out"
  }
  count_job() {  # file mode debug: runs the compile's cc1 under callgrind
    local name=$1 debug=$3 line key="$1|$2|$3"
    local cached="" out="$work/callgrind.${key//|/-}.out"
    [ "$2" != plain ] || cached=$(plain_cache_file "$name" "$debug")
    if [ -n "$cached" ] && [ $recount -eq 0 ] && [ -s "$cached" ]; then
      echo "bench: $key: plain count from $cached (--recount counts it again)" >&2
      cp "$cached" "$out"
      return 0
    fi
    plugin="$vg_lib/$(basename "$plugin")"  # this job's subshell only
    mode_args "$2" "$name"
    local extra=()
    [ "$debug" = no ] || extra=(-g)
    # The cc1 command itself: valgrind does not follow the driver's fork.
    line=$("$clang" -### -O2 -c "${path[$name]}" "${extra[@]}" "${args[@]}" \
             -o "$work/count.${key//|/-}.o" 2>&1 | tail -n 1)
    local cc1
    eval "cc1=($line)"
    nice -n 5 valgrind --tool=callgrind --dump-instr=no \
      --callgrind-out-file="$work/callgrind.${key//|/-}.out" \
      "${cc1[@]}" >/dev/null 2>"$work/callgrind.${key//|/-}.log" || {
      echo "bench: callgrind of $key failed (see $work/callgrind.${key//|/-}.log)" >&2
      return 0
    }
    if [ -n "$cached" ]; then
      grep '^totals:' "$out" >"$cached.tmp.$$" && mv "$cached.tmp.$$" "$cached"
    fi
  }
  jobs_list=()
  IFS=, read -r -a debug_variants <<<"$debug_list"
  for name in "${count_files[@]}"; do
    for debug in "${debug_variants[@]}"; do
      jobs_list+=("$name|plain|$debug")
      for mode in plugin printing; do
        [[ " ${modes[*]} " != *" $mode "* ]] || jobs_list+=("$name|$mode|$debug")
      done
    done
    [[ " ${modes[*]} " != *" loctrack "* ]] || jobs_list+=("$name|loctrack|no")
  done
  echo "bench: counting instructions of ${count_files[*]} with callgrind (${#jobs_list[@]} compiles, $(nproc) at a time)" >&2
  running=0
  for job in "${jobs_list[@]}"; do
    IFS='|' read -r name mode debug <<<"$job"
    count_job "$name" "$mode" "$debug" &
    running=$((running + 1))
    if [ $running -ge "$(nproc)" ]; then wait -n || true; running=$((running - 1)); fi
  done
  wait
  budget_of() {  # mode debug: the budget in percent, or empty
    case $1/$2 in
      plugin/g) echo 1.5 ;; plugin/no) echo 4.0 ;; printing/*) echo 0.5 ;;
    esac
  }
  {
    echo
    echo "Instructions executed by the compiles (callgrind's Ir of the cc1, one"
    echo "run each: they do not depend on the load, unlike the times above);"
    echo "budgets from SPEC.md \"Performance (v2)\": the plugin against plain"
    echo "with the same \`-g\`, printing's extra over the plugin in percent of plain:"
    echo
    echo "| file | compile | instructions | vs plain (same \`-g\`) | budget | verdict |"
    echo "|---|---|---|---|---|---|"
    for job in "${jobs_list[@]}"; do
      IFS='|' read -r name mode debug <<<"$job"
      ir=$(counted "$job")
      base=$(counted "$name|plain|$debug")
      what=${label[$mode]}
      [ "$debug" = no ] || what="$what, with \`-g\`"
      first="\`$(basename "${path[$name]}")\`"
      if [ -z "$ir" ]; then
        echo "| $first | $what | **not counted** | | | |"
        failed=1
        continue
      fi
      giga=$(awk -v a="$ir" 'BEGIN { printf "%.2f G", a / 1e9 }')
      if [ "$mode" = plain ]; then
        echo "| $first | $what | $giga | - | | |"
        continue
      fi
      budget=$(budget_of "$mode" "$debug")
      reference=$base
      [ "$mode" != printing ] || reference=$(counted "$name|plugin|$debug")
      verdict=""
      if [ -n "$budget" ] && [ -n "$reference" ]; then
        verdict=$(awk -v a="$ir" -v b="$reference" -v c="$base" -v budget="$budget" 'BEGIN {
          p = (a - b) / c * 100
          printf "%+.2f%%: %s", p, (p <= budget + 1e-9 ? "PASS" : "**OVER**") }')
        if [ "$mode" = printing ]; then
          budget="≤ +$budget% on the plugin"
        else
          budget="≤ +$budget%"
        fi
      fi
      echo "| $first | $what | $giga | $(ratio "$ir" "$base") | $budget | $verdict |"
    done
    # SPEC: no measurable cost of source assertions when no comment starts
    # with `escape:` (<= +0.1%): the comment handler's inclusive count in
    # each file's plugin run (the corpus has no such comments) against plain.
    for name in "${count_files[@]}"; do
      out="$work/callgrind.$name-plugin-no.out"
      base=$(counted "$name|plain|no")
      [ -f "$out" ] && [ -n "$base" ] || continue
      handler=$(callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
        awk '/AssertionCommentHandler::HandleComment/ && !found { gsub(",", "", $1); print $1; found = 1 }')
      # (awk reads to the end: an early exit would kill callgrind_annotate
      # with SIGPIPE, which pipefail and set -e turn into the script's end)
      if [ -z "$handler" ]; then
        echo
        echo "Source assertions' comment handler on $name: **not found** in the profile."
        failed=1
        continue
      fi
      share=$(awk -v a="$handler" -v b="$base" 'BEGIN { printf "%.3f", 100 * a / b }')
      echo
      echo "Source assertions' comment handler (\`// escape:\`, docs/assertions.md) on $name:"
      echo "$(awk -v a="$handler" 'BEGIN { printf "%.1f M", a / 1e6 }') instructions, $share% of plain (budget 0.1%)."
      if awk -v s="$share" 'BEGIN { exit !(s > 0.1) }'; then failed=1; fi
    done
  } >>"$table"
fi

# Inline parity (scripts/inline-parity.sh, when it exists).
if [ $parity -eq 1 ]; then
  {
    echo
    if [ -f "$root/scripts/inline-parity.sh" ]; then
      files=()
      for name in "${names[@]}"; do files+=("${path[$name]}"); done
      echo "bench: scripts/inline-parity.sh ${files[*]}" >&2
      code=0
      ESCAPE_PLUGIN=$plugin CLANG=$clang ESCAPE_BUILD_DIR=$build \
        bash "$root/scripts/inline-parity.sh" "${files[@]}" >"$work/parity.log" 2>&1 || code=$?
      [ $code -eq 0 ] || failed=1
      echo "Inline parity (\`scripts/inline-parity.sh\` on the same files): exit $code."
      echo
      echo '```'
      tail -n 15 "$work/parity.log"
      echo '```'
    else
      echo "Inline parity: \`scripts/inline-parity.sh\` does not exist yet; skipped."
    fi
  } >>"$table"
fi

cat "$table"
if [ $write -eq 1 ]; then
  doc="$root/docs/benchmarks.md"
  if ! grep -q '^<!-- bench:begin -->$' "$doc" || ! grep -q '^<!-- bench:end -->$' "$doc"; then
    printf '\n<!-- bench:begin -->\n<!-- bench:end -->\n' >>"$doc"
  fi
  awk -v table="$table" '
    /^<!-- bench:begin -->$/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /^<!-- bench:end -->$/ { skip = 0 }
    !skip' "$doc" >"$work/benchmarks.md"
  cat "$work/benchmarks.md" >"$doc"
  echo "bench: table written into docs/benchmarks.md" >&2
fi
if [ $lsp -eq 1 ]; then
  "${lsp_bench[@]}" || failed=1
fi
# A profile of the plugin compile (after the table, which it cannot lose).
if [ $profile -eq 1 ]; then
  echo "bench: perf record of the plugin compile of $driver_file" >&2
  mode_args plugin "$driver_file"
  perf record -q -e cpu-clock -g -o "$work/perf.data" -- \
    "$clang" -O2 -c "${path[$driver_file]}" "${args[@]}" -o "$work/profile.o" 2>/dev/null
  echo "== perf: share of samples by shared object ($driver_file, plugin on)"
  perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null |
    grep -v '^#' | grep -v '^$' | head -8 || true
  echo "== perf: top symbols in libescape.so"
  perf report -i "$work/perf.data" --no-children --dsos libescape.so --sort sym --stdio -g none \
    2>/dev/null | grep -v '^#' | grep -v '^$' | grep '%' | head -15 || true
fi

exit $failed
