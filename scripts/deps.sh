#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages escape needs to build and test, when
# they are missing. As root (or with sudo) it runs apt-get; otherwise it
# prints the exact command and exits 1. LLVM 19 (and lld-19 for the
# link-time tests) is required; LLVM 22 is optional: it is installed when
# the package repositories have it (Debian 12 security), and its absence is
# not an error. Chromium runs the report site's browser test.
set -euo pipefail

# clang-19 brings clang++-19, the C++ compiler scripts/build.sh uses (a
# fresh Debian or Ubuntu has no g++); gcc is the C compiler CMake picks as
# cc and the second compiler the C code is kept warning-free with.
packages=(clang-19 llvm-19-dev libclang-19-dev llvm-19-tools lld-19
          libyaml-dev libcmocka-dev cmake ninja-build pkg-config python3
          libjansson-dev gcc)
# The profile runtime (libclang_rt.profile.a) for the PGO test
# (lit/pgo-hotness.c): only a Recommends of clang-19, which apt skips with
# --no-install-recommends.
packages+=(libclang-rt-19-dev)
# Remarks embedded in objects: libelf reads objects and archives, zlib
# inflates compressed records.
packages+=(libelf-dev zlib1g-dev)
# C++ names demangled in every report format: libiberty's cplus_demangle.
packages+=(libiberty-dev)
# PyYAML: scripts/check-sentences.py reads the YAML remarks as they are
# (lit/sentences.test, scripts/corpus-sentences.sh).
packages+=(python3-yaml)
# csmith and its header (libcsmith-dev): the fuzz smoke run of scripts/test.sh
# (scripts/fuzz-plugin.sh).
packages+=(csmith libcsmith-dev)
# Optional, each group installed on its own so that one missing package
# does not keep the others out: LLVM 22 (a second toolchain the suite runs
# on), and the build tools the embed tests drive (lit/embed-ccache,
# -distcc, -sccache: UNSUPPORTED without them), Neovim, the real editor of
# lit/lsp-neovim.test, and npm, which fetches the real project of
# scripts/project-check.sh (UNSUPPORTED without it and without a cache).
optional_groups=("clang-22 llvm-22-dev libclang-22-dev llvm-22-tools lld-22"
                 "npm"
                 "ccache" "distcc" "sccache" "neovim"
                 # Headless browser tests of the report site
                 # (lit/report-site-browser.test).
                 "chromium")
optional=()
for group in "${optional_groups[@]}"; do
  read -r -a group_packages <<<"$group"
  optional+=("${group_packages[@]}")
done

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
missing_optional=()
for package in "${optional[@]}"; do
  installed "$package" || missing_optional+=("$package")
done

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ]; then
  echo "deps: all packages present"
  exit 0
fi
if [ ${#missing[@]} -eq 0 ] && [ -n "${ESCAPE_DEPS_NO_OPTIONAL:-}" ]; then
  echo "deps: required packages present (optional skipped: ${missing_optional[*]})"
  exit 0
fi

echo "deps: missing: ${missing[*]:-} (optional: ${missing_optional[*]:-})"
if ! command -v apt-get >/dev/null 2>&1; then
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "deps: no apt-get here; install these packages with your package manager" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    [ ${#missing[@]} -eq 0 ] && exit 0
    echo "deps: run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
if [ ${#missing[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
# Optional groups only where the repositories carry them; never fatal.
for group in "${optional_groups[@]}"; do
  read -r -a group_packages <<<"$group"
  wanted=()
  for package in "${group_packages[@]}"; do
    installed "$package" || wanted+=("$package")
  done
  [ ${#wanted[@]} -gt 0 ] || continue
  if "${as_root[@]}" apt-get install -y --no-install-recommends "${wanted[@]}"; then
    echo "deps: installed optional ${wanted[*]}"
  else
    echo "deps: optional ${wanted[*]} not available here; the tests that need them are skipped"
  fi
done
