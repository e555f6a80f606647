#!/usr/bin/env bash
# Configures (once) and builds escape into build/ with Ninja.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLLVM_DIR="$(llvm-config-19 --cmakedir)"
fi
cmake --build "$build" --parallel "$(nproc)"
