#!/usr/bin/env bash
# Starts the built desktop app under a virtual X display, waits for its
# window, takes a screenshot and checks it is a real, non-blank picture.
#   window-smoke.sh BINARY LANG OUT.png
set -euo pipefail
bin=$1 lang=$2 out=$3
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; true; }
trap cleanup EXIT
export DISPLAY=$display LANG=en_US.UTF-8
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
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
