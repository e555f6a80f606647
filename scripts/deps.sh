#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages escape needs to build and test, when
# they are missing. As root (or with sudo) it runs apt-get; otherwise it
# prints the exact command and exits 1.
set -euo pipefail

packages=(clang-19 llvm-19-dev libclang-19-dev llvm-19-tools libyaml-dev
          libcmocka-dev cmake ninja-build pkg-config python3
          libjansson-dev gcc)
# Remarks embedded in objects: libelf reads objects and archives, zlib
# inflates compressed records.
packages+=(libelf-dev zlib1g-dev)
# Optional: the build tools that the embed tests run (lit/embed-ccache,
# -distcc, -sccache). Tried after the required ones; where they cannot be
# installed those tests are UNSUPPORTED, and the build still succeeds.
optional=(ccache distcc sccache)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

optional_missing=()
for package in "${optional[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q "install ok installed"; then
    optional_missing+=("$package")
  fi
done

# Installs the optional packages when possible; never fails the script.
install_optional() {
  [ ${#optional_missing[@]} -gt 0 ] || return 0
  if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y \
      --no-install-recommends "${optional_missing[@]}" ||
      echo "deps: optional packages not installed: ${optional_missing[*]}" >&2
  else
    echo "deps: optional (for the embed tests): ${optional_missing[*]}" >&2
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all packages present"
  command -v apt-get >/dev/null 2>&1 && install_optional
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
install_optional
