#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages escape needs to build and test, when
# they are missing. As root (or with sudo) it runs apt-get; otherwise it
# prints the exact command and exits 1.
set -euo pipefail

packages=(clang-19 llvm-19-dev libclang-19-dev llvm-19-tools libyaml-dev
          libcmocka-dev cmake ninja-build pkg-config python3
          csmith libcsmith-dev)  # csmith: the fuzz smoke run of scripts/test.sh

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all packages present"
  exit 0
fi

echo "deps: missing: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: no apt-get here; install these packages with your package manager" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "deps: run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
