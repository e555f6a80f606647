#!/usr/bin/env bash
# From a clean clone: installs what is missing, builds once, and runs every
# test (cmocka unit tests and the lit suite) through ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

"$root/scripts/deps.sh"
"$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)"

# --- Checked C code: ASan/UBSan unit tests and the reader's fuzzer --------
# A second tree without the plugin (it must load into an uninstrumented
# clang): the unit tests under ASan/UBSan, then the libFuzzer target from
# the committed seeds for ESCAPE_FUZZ_SECONDS (default 60; 0 skips it).
asan=${ESCAPE_ASAN_BUILD_DIR:-$root/build-asan}
if [ ! -f "$asan/build.ninja" ]; then
  CC=clang-19 cmake -G Ninja -S "$root" -B "$asan" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DESCAPE_SANITIZE=ON -DESCAPE_FUZZ=ON \
    -DLLVM_DIR="$(llvm-config-19 --cmakedir)"
fi
cmake --build "$asan" --parallel "$(nproc)"
(cd "$asan" && ctest --output-on-failure --parallel "$(nproc)")
fuzz_seconds=${ESCAPE_FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" -gt 0 ]; then
  corpus=$(mktemp -d)
  trap 'rm -rf "$corpus"' EXIT
  "$asan/test/fuzz/fuzz_remark_reader" -max_total_time="$fuzz_seconds" \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$asan/fuzz-" \
    "$corpus" "$root/test/fuzz/corpus" 2>&1 | tail -n 12
  # The .escape.remarks record parser: a small input space, a sixth of the time.
  section_corpus=$(mktemp -d)
  trap 'rm -rf "$corpus" "$section_corpus"' EXIT
  "$asan/test/fuzz/fuzz_remark_section" \
    -max_total_time="$(( (fuzz_seconds + 5) / 6 ))" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$asan/fuzz-section-" \
    "$section_corpus" "$root/test/fuzz/section-corpus" 2>&1 | tail -n 12
fi
