#!/usr/bin/env bash
# Takes a screenshot of every main screen of the real window in one
# language: the first start, the company list, each step of the workspace
# for an example company, the entry modes, settings and help.
#   screenshots.sh BIN_DIR LANG OUT_DIR
set -euo pipefail
bindir=$(cd "$1" && pwd) lang=$2 out=$3
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=xvfb.sh
. "$here/xvfb.sh"
home=$(mktemp -d)
app="" xvfb=""
trap 'stop_window_run "$home"' EXIT
export HOME=$home POMI_DATA_DIR=$home/data LANG=en_US.UTF-8
start_xvfb 1366x768

launch() {
  "$bindir/pomi" --lang "$lang" >/dev/null 2>&1 &
  app=$!
  win=$(timeout 30 xdotool search --sync --onlyvisible --name "POMI Planner" | head -1)
  sleep 1.5
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }
shot() { sleep "${2:-1}"; import -window "$win" "$out/$1-$lang.png"; }
# changed BEFORE AFTER: the screenshot AFTER must differ from BEFORE, or
# the key or click meant to get there missed.
changed() {
  [ "$(compare -metric AE "$out/$1-$lang.png" "$out/$2-$lang.png" null: 2>&1 || true)" != 0 ] ||
    { echo "screenshots: $2 looks just like $1 – the window did not change" >&2; exit 1; }
}

launch
shot first-start
stop

"$bindir/pomi-cli" demo >/dev/null
"$bindir/pomi-cli" settings --used-by advisor --organisation "Exportkontoret Syd" \
  --advisor "Per Holm" --advisor-title "Exportrådgivare" --advisor-email per.holm@example.se >/dev/null
launch
shot companies
send_keys "$win" ctrl+f
type_text "$win" pasta
sleep 0.2
send_keys "$win" Return
n=1
for step in profile modes competences statements barriers checklist results actions report history; do
  shot "step-$(printf %02d $n)-$step" 1.2
  send_keys "$win" ctrl+Next
  n=$((n + 1))
done
# The entry modes have no key: their tab, the second, found in the picture.
click_tab "$win" 2
shot modes
send_keys "$win" ctrl+comma
shot settings
# Help: the menu bar's fourth menu, its first item.
menu_keys "$win" Right Right Right Down Return
shot help
changed step-10-history modes
changed modes settings
changed settings help
stop

# The portfolio views over 120 fictional companies with three assessments
# each (tools/seed), reached with Ctrl+1, 2 and 3.
export POMI_DATA_DIR=$home/portfolio
"$bindir/seed" -data-dir "$POMI_DATA_DIR" -n 120 -history 3 >/dev/null
"$bindir/pomi-cli" settings --used-by advisor --organisation "Exportkontoret Syd" >/dev/null
launch
shot portfolio 2
send_keys "$win" ctrl+2
shot followups 1.5
send_keys "$win" ctrl+3
shot insights 2
changed portfolio followups
changed followups insights
stop
echo "screenshots: $(ls "$out"/*-"$lang".png | wc -l) pictures of the $lang window in $out"
