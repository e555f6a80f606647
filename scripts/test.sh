#!/usr/bin/env bash
# From a clean clone: installs what is missing, builds once per installed
# LLVM, runs a short csmith fuzz run, and every test (cmocka unit tests and
# the lit suite) through ctest: LLVM 19 always (build/), LLVM 22 when
# installed (build-llvm22/).
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
(cd "$build" && ctest --output-on-failure --parallel "$(nproc)")
# A real multi-file CMake project (libexpat, bundled by an npm package,
# fetched once into the corpus cache): built with the launcher and with
# `escape scan`, no mangled names in any format, no line-less lines, the
# default report not drowned in no-definition NotInlined, empty inputs
# refused. ESCAPE_PROJECT_CHECK=0 skips it.
if [ "${ESCAPE_PROJECT_CHECK:-1}" != 0 ]; then
  ESCAPE_BUILD_DIR=$build "$root/scripts/project-check.sh"
fi

# --- LLVM 22, when installed ---------------------------------------------
# The plugin for clang-22 and the lit suite against clang-22/lld-22. The C
# unit tests do not depend on LLVM and ran above, so only lit runs here.
if command -v llvm-config-22 >/dev/null 2>&1 &&
    [ -f "$(llvm-config-22 --cmakedir)/LLVMConfig.cmake" ] &&
    [ -d "$(llvm-config-22 --libdir)/cmake/clang" ]; then
  build22=${ESCAPE_LLVM22_BUILD_DIR:-$root/build-llvm22}
  ESCAPE_BUILD_DIR=$build22 ESCAPE_LLVM_CONFIG=llvm-config-22 \
    "$root/scripts/build.sh"
  (cd "$build22" && ctest --output-on-failure --parallel "$(nproc)" -R '^lit$')
else
  echo "test: LLVM 22 not installed; tested with LLVM 19 only"
fi

# --- Checked C code: ASan/UBSan unit tests and the reader's fuzzer --------
# A second tree without the plugin (it must load into an uninstrumented
# clang): the unit tests under ASan/UBSan, then the libFuzzer target from
# the committed seeds for ESCAPE_FUZZ_SECONDS (default 60; 0 skips it).
asan=${ESCAPE_ASAN_BUILD_DIR:-$root/build-asan}
if [ ! -f "$asan/build.ninja" ]; then
  CC=clang-19 CXX=clang++-19 cmake -G Ninja -S "$root" -B "$asan" \
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
  # escape lsp's framing and message handling: as short as the section's.
  lsp_corpus=$(mktemp -d)
  trap 'rm -rf "$corpus" "$section_corpus" "$lsp_corpus"' EXIT
  "$asan/test/fuzz/fuzz_lsp" \
    -max_total_time="$(( (fuzz_seconds + 5) / 6 ))" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$asan/fuzz-lsp-" \
    "$lsp_corpus" "$root/test/fuzz/lsp-corpus" 2>&1 | tail -n 12
fi
