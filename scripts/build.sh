#!/usr/bin/env bash
# Configures (once) and builds escape into build/ with Ninja, against
# LLVM 19 (ESCAPE_LLVM_CONFIG=llvm-config-22 with ESCAPE_BUILD_DIR=build-llvm22
# builds the LLVM 22 plugin).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}
llvm_config=${ESCAPE_LLVM_CONFIG:-llvm-config-19}

# The C++ compiler is the clang++ of the LLVM the plugin is built against
# (docs/build.md says why): it is installed with clang-N, which a fresh
# Debian or Ubuntu has no g++ beside, and it parses LLVM's headers as
# their own compiler does. CXX overrides it; the C compiler is CMake's
# default (cc), or CC.
cxx=${CXX:-$("$llvm_config" --bindir)/clang++}
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLLVM_DIR="$("$llvm_config" --cmakedir)" -DCMAKE_CXX_COMPILER="$cxx"
fi
cmake --build "$build" --parallel "$(nproc)"
