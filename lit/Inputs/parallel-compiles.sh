#!/usr/bin/env bash
# parallel-compiles.sh N COMPILER ARGS... -o PREFIX: runs N compiles at once,
# the i-th writing PREFIX.i.o, and fails if any of them fails.
set -u
count=$1
shift
args=("${@:1:$#-1}")
prefix=${!#}
pids=()
for i in $(seq 1 "$count"); do
  "${args[@]}" "$prefix.$i.o" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
exit $status
