# Sourced by the window scripts: starts Xvfb on the first free display that
# answers, exports DISPLAY and sets $xvfb to its pid. A display left locked
# by an earlier run (or another job) must not make this one fail.
#   start_xvfb WIDTHxHEIGHT
start_xvfb() {
  local size=${1:-1280x800} n
  xvfb=""
  for n in $(seq 90 130); do
    { [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; } && continue
    Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=":$n"
    for _ in $(seq 100); do
      xdpyinfo >/dev/null 2>&1 && return 0
      kill -0 "$xvfb" 2>/dev/null || break
      sleep 0.1
    done
    kill "$xvfb" 2>/dev/null || true
    xvfb=""
  done
  echo "could not start Xvfb" >&2
  return 1
}

# click WINDOW X Y: a left click at window coordinates; mousedown and mouseup
# apart, because Fyne misses xdotool's quick click.
click() {
  xdotool mousemove --window "$1" "$2" "$3"
  sleep 0.2
  xdotool mousedown 1
  sleep 0.1
  xdotool mouseup 1
  sleep 0.4
}

# stop_window_run DIR: the EXIT trap of a window script. It stops the app
# ($app) and Xvfb ($xvfb) and removes DIR, and must not fail: under set -e
# a failing command in the trap (rm racing the app's last writes) would
# turn a passed check into exit 1.
stop_window_run() {
  set +e
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$1" 2>/dev/null
  return 0
}
