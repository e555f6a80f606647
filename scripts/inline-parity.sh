#!/usr/bin/env bash
# Checks that escape's Inlined/NotInlined remarks agree with the inliner's
# own remarks: compiles each FILE once with -fsave-optimization-record
# (inline passes only, no plugin) and once with the plugin (verbose), and
# compares every verdict outside system headers by call site (file name,
# line, column), caller, callee and verdict.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/inline-parity.sh [--keep DIR] [--min PERCENT] FILE... [-- CFLAGS...]

Compiles each C/C++ FILE at -O2 (plus CFLAGS) with clang-19's own remark
record and with the escape plugin, then prints, per file and in total:
  clang      verdicts in clang's .opt.yaml outside system headers
  agree      of those, how many escape reports with the same call site,
             caller, callee and verdict
  missing    clang verdicts escape lacks (listed)
  contradict call sites where the two disagree on the verdict (listed)
  extra      escape verdicts clang's record lacks (listed)
No-definition verdicts for functions declared only in system headers are
not escape's to report; they are counted separately ("system nodef").
Exit status: 0 when agreement >= --min (default 99.5) and no contradiction,
1 otherwise, 2 on bad usage or a failed compile.
USAGE
}

root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}
plugin=${ESCAPE_PLUGIN:-$build/lib/libescape.so}
clang=${CLANG:-clang-19}
keep=""
min=99.5
files=()
cflags=()
while [ $# -gt 0 ]; do
  case "$1" in
  -h | --help) usage; exit 0 ;;
  --keep) keep=${2:?--keep needs a directory}; shift 2 ;;
  --min) min=${2:?--min needs a percentage}; shift 2 ;;
  --) shift; cflags=("$@"); break ;;
  -*) echo "inline-parity.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || { usage >&2; exit 2; }
[ -f "$plugin" ] || { echo "inline-parity.sh: no plugin at $plugin (build first)" >&2; exit 2; }

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

# One line per verdict: verdict|file:line:col|caller|callee|nodef, from an
# LLVM remark YAML stream (LLVM's own layout or libyaml's).
verdicts() {
  awk -v side="$1" '
    function unquote(v) {
      sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v)
      if (v ~ /^\x27.*\x27$/) { v = substr(v, 2, length(v) - 2); gsub(/\x27\x27/, "\x27", v) }
      return v
    }
    function field(s, key,   m) {
      if (match(s, key ":[ ]*[^,}]*")) {
        m = substr(s, RSTART + length(key) + 1, RLENGTH - length(key) - 1)
        return unquote(m)
      }
      return ""
    }
    function inliner(p) {
      return p == "inline" || p == "always-inline" || p == "module-inline" ||
             (p ~ /-inline$/ && p != "inline-cost")
    }
    function flush(   verdict, nodef) {
      if (tag == "") return
      verdict = ""; nodef = 0
      if (side == "clang" && inliner(pass)) {
        if (tag == "Passed" && (name == "Inlined" || name == "AlwaysInline")) verdict = "inlined"
        if (tag == "Missed" && (name == "NotInlined" || name == "NeverInline" || name == "TooCostly" ||
            name == "NoDefinition" || name == "IncreaseCostInOtherContexts")) verdict = "not-inlined"
        nodef = (name == "NoDefinition" || reason == "external or indirect")
      }
      if (side == "escape" && pass == "escape") {
        if (name == "Inlined") verdict = "inlined"
        if (name == "NotInlined") verdict = "not-inlined"
        nodef = (reason == "no-definition")
      }
      base = file; sub(/.*\//, "", base)
      if (verdict != "" && file !~ /^\/usr\//)
        print verdict "|" base ":" line ":" col "|" caller "|" (callee == "" ? "-" : callee) "|" nodef
      tag = ""
    }
    /^--- !/ { flush(); tag = substr($0, 6); pass = name = file = line = col = caller = callee = reason = ""; loc = ""; next }
    /^\.\.\./ { flush(); next }
    /^Pass:/ { pass = unquote(substr($0, 6)); next }
    /^Name:/ { name = unquote(substr($0, 6)); next }
    /^DebugLoc:/ { loc = $0; while (loc !~ /}/ && (getline more) > 0) loc = loc " " more
                   file = field(loc, "File"); line = field(loc, "Line"); col = field(loc, "Column"); next }
    /^ *- Caller:/ { v = $0; sub(/^ *- Caller:/, "", v); caller = unquote(v); next }
    /^ *- Callee:/ { v = $0; sub(/^ *- Callee:/, "", v); callee = unquote(v); next }
    /^ *- Reason:/ { v = $0; sub(/^ *- Reason:/, "", v); reason = unquote(v); next }
    END { flush() }
  ' "$2"
}

total_clang=0 total_agree=0 total_missing=0 total_extra=0 total_contra=0 total_sysnodef=0
printf '%-28s %8s %8s %8s %10s %8s %12s\n' file clang agree missing contradict extra "system nodef"
for src in "${files[@]}"; do
  base=$(basename "${src%.*}")
  dir="$work/$base"
  mkdir -p "$dir"
  if ! "$clang" -O2 "${cflags[@]}" -c "$src" -o "$dir/clang.o" -fsave-optimization-record \
      -foptimization-record-passes=inline -foptimization-record-file="$dir/clang.opt.yaml" 2>"$dir/clang.err"; then
    echo "inline-parity.sh: $src: compile failed (see $dir/clang.err)" >&2; exit 2
  fi
  if ! "$clang" -O2 "${cflags[@]}" -c "$src" -o "$dir/escape.o" -fplugin="$plugin" \
      -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml="$dir/escape.yaml" 2>"$dir/escape.err"; then
    echo "inline-parity.sh: $src: compile with the plugin failed (see $dir/escape.err)" >&2; exit 2
  fi
  verdicts clang "$dir/clang.opt.yaml" | sort -u >"$dir/clang.all"
  verdicts escape "$dir/escape.yaml" | sort -u >"$dir/escape.all"
  # escape leaves out no-definition verdicts for callees declared in system
  # headers (or made up by the optimizer): a callee escape never reports as
  # no-definition is excused, and listed so that a reader can check it is a
  # library function; a callee escape reports at some sites must be reported
  # at all of them.
  cut -d'|' -f1-4 "$dir/escape.all" | sort -u >"$dir/escape.keys"
  grep '|1$' "$dir/escape.all" | cut -d'|' -f4 | sort -u >"$dir/escape.nodef-callees" || true
  grep '|1$' "$dir/clang.all" | cut -d'|' -f4 | sort -u |
    comm -23 - "$dir/escape.nodef-callees" >"$dir/excused-callees" || true
  grep '|1$' "$dir/clang.all" | cut -d'|' -f1-4 |
    awk -F'|' 'NR == FNR { excused[$0] = 1; next } ($4 in excused)' "$dir/excused-callees" - |
    sort -u >"$dir/clang.sysnodef" || true
  cut -d'|' -f1-4 "$dir/clang.all" | sort -u | comm -23 - "$dir/clang.sysnodef" >"$dir/clang.keys"
  comm -12 "$dir/clang.keys" "$dir/escape.keys" >"$dir/agree"
  comm -23 "$dir/clang.keys" "$dir/escape.keys" >"$dir/missing"
  comm -13 "$dir/clang.keys" "$dir/escape.keys" >"$dir/extra"
  # Same site, caller and callee, different verdict.
  cut -d'|' -f2-4 "$dir/missing" | sort -u >"$dir/missing.sites"
  cut -d'|' -f2-4 "$dir/extra" | sort -u >"$dir/extra.sites"
  comm -12 "$dir/missing.sites" "$dir/extra.sites" >"$dir/contradict"
  n_clang=$(wc -l <"$dir/clang.keys") n_agree=$(wc -l <"$dir/agree")
  n_missing=$(wc -l <"$dir/missing") n_extra=$(wc -l <"$dir/extra")
  n_contra=$(wc -l <"$dir/contradict") n_sys=$(wc -l <"$dir/clang.sysnodef")
  printf '%-28s %8d %8d %8d %10d %8d %12d\n' "$base" "$n_clang" "$n_agree" "$n_missing" "$n_contra" "$n_extra" "$n_sys"
  if [ -s "$dir/excused-callees" ]; then
    echo "  system nodef callees: $(head -20 "$dir/excused-callees" | tr '\n' ' ')"
  fi
  for kind in missing contradict extra; do
    if [ -s "$dir/$kind" ]; then
      echo "  $kind (first 10 of $(wc -l <"$dir/$kind")):"
      head -10 "$dir/$kind" | sed 's/^/    /'
    fi
  done
  total_clang=$((total_clang + n_clang)) total_agree=$((total_agree + n_agree))
  total_missing=$((total_missing + n_missing)) total_extra=$((total_extra + n_extra))
  total_contra=$((total_contra + n_contra)) total_sysnodef=$((total_sysnodef + n_sys))
done
percent=$(awk -v a="$total_agree" -v c="$total_clang" 'BEGIN { printf "%.2f", c ? 100 * a / c : 100 }')
printf '%-28s %8d %8d %8d %10d %8d %12d\n' total "$total_clang" "$total_agree" "$total_missing" "$total_contra" "$total_extra" "$total_sysnodef"
echo "agreement: $percent% of clang's verdicts (target >= $min%), contradictions: $total_contra"
ok=$(awk -v p="$percent" -v m="$min" 'BEGIN { print (p >= m) ? 1 : 0 }')
[ "$ok" = 1 ] && [ "$total_contra" = 0 ]
