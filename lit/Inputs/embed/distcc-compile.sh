#!/usr/bin/env bash
# Compiles SOURCE to OBJECT through a distccd started here, on 127.0.0.1
# and a free port, so that the job goes over TCP to the daemon (not
# distcc's local shortcut) and cannot fall back to a local compile. The
# daemon is stopped by its pid when this script ends, however it ends.
#
# usage: distcc-compile.sh [--launcher ESCAPE] WORKDIR CLANG PLUGIN SOURCE OBJECT
#
# Without --launcher, the plugin is loaded by hand: distccd (3.3 and
# later) refuses any job whose arguments start with -fplugin= (hard-coded,
# no option turns it off), so it is the cc1 spelling clang turns -fplugin=
# into, -Xclang=-load -Xclang=PLUGIN (the joined -Xclang= form: distcc
# drops a separate "-load" from the arguments it sends), with embed. With
# --launcher, `ESCAPE cc distcc clang -O2 -c ...` must add both itself.
#
# distccd, started as root, drops to its own user, which cannot enter a
# checkout under a 0700 directory (/root, mktemp -d): its log, pid, TMPDIR
# and the plugin it loads (the same absolute path on both sides, as a real
# farm needs too) live in a directory of their own under /tmp that it can
# enter, removed at the end. The daemon only runs compilers masqueraded in
# /usr/lib/distcc (Debian's package links clang-19 there); when that link
# is missing, --enable-tcp-insecure lets it run the compiler named by the
# client, safe here because it listens on and allows only 127.0.0.1.
set -euo pipefail
launcher=""
if [ "${1:-}" = "--launcher" ]; then
  launcher=$2
  shift 2
fi
work=$1 clang=$2 plugin=$3 source=$4 object=$5
mkdir -p "$work/client"
shared=$(mktemp -d "${TMPDIR_FOR_DISTCCD:-/tmp}/escape-distcc.XXXXXX")
chmod 755 "$shared"
mkdir -p "$shared/run" "$shared/tmp" "$shared/lib"
chmod 777 "$shared/run"
chmod 1777 "$shared/tmp"
# libescape.so loads libescape-frontend.so from its own directory.
cp "$plugin" "$(dirname "$plugin")/libescape-frontend.so" "$shared/lib/"
chmod -R a+rX "$shared/lib"
remote_plugin=$shared/lib/$(basename "$plugin")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
compiler=$(basename "$clang")
insecure=()
if [ ! -e "/usr/lib/distcc/$compiler" ]; then
  insecure=(--enable-tcp-insecure)
fi

stop() {
  if [ -s "$shared/run/distccd.pid" ]; then
    kill "$(cat "$shared/run/distccd.pid")" 2>/dev/null || true
  fi
  # Keep the daemon's log beside the test's output for a failure's reader.
  cp "$shared/run/distccd.log" "$work/distccd.log" 2>/dev/null || true
  rm -rf "$shared"
}
trap stop EXIT

# The daemon runs the compiler the client names ("clang") from this PATH:
# the clang the plugin was built for, not another version's.
DISTCCD_PATH="$(dirname "$clang"):/usr/bin:/bin" TMPDIR="$shared/tmp" \
distccd --daemon --listen 127.0.0.1 --port "$port" --allow 127.0.0.1 \
  --pid-file "$shared/run/distccd.pid" --log-file "$shared/run/distccd.log" \
  --log-level info --jobs 1 "${insecure[@]}"
# Wait (at most 10 s) until it accepts connections.
for _ in $(seq 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

if [ -n "$launcher" ]; then
  command=(env -u ESCAPE_ARGS ESCAPE_PLUGIN="$remote_plugin"
           "$launcher" cc distcc "$compiler" -O2 -c "$source" -o "$object")
else
  command=(distcc "$compiler" -O2 "-Xclang=-load" "-Xclang=$remote_plugin"
           -fplugin-arg-escape-embed -c "$source" -o "$object")
fi
PATH=$(dirname "$clang"):$PATH \
DISTCC_HOSTS="127.0.0.1:$port/1" DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 \
DISTCC_DIR="$work/client" \
  timeout 60 "${command[@]}"
# The daemon's word that it compiled the job; it may write its log line
# just after sending the object back, so wait for it (at most 10 s).
for _ in $(seq 100); do
  if grep -q 'COMPILE_OK' "$shared/run/distccd.log" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
grep 'COMPILE_OK' "$shared/run/distccd.log"
