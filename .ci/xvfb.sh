# Sourced by the window scripts: starts Xvfb on a display it picks itself
# (-displayfd), exports DISPLAY and sets $xvfb to its pid. Xvfb takes over a
# lock file whose server is gone, so displays left locked by killed runs
# cannot use up the numbers; a live one is skipped.
#   start_xvfb WIDTHxHEIGHT
start_xvfb() {
  local size=${1:-1280x800}
  xvfb_launch -screen 0 "${size}x24" -nolisten tcp
}

# xvfb_launch ARG…: Xvfb with ARGs on a display of its choosing, up to three
# tries; exports DISPLAY and sets $xvfb. The display answers when it returns.
xvfb_launch() {
  local fdfile n
  xvfb=""
  fdfile=$(mktemp)
  for _ in 1 2 3; do
    : >"$fdfile"
    Xvfb -displayfd 3 "$@" 3>"$fdfile" >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 200); do
      n=$(tr -dc 0-9 <"$fdfile")
      [ -n "$n" ] && break
      kill -0 "$xvfb" 2>/dev/null || break
      sleep 0.1
    done
    if [ -n "$n" ]; then
      export DISPLAY=":$n"
      for _ in $(seq 100); do
        if xdpyinfo >/dev/null 2>&1; then
          rm -f "$fdfile"
          return 0
        fi
        kill -0 "$xvfb" 2>/dev/null || break
        sleep 0.1
      done
    fi
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    xvfb=""
  done
  rm -f "$fdfile"
  echo "could not start Xvfb" >&2
  return 1
}

# The window scripts drive the app by keyboard, with the keys its Help lists
# (helpShortcuts: Tab, Space, Enter, Ctrl+F, Ctrl+E, Ctrl+comma) and the
# View menu's Ctrl+PageDown. What has no key (a tab of the tab bar, opening
# the menu bar) is clicked at a position found in the window's own picture,
# never at an x per language.

# send_keys WINDOW KEY…: keystrokes to the window, focused first (without a
# window manager keys go to whatever is under the pointer otherwise).
send_keys() {
  local win=$1
  shift
  xdotool windowfocus --sync "$win" 2>/dev/null || true
  xdotool key --delay 80 "$@"
  sleep 0.4
}

# type_text WINDOW TEXT: TEXT typed into the focused field of the window.
type_text() {
  xdotool windowfocus --sync "$1" 2>/dev/null || true
  xdotool type --delay 50 "$2"
  sleep 0.4
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

# Rows of the menu bar and of the tab bar under it, in window pixels. Fyne's
# theme sets them; they are the same in every language and window size.
menu_row=14 tab_row=49

# labels_x WINDOW ROW: the x of the middle of each label in a band 12 px
# high around ROW of the window's picture, left to right: runs of pixels
# unlike the band's background, runs less than 15 px apart (an icon and
# its text, two words) counting as one. In the tab bar these are the tabs
# and then the language choice at its right end; in the menu bar the menus.
labels_x() {
  local png w
  png=$(mktemp --suffix=.png)
  import -window "$1" "$png"
  w=$(identify -format %w "$png")
  convert "$png" -crop "${w}x12+0+$(($2 - 6))" +repage -colorspace gray -depth 8 txt:- |
    awk -F'[,: ()]+' -v w="$w" '
      NR > 1 { v[$1, $2] = $4; n[$4]++; if ($2 > h) h = $2 }
      END {
        for (c in n) if (n[c] > most) { most = n[c]; bg = c }
        start = -1; last = -100
        for (x = 0; x < w; x++) {
          ink = 0
          for (y = 0; y <= h; y++) { d = v[x, y] - bg; if (d > 40 || d < -40) ink = 1 }
          if (!ink) continue
          if (x - last > 14) { if (start >= 0) print int((start + last) / 2); start = x }
          last = x
        }
        if (start >= 0) print int((start + last) / 2)
      }'
  rm -f "$png"
}

# click_tab WINDOW N: a click on the N-th tab of the tab bar (from 1:
# companies, entry modes, settings, help), found in the window's picture.
click_tab() {
  local x
  x=$(labels_x "$1" "$tab_row" | sed -n "$2p")
  [ -n "$x" ] || { echo "no tab $2 in the tab bar of window $1" >&2; return 1; }
  click "$1" "$x" "$tab_row"
}

# menu_keys WINDOW KEY…: opens the menu bar at its first menu (File), found
# in the window's picture, and goes on by keyboard: Right to the next menu,
# Down to an item, Return to choose it.
menu_keys() {
  local win=$1 x
  shift
  x=$(labels_x "$win" "$menu_row" | head -1)
  [ -n "$x" ] || { echo "no menu bar in window $win" >&2; return 1; }
  click "$win" "$x" "$menu_row"
  send_keys "$win" "$@"
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
