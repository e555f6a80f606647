#!/usr/bin/env bash
# The driver on a real multi-file CMake project nobody here wrote: libexpat
# 2.2 as node-expat@2.4.1 bundles it (deps/libexpat, with its
# CMakeLists.txt: 19 translation units, C and one C++ test), fetched once
# into the corpus cache and checked against its pinned sha512. It is built
# whole with the launcher (CMAKE_<LANG>_COMPILER_LAUNCHER=escape) and again
# with `escape scan`; then, for both:
#   - no mangled C++ name (_Z...) in any format (text, json, sarif,
#     markdown, html, annotate, diff, gate);
#   - no line without a line number ("FILE: Name: ...");
#   - no-definition NotInlined lines at most a quarter of the default report;
#   - gate and report on an empty directory exit 2.
# Prints the counts docs/benchmarks.md records. Exit 0 when every check
# holds, 1 when one fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}
escape=$build/bin/escape
package=node-expat
version=2.4.1
sha=uWgvQLgo883NKIL+66oJsK9ysKK3ej0YjVCPBZzO/7wMAuH68/Yb7+JwPWNaVq0yPaxrb48AoEXfYEc8gsmFbg==
cache=${ESCAPE_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/escape-bench}
src=$cache/$package-$version/deps/libexpat

integrity() {  # the npm-style sha512 integrity of file $1
  python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

fetch() {  # -> $src, verified
  [ -f "$src/CMakeLists.txt" ] && return 0
  # npm fetches the package (scripts/deps.sh installs it when the
  # repositories have it); without npm and without a cached copy the check
  # cannot run: it says so and passes, as an optional tool's test does.
  if ! command -v npm >/dev/null 2>&1; then
    echo "project-check: UNSUPPORTED: npm is not installed and $package@$version is not cached in $cache (apt-get install npm)"
    exit 0
  fi
  mkdir -p "$cache"
  local tgz=$cache/$package-$version.tgz tmp
  if [ ! -f "$tgz" ]; then
    tmp=$(mktemp -d "$cache/fetch.XXXXXX")
    echo "project-check: fetching $package@$version into $cache" >&2
    # A registry this machine cannot reach (no network, or a TLS proxy
    # whose CA only the host trusts) leaves nothing to check: say why.
    if ! (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null 2>"$tmp/npm.log"); then
      echo "project-check: UNSUPPORTED: npm pack $package@$version failed here: $(grep -m1 -i 'err' "$tmp/npm.log" || head -n1 "$tmp/npm.log")"
      rm -rf "$tmp"
      exit 0
    fi
    mv "$tmp/$package-$version.tgz" "$tgz"
    rm -rf "$tmp" # npm.log stays behind, empty when npm succeeded
  fi
  if [ "$(integrity "$tgz")" != "$sha" ]; then
    echo "project-check: $tgz: sha512 mismatch; remove it and retry" >&2
    exit 1
  fi
  tmp=$(mktemp -d "$cache/unpack.XXXXXX")
  tar -xzf "$tgz" -C "$tmp" package/deps/libexpat
  rm -rf "$cache/$package-$version"
  mv "$tmp/package" "$cache/$package-$version"
  rmdir "$tmp"
}

failures=0
check() {  # description, then a command that must succeed
  local what=$1
  shift
  if "$@"; then
    echo "project-check: ok: $what"
  else
    echo "project-check: FAILED: $what" >&2
    failures=$((failures + 1))
  fi
}

no_mangled() { ! grep -l '_Z[A-Z0-9]' "$@"; }
no_lineless() { ! grep -E '^[^ :]+: [A-Z][A-Za-z]+: ' "$1"; }
exits_2() { set +e; "$@" >/dev/null 2>&1; local rc=$?; set -e; [ $rc -eq 2 ]; }

# Checks the remarks under $1 (a directory of YAML files); $2 names it.
check_remarks() {
  local dir=$1 name=$2 out=$work/check-$2
  mkdir -p "$out"
  "$escape" report --root "$src" "$dir" > "$out/report.txt"
  "$escape" report --all --root "$src" "$dir" > "$out/all.txt"
  for format in json sarif markdown html; do
    "$escape" report --root "$src" --format "$format" -o "$out/report.$format" "$dir"
  done
  "$escape" annotate --yaml "$dir" "$src/tests/runtests.c" > "$out/annotate.txt"
  # Base: the library's own translation units only.
  mkdir -p "$out/base"
  find "$dir" -name '*.escape.yaml' -path '*lib*' -exec cp {} "$out/base/" \;
  "$escape" diff "$out/base" "$dir" > "$out/diff.txt"
  set +e
  "$escape" gate --baseline "$out/base" "$dir" > "$out/gate.txt"
  set -e
  local lines nodef
  lines=$(grep -cE '^[^ ].*: [A-Z][A-Za-z]+: ' "$out/report.txt" || true)
  nodef=$(grep -c 'NotInlined: .*no definition in this translation unit' "$out/report.txt" || true)
  echo "project-check: $name: $(find "$dir" -name '*.escape.yaml' | wc -l) remark files;" \
       "default report $lines lines, $nodef no-definition NotInlined;" \
       "--all $(grep -cE '^[^ ].*: [A-Z][A-Za-z]+: ' "$out/all.txt") lines;" \
       "$(tail -n 1 "$out/report.txt")"
  check "$name: no mangled names in any format" no_mangled "$out"/report.* \
    "$out/all.txt" "$out/annotate.txt" "$out/diff.txt" "$out/gate.txt"
  check "$name: every text line has a line number" no_lineless "$out/all.txt"
  check "$name: the report is not empty" test "$lines" -gt 0
  check "$name: no-definition NotInlined at most a quarter ($nodef of $lines)" \
    test $((4 * nodef)) -le "$lines"
}

fetch
[ -x "$escape" ] || { echo "project-check: no $escape; build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The launcher, in an optimized CMake build.
cmake -G Ninja -S "$src" -B "$work/launcher" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_C_COMPILER_LAUNCHER="$escape" -DCMAKE_CXX_COMPILER_LAUNCHER="$escape" \
  -DBUILD_doc=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$work/cmake.log" 2>&1
cmake --build "$work/launcher" -j "${ESCAPE_JOBS:-2}" >"$work/build.log" 2>&1
check_remarks "$work/launcher" launcher

# 2. `escape scan` of the same build's compile_commands.json.
(cd "$work" && "$escape" scan -p launcher -j "${ESCAPE_JOBS:-2}" -o scan-out) \
  >"$work/scan.log" 2>&1
check_remarks "$work/scan-out" scan

# Never silently empty.
mkdir -p "$work/empty"
check "gate with an empty CURRENT exits 2" \
  exits_2 "$escape" gate --baseline "$work/scan-out" "$work/empty"
check "gate with an empty BASE exits 2" \
  exits_2 "$escape" gate --baseline "$work/empty" "$work/scan-out"
check "report of an empty directory exits 2" exits_2 "$escape" report "$work/empty"

if [ $failures -gt 0 ]; then
  echo "project-check: $failures check(s) failed" >&2
  exit 1
fi
echo "project-check: all checks passed"
