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
