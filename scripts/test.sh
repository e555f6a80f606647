#!/usr/bin/env bash
# From a clean clone: installs what is missing, builds once, runs a short
# csmith fuzz run, and every test (cmocka unit tests and the lit suite)
# through ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

"$root/scripts/deps.sh"
"$root/scripts/build.sh"
# A short csmith run (fixed seeds, -O2): the plugin neither crashes, nor
# changes the object, nor writes YAML LLVM rejects, on random programs.
# ESCAPE_FUZZ_PROGRAMS=0 skips it; scripts/fuzz-plugin.sh runs longer ones.
"$root/scripts/fuzz-plugin.sh" --quiet --levels O2 --seed 1 -j "$(nproc)" \
  --out "$build/fuzz-smoke" "${ESCAPE_FUZZ_PROGRAMS:-16}"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)"
