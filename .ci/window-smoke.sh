#!/usr/bin/env bash
# Starts the built desktop app under a virtual X display, waits for its
# window, takes a screenshot and checks it is a real, non-blank picture.
#   window-smoke.sh BINARY LANG OUT.png
set -euo pipefail
bin=$1 lang=$2 out=$3
app="" xvfb=""
data=$(mktemp -d)
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$data"; true; }
trap cleanup EXIT
export LANG=en_US.UTF-8
# A data folder of its own, with the example companies when pomi-cli is
# beside the app, so the window shows a real list and never the user's data.
export POMI_DATA_DIR=$data
cli="$(dirname "$bin")/pomi-cli"
[ -x "$cli" ] && "$cli" demo >/dev/null
# Take the first display that is free and answers: a display left locked by
# an earlier run (or another job) must not make this one fail.
for n in $(seq 90 130); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=":$n"
  for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break 2; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
  kill "$xvfb" 2>/dev/null || true
  xvfb=""
done
[ -n "$xvfb" ] || { echo "window-smoke: could not start Xvfb" >&2; exit 1; }
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
