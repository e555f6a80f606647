#!/bin/sh
# The compiler of lit/lsp-rerun-limit.test: the real clang
# ($ESCAPE_TEST_CLANG), then a hold of a second, logging to
# $ESCAPE_TEST_RUNS/../runs.log when each run starts (with how many runs
# are under way then, itself included: a file per run in $ESCAPE_TEST_RUNS),
# when its compile is done, and when it ends. It ignores SIGTERM, so a run
# the server cancels still finishes and writes its YAML: a result the
# server must drop.
trap '' TERM
runs=$ESCAPE_TEST_RUNS
log=$runs/../runs.log
src=
for arg; do
  case $arg in *.c) src=${arg##*/} ;; esac
done
touch "$runs/running.$$"
echo "start $src $(ls "$runs" | grep -c '^running\.')" >>"$log"
"$ESCAPE_TEST_CLANG" "$@"
status=$?
echo "compiled $src" >>"$log"
sleep 1
echo "end $src" >>"$log"
rm -f "$runs/running.$$"
exit $status
