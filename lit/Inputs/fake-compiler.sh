#!/bin/sh
# A stand-in compiler for the launcher tests: prints its arguments (so the
# tests see what escape passed), answers --version as clang
# $FAKE_VERSION, and exits with $FAKE_STATUS.
if [ "$1" = "--version" ]; then
  echo "clang version ${FAKE_VERSION:-14.0.6}"
  exit 0
fi
echo "ARGS: $*"
exit "${FAKE_STATUS:-0}"
