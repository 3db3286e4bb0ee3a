# Sourced by .ci/wine-check.sh: the walk through the real Windows window
# under Wine, driven by the keyboard only (no pixel positions that move
# when a label changes length). Needs the prefix of .ci/wine.sh and the
# display of .ci/xvfb.sh.
#   wine_gui_walk EXE DOCS OUT – EXE is the Linux path of POMI Planner.exe,
#                                DOCS that of the Documents folder Windows
#                                knows; screenshots go to OUT/wine-*.png

# shot NAME: a screenshot of the window, for a person to look at.
shot() {
  import -window "$win" "$out/wine-$1.png" 2>/dev/null || import -window root "$out/wine-$1.png"
}

# xdotool reads text in the C.UTF-8 locale, which every system has (the
# app's Swedish one may not be generated).
xdo() { LANG=C.UTF-8 LC_ALL=C.UTF-8 xdotool "$@"; }

# keys KEY…: keystrokes to the window, which must have the focus first:
# without a window manager xdotool's keys go nowhere otherwise.
keys() {
  xdo windowfocus --sync "$win" 2>/dev/null || true
  xdo key --delay 80 "$@"
  sleep 0.4
}

typed() {
  xdo windowfocus --sync "$win" 2>/dev/null || true
  xdo type --delay 60 "$1"
  sleep 0.4
}

# wait_for SECONDS TEST…: polls until the command succeeds.
wait_for() {
  local n=$(($1 * 4))
  shift
  for _ in $(seq "$n"); do
    "$@" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

app_running() { pgrep -f 'POMI Planner\.exe' >/dev/null; }
found_pdf() { pdf=$(find -L "$docs" -name '*.pdf' 2>/dev/null | head -1); [ -n "$pdf" ]; }

# search_and_open TEXT: Ctrl+F, TEXT and Enter, which opens the only match.
# Wine drops a typed non-ASCII letter now and then on a loaded machine (the
# search then read "Mll", found nothing, and Enter opened nothing), so when
# the window did not change, the search is typed again, at most three times.
search_and_open() {
  local try text=$1
  for try in 1 2 3; do
    keys ctrl+f ctrl+a
    typed "$text"
    sleep 1
    shot 3-search
    keys Return
    sleep 2
    shot 4-profile
    [ "$(compare -metric AE "$out/wine-3-search.png" "$out/wine-4-profile.png" null: 2>&1 || true)" != 0 ] && return 0
    echo "wine: Ctrl+F $text and Enter opened nothing (try $try; a dropped letter?), typing it again"
    # Wine still drops å, ä and ö now and then; the search ignores
    # diacritics, so the retries type the same letters without them.
    # Bash's replacement matches the bytes, in any locale (sed's y/// counts
    # characters, and refuses å as two bytes under LANG=C, as on CI).
    text=${1//å/a} text=${text//ä/a} text=${text//ö/o}
    text=${text//Å/A} text=${text//Ä/A} text=${text//Ö/O}
  done
  fail "Ctrl+F $1 and Enter opened no company in three tries (screenshots: $out/wine-3-search.png)"
}

wine_gui_walk() {
  local exe=$1 data
  docs=$2 out=$3
  data="$wine_appdata/Roaming/POMI Planner"
  # Started as from the Start menu: in its own folder, no --data-dir.
  (cd "$(dirname "$exe")" && exec wine "$exe") >"$out/wine-app.log" 2>&1 &
  win=$(timeout 90 xdotool search --sync --onlyvisible --name '^POMI Planner$' | head -1) ||
    fail "no window named POMI Planner within 90 s (log: $out/wine-app.log)"
  # The pointer out of the way, so no hover lights up what is not focused.
  xdo mousemove --window "$win" 1 1
  sleep 3
  shot 1-first-start
  # The first start page in reading order, as Tab walks it: the language,
  # "I am an advisor" (Space chooses it and ticks the examples), "We are a
  # company", the organisation's name; Enter there is "Get started".
  keys Tab Tab space Tab Tab
  typed "Exportkontoret Syd"
  keys Return
  sleep 4
  [ -s "$data/pomi.db" ] || fail "no database in %AppData%\\POMI Planner ($data)"
  shot 2-companies
  # Ctrl+F, a few letters and Enter open the only match.
  search_and_open "Möll"
  keys ctrl+e
  wait_for 60 found_pdf || fail "Ctrl+E wrote no PDF under the Documents folder ($docs)"
  sleep 2
  shot 5-exported
  qpdf --check "$pdf" >/dev/null || fail "qpdf finds $pdf broken"
  pdftotext "$pdf" "$out/wine-plan.txt"
  grep -q "Möllevångens Pastafabrik AB" "$out/wine-plan.txt" || fail "the plan does not name the company"
  cp "$pdf" "$out/wine-plan.pdf"
  # Alt+F4 asks the window to close, as a user would; the app saves and ends.
  # Wine under load drops a key now and then (as with the typed ö above), so
  # a window still open after 15 s gets Alt+F4 once more before it fails.
  keys alt+F4
  if ! wait_for 15 sh -c '! pgrep -f "POMI Planner\.exe" >/dev/null'; then
    keys alt+F4
    wait_for 30 sh -c '! pgrep -f "POMI Planner\.exe" >/dev/null' || fail "a POMI Planner process is left after closing the window"
  fi
  grep -qi 'panic' "$data/pomi.log" && fail "the log has a panic: $(grep -i -m1 panic "$data/pomi.log")"
  ls "$data"/crash-*.txt >/dev/null 2>&1 && fail "a crash report was written: $(ls "$data"/crash-*.txt)"
  echo "wine: window walk passed – first start, examples, Ctrl+F Möll, Ctrl+E wrote $(pdfinfo "$pdf" | awk '/^Pages/{print $2}') pages to $(winpath "$pdf")"
}
