#!/usr/bin/env bash
# Compiles SOURCE twice through sccache, to FIRST and SECOND, with a fresh
# cache and a server of our own on a free loopback port (in the
# foreground, so that its pid is ours to stop, however this ends), then
# prints its C/C++ hit and miss counts.
#
# usage: sccache-compile.sh WORKDIR CLANG PLUGIN SOURCE FIRST SECOND
set -euo pipefail
work=$1 clang=$2 plugin=$3 source=$4 first=$5 second=$6
mkdir -p "$work"
export SCCACHE_DIR="$work/cache" SCCACHE_IDLE_TIMEOUT=0
export SCCACHE_SERVER_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SCCACHE_NO_DAEMON=1 SCCACHE_START_SERVER=1 timeout 120 sccache \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $SCCACHE_SERVER_PORT), 0.2)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
for object in "$first" "$second"; do
  timeout 60 sccache "$clang" -O2 "-fplugin=$plugin" -fplugin-arg-escape-embed \
    -c "$source" -o "$object"
done
timeout 20 sccache --show-stats | grep -E '^Cache (hits|misses) \(C/C\+\+\)' |
  tr -s ' '
