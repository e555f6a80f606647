#!/usr/bin/env bash
# Compiles SOURCE to OBJECT through a distccd started here, on 127.0.0.1
# and a free port, so that the job goes over TCP to the daemon (not
# distcc's local shortcut) and cannot fall back to a local compile. The
# daemon is stopped by its pid when this script ends, however it ends.
#
# usage: distcc-compile.sh WORKDIR CLANG PLUGIN SOURCE OBJECT
#
# distccd (3.3 and later) refuses any job whose arguments start with
# -fplugin= (hard-coded, no option turns it off), so the plugin is loaded
# with the cc1 spelling clang turns -fplugin= into, -Xclang=-load
# -Xclang=PLUGIN (the joined -Xclang= form: distcc drops a separate
# "-load" from the arguments it sends). The daemon only runs compilers
# masqueraded in /usr/lib/distcc (Debian's package links clang-19 there);
# when that link is missing, --enable-tcp-insecure lets it run the
# compiler named by the client, safe here because it listens on and
# allows only 127.0.0.1.
set -euo pipefail
work=$1 clang=$2 plugin=$3 source=$4 object=$5
mkdir -p "$work/run" "$work/tmp" "$work/client"
# distccd drops root to its own user, which must write its log and work in
# its TMPDIR (lit's own is private to root).
chmod 777 "$work/run"
chmod 1777 "$work/tmp"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
compiler=$(basename "$clang")
insecure=()
if [ ! -e "/usr/lib/distcc/$compiler" ]; then
  insecure=(--enable-tcp-insecure)
fi

stop() {
  if [ -s "$work/run/distccd.pid" ]; then
    kill "$(cat "$work/run/distccd.pid")" 2>/dev/null || true
  fi
}
trap stop EXIT

# The daemon runs the compiler the client names ("clang") from this PATH:
# the clang the plugin was built for, not another version's.
DISTCCD_PATH="$(dirname "$clang"):/usr/bin:/bin" TMPDIR="$work/tmp" \
distccd --daemon --listen 127.0.0.1 --port "$port" --allow 127.0.0.1 \
  --pid-file "$work/run/distccd.pid" --log-file "$work/run/distccd.log" \
  --log-level info --jobs 1 "${insecure[@]}"
# Wait (at most 10 s) until it accepts connections.
for _ in $(seq 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

PATH=$(dirname "$clang"):$PATH \
DISTCC_HOSTS="127.0.0.1:$port/1" DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 \
DISTCC_DIR="$work/client" \
  timeout 60 distcc "$compiler" -O2 "-Xclang=-load" "-Xclang=$plugin" \
  -fplugin-arg-escape-embed -c "$source" -o "$object"
# The daemon's word that it compiled the job; it may write its log line
# just after sending the object back, so wait for it (at most 10 s).
for _ in $(seq 100); do
  if grep -q 'COMPILE_OK' "$work/run/distccd.log" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
grep 'COMPILE_OK' "$work/run/distccd.log"
