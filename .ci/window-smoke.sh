#!/usr/bin/env bash
# Starts the built desktop app under a virtual X display, waits for its
# window, takes a screenshot and checks it is a real, non-blank picture.
#   window-smoke.sh BINARY LANG OUT.png
set -euo pipefail
bin=$1 lang=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=xvfb.sh
. "$here/xvfb.sh"
app="" xvfb=""
data=$(mktemp -d)
trap 'stop_window_run "$data"' EXIT
export LANG=en_US.UTF-8 HOME=$data
# A data folder of its own, with the example companies when pomi-cli is
# beside the app, so the window shows a real list and never the user's data.
export POMI_DATA_DIR=$data/data
cli="$(dirname "$bin")/pomi-cli"
if [ -x "$cli" ]; then
  "$cli" demo >/dev/null
  "$cli" settings --used-by advisor >/dev/null
fi
start_xvfb 1280x800
"$bin" --lang "$lang" >/dev/null 2>&1 &
app=$!
if ! win=$(timeout 30 xdotool search --sync --onlyvisible --name "POMI Planner" | head -1); then
  echo "window-smoke: no window within 30 s" >&2; exit 1
fi
sleep 2
import -window "$win" "$out"
colors=$(convert "$out" -format '%k' info:)
if [ "$colors" -lt 8 ]; then
  echo "window-smoke: screenshot has only $colors colours – blank window" >&2; exit 1
fi
echo "window-smoke: $lang window $win shown, screenshot $out ($colors colours)"
