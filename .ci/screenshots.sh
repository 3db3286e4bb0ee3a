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

# x of each tab in the tab bar (y 49), per language.
declare -A modes_x=([sv]=186 [en]=190) settings_x=([sv]=340 [en]=305) help_x=([sv]=448 [en]=393)

launch() {
  "$bindir/pomi" --lang "$lang" >/dev/null 2>&1 &
  app=$!
  win=$(timeout 30 xdotool search --sync --onlyvisible --name "POMI Planner" | head -1)
  sleep 1.5
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }
shot() { sleep "${2:-1}"; import -window "$win" "$out/$1-$lang.png"; }

launch
shot first-start
stop

"$bindir/pomi-cli" demo >/dev/null
"$bindir/pomi-cli" settings --used-by advisor --organisation "Exportkontoret Syd" \
  --advisor "Per Holm" --advisor-title "Exportrådgivare" --advisor-email per.holm@example.se >/dev/null
launch
shot companies
xdotool key --window "$win" ctrl+f
xdotool type --delay 50 pasta
sleep 0.5
xdotool key Return
n=1
for step in profile modes competences statements barriers checklist results actions report history; do
  shot "step-$(printf %02d $n)-$step" 1.2
  xdotool key --window "$win" ctrl+Next
  n=$((n + 1))
done
click "$win" "${modes_x[$lang]}" 49
shot modes
click "$win" "${settings_x[$lang]}" 49
shot settings
click "$win" "${help_x[$lang]}" 49
shot help
stop
echo "screenshots: $(ls "$out"/*-"$lang".png | wc -l) pictures of the $lang window in $out"
