#!/usr/bin/env bash
# The real-code corpus of bench.sh and check-identical.sh: three large,
# single-file C programs from pinned npm packages, fetched once into a cache
# outside the source tree and verified against their registry checksums.
# Prints one line per file: NAME PATH.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/corpus.sh [--only NAME[,NAME...]] [--list]

Fetches (once) and prints the corpus, one "NAME PATH" line per file
(duktape-src, a directory, only with --only):
  sqlite3        better-sqlite3@11.7.0  deps/sqlite3/sqlite3.c     (SQLite amalgamation)
  duktape        duktape@0.3.0          lib/duktape/src/duktape.c  (Duktape 1.3 amalgamation)
  tree-sitter-c  tree-sitter-c@0.24.1   src/parser.c               (generated parser)

  --only NAMES  only these files (comma-separated names from the list above)
  --list        print the names and exit, fetching nothing

Cache: $ESCAPE_BENCH_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/escape-bench.
Packages come from `npm pack` (or, without npm, the registry's tarball URL
with curl/wget); each tarball is checked against its pinned sha512 integrity.
EOF
}

# name|package|version|sha512 integrity of the tarball|file in the package|
# directory to extract (the file and the headers it includes)
corpus=(
  "sqlite3|better-sqlite3|11.7.0|mXpa5jnIKKHeoGzBrUJrc65cXFKcILGZpU3FXR0pradUEm9MA7UZz02qfEejaMcm9iXrSOCenwwYMJ/tZ1y5Ig==|deps/sqlite3/sqlite3.c|deps/sqlite3"
  "duktape|duktape|0.3.0|5JxvdTVA40ERLHS972HG7/D/orGaLS7iuyvKmPTbMTdxP7XkPgKa0Vms0s8tcRSUCXBkO7fKEhLy7Po359x3Lg==|lib/duktape/src/duktape.c|lib/duktape/src"
  "tree-sitter-c|tree-sitter-c|0.24.1|lkYwWN3SRecpvaeqmFKkuPNR3ZbtnvHU+4XAEEkJdrp3JfSp2pBrhXOtvfsENUneye76g889Y0ddF2DM0gEDpA==|src/parser.c|src"
  "duktape-src|duktape|0.3.0|5JxvdTVA40ERLHS972HG7/D/orGaLS7iuyvKmPTbMTdxP7XkPgKa0Vms0s8tcRSUCXBkO7fKEhLy7Po359x3Lg==|lib/duktape/src-separate|lib/duktape/src-separate"
)

only=""
list=0
while [ $# -gt 0 ]; do
  case $1 in
    --only) [ $# -ge 2 ] || { echo "corpus: --only needs NAMES" >&2; exit 2; }
            only=$2; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    --list) list=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "corpus: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

names=()
for entry in "${corpus[@]}"; do names+=("${entry%%|*}"); done
if [ $list -eq 1 ]; then
  printf '%s\n' "${names[@]}"
  exit 0
fi
if [ -n "$only" ]; then
  IFS=, read -r -a wanted <<<"$only"
  for want in "${wanted[@]}"; do
    case " ${names[*]} " in
      *" $want "*) ;;
      *) echo "corpus: unknown file '$want'; known: ${names[*]}" >&2; exit 2 ;;
    esac
  done
fi

cache=${ESCAPE_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/escape-bench}
mkdir -p "$cache"

integrity() {  # the npm-style sha512 integrity of file $1
  python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

fetch() {  # package version -> $cache/package-version.tgz
  local package=$1 version=$2 tgz="$cache/$1-$2.tgz"
  [ -f "$tgz" ] && return 0
  local tmp
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  echo "corpus: fetching $package@$version into $cache" >&2
  if command -v npm >/dev/null 2>&1; then
    (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
  else
    local url="https://registry.npmjs.org/$package/-/$package-$version.tgz"
    if command -v curl >/dev/null 2>&1; then
      curl -fsSL -o "$tmp/$package-$version.tgz" "$url"
    else
      wget -q -O "$tmp/$package-$version.tgz" "$url"
    fi
  fi
  mv "$tmp/$package-$version.tgz" "$tgz"
  rmdir "$tmp"
}

for entry in "${corpus[@]}"; do
  IFS='|' read -r name package version sha file dir <<<"$entry"
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then
    continue
  fi
  # A directory (a whole project) only when asked for by name: the
  # compile benchmarks read the default list as single files.
  if [ -z "$only" ] && [[ $file != *.c ]]; then
    continue
  fi
  unpacked="$cache/$package-$version"
  if [ ! -e "$unpacked/$file" ]; then
    fetch "$package" "$version"
    actual=$(integrity "$cache/$package-$version.tgz")
    if [ "$actual" != "$sha" ]; then
      echo "corpus: $cache/$package-$version.tgz: sha512 $actual, expected $sha;" \
           "remove it and retry" >&2
      exit 1
    fi
    # Several entries may come from one package: each adds its directory.
    tmp=$(mktemp -d "$cache/unpack.XXXXXX")
    tar -xzf "$cache/$package-$version.tgz" -C "$tmp" "package/$dir"
    mkdir -p "$(dirname "$unpacked/$dir")"
    rm -rf "${unpacked:?}/$dir"
    mv "$tmp/package/$dir" "$unpacked/$dir"
    rm -rf "$tmp"
  fi
  echo "$name $unpacked/$file"
done
