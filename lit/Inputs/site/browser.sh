#!/bin/sh
# Runs Debian's chromium headless on a page, with a fresh profile that is
# removed afterwards and nothing that reaches the network:
#   browser.sh dom URL          prints the DOM after the page's scripts ran
#   browser.sh shot URL PNG     saves a 1400x900 screenshot
set -eu
mode=$1 url=$2 png=${3:-}
profile=$(mktemp -d "${TMPDIR:-/tmp}/escape-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
set -- --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=5000
case $mode in
  dom) chromium "$@" --dump-dom "$url" 2>/dev/null ;;
  shot) chromium "$@" --hide-scrollbars --window-size=1400,900 \
          --screenshot="$png" "$url" >/dev/null 2>&1
        test -s "$png" ;;
  *) echo "browser.sh: unknown mode '$mode'" >&2; exit 2 ;;
esac
