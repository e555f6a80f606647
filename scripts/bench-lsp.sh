#!/usr/bin/env bash
# escape lsp's speed contract (SPEC.md "Editors"): a file with 1,000
# remarks published within 50 ms of opening it. Generates a C file whose
# 1,000 functions each have a local that escapes, compiles it once with the
# plugin (its YAML beside the object, found through compile_commands.json),
# then, N times, starts `escape lsp`, initializes it and times didOpen to
# the publishDiagnostics that carries the remarks. Prints the best and the
# median wall time, and the server's CPU time per open (which a loaded
# machine does not inflate). Run by scripts/bench.sh --lsp; never a timed
# test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESCAPE_BUILD_DIR:-$root/build}
runs=${ESCAPE_BENCH_N:-5}
count=1000
clang=clang-19
plugin="$build/lib/libescape.so"
escape="$build/bin/escape"

usage() {
  cat <<'USAGE'
usage: scripts/bench-lsp.sh [-n RUNS] [--remarks N] [--clang PATH] [--plugin PATH] [--escape PATH]

Times escape lsp from didOpen to the publishDiagnostics of a generated file
with N remarks (default 1000), best and median of RUNS (default 5, or
$ESCAPE_BENCH_N) fresh servers. Target: 1,000 remarks within 50 ms.
USAGE
}

while [ $# -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2 ;;
    --remarks) count=$2; shift 2 ;;
    --clang) clang=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    --escape) escape=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-lsp: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for file in "$plugin" "$escape"; do
  [ -e "$file" ] || { echo "bench-lsp: $file not found (build first)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/build"
{
  echo "void sink(char *p);"
  for ((i = 0; i < count; i++)); do
    echo "void f$i(void) { char b$i[16]; sink(b$i); }"
  done
} >"$work/many.c"
printf '[{"directory": "%s/build", "file": "../many.c", "arguments": ["%s", "-O2", "-c", "../many.c", "-o", "many.o"]}]\n' \
  "$work" "$clang" >"$work/build/compile_commands.json"
(cd "$work/build" && "$clang" -O2 -fplugin="$plugin" -c ../many.c -o many.o)

python3 - "$escape" "$work" "$runs" "$count" <<'PY'
import json, os, resource, select, statistics, subprocess, sys, time

escape, work, runs, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
path = os.path.join(work, "many.c")
uri = "file://" + path
text = open(path).read()

def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

def read_message(proc, buf):
    while True:
        end = buf.find(b"\r\n\r\n")
        if end >= 0:
            length = int(buf[:end].split(b":")[1])
            if len(buf) >= end + 4 + length:
                return json.loads(buf[end + 4:end + 4 + length]), buf[end + 4 + length:]
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        chunk = os.read(proc.stdout.fileno(), 1 << 20) if ready else b""
        if not chunk:
            raise SystemExit("bench-lsp: the server stopped answering")
        buf += chunk

def start():
    proc = subprocess.Popen([escape, "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                            "params": {"capabilities": {},
                                       "initializationOptions": {"rerunOnSave": False}}}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    proc.stdin.flush()
    message, buf = read_message(proc, b"")
    return proc, buf

def open_file(proc, buf):
    """didOpen; returns (milliseconds to the publish, diagnostics, buf)."""
    start_time = time.perf_counter()
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                            "params": {"textDocument": {"uri": uri, "languageId": "c",
                                                        "version": 1, "text": text}}}))
    proc.stdin.flush()
    while True:
        message, buf = read_message(proc, buf)
        if message.get("method") == "textDocument/publishDiagnostics":
            break
    elapsed = (time.perf_counter() - start_time) * 1000
    return elapsed, len(message["params"]["diagnostics"]), buf

def close_file(proc, buf):
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didClose",
                            "params": {"textDocument": {"uri": uri}}}))
    proc.stdin.flush()
    return read_message(proc, buf)[1]

def stop(proc):
    """Ends the server; returns the CPU seconds it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    proc.stdin.close()
    proc.wait(30)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

# Wall time of the first open of a fresh server (what a user waits for).
times = []
for _ in range(runs):
    proc, buf = start()
    elapsed, published, buf = open_file(proc, buf)
    stop(proc)
    if published < count:
        raise SystemExit("bench-lsp: %d diagnostics published, %d expected" % (published, count))
    times.append(elapsed)
# The server's own CPU time per open, which the machine's load does not
# inflate: a server opening and closing the file 20 times, less one that
# only starts.
proc, buf = start()
idle = stop(proc)
proc, buf = start()
for _ in range(20):
    buf = open_file(proc, buf)[2]
    buf = close_file(proc, buf)
busy = stop(proc)
cpu = (busy - idle) / 20 * 1000
best, median = min(times), statistics.median(times)
print("escape lsp: %d remarks published %.1f ms after didOpen (best of %d, median %.1f ms;"
      " server CPU %.1f ms per open; load average %.1f; target 50 ms: %s)"
      % (published, best, runs, median, cpu, os.getloadavg()[0],
         "met" if best <= 50 else "MISSED"))
PY
