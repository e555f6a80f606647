#!/usr/bin/env bash
# The first thing to run: installs what is missing, builds, compiles the
# bundled examples with the plugin so you see its diagnostics, then prints
# the report the driver makes of their YAML.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}

"$root/scripts/deps.sh"
"$root/scripts/build.sh" >/dev/null
out="$build/demo"
rm -rf "$out"
mkdir -p "$out"

cd "$root"
for example in docs/examples/*.c; do
  name=$(basename "$example" .c)
  echo "== clang-19 -O2 -fplugin=build/lib/libescape.so -fplugin-arg-escape-remarks -c $example"
  clang-19 -O2 -fplugin="$build/lib/libescape.so" -fplugin-arg-escape-remarks \
    -c "$example" -o "$out/$name.o"
  echo
done

echo "== escape report $out"
"$build/bin/escape" report "$out"
