#!/usr/bin/env bash
# End to end in the real window: a first start on an empty data folder, the
# example companies, a company found with Ctrl+F, a field typed in the
# profile, its results, and Ctrl+E exporting the PDF plan, which must be a
# valid PDF naming the company; after the window closes, the typed change
# must be in the database.
#   e2e.sh BIN_DIR OUT_DIR
set -euo pipefail
bindir=$(cd "$1" && pwd) out=$2
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=xvfb.sh
. "$here/xvfb.sh"
home=$(mktemp -d)
app="" xvfb=""
trap 'stop_window_run "$home"' EXIT
fail() { echo "e2e: $*" >&2; exit 1; }
export HOME=$home POMI_DATA_DIR=$home/data LANG=sv_SE.UTF-8
start_xvfb 1366x768
"$bindir/pomi" --lang sv >"$out/e2e-app.log" 2>&1 &
app=$!
win=$(timeout 30 xdotool search --sync --onlyvisible --name "POMI Planner" | head -1) || fail "no window within 30 s"
sleep 1.5
import -window "$win" "$out/e2e-1-first-start.png"
# The first start page in reading order, as Tab walks it: the language,
# "I am an advisor" (Space chooses it and ticks the examples), "We are a
# company", the organisation's name; Enter there is "Get started".
send_keys "$win" Tab Tab space Tab Tab
type_text "$win" "Exportkontoret Syd"
send_keys "$win" Return
sleep 2.5
import -window "$win" "$out/e2e-2-companies.png"
# Ctrl+F, a few letters and Enter open the only match.
send_keys "$win" ctrl+f
type_text "$win" pasta
sleep 0.2
send_keys "$win" Return
sleep 1.5
import -window "$win" "$out/e2e-3-profile.png"
# The website field of the profile: replace its text; autosave stores it.
# The search field is gone with the list, so Tab starts at the top: the
# step list, the company's name, its org.nr, its website.
send_keys "$win" Tab Tab Tab Tab ctrl+a
type_text "$win" "https://pasta.example.se"
sleep 1.5
import -window "$win" "$out/e2e-4-typed.png"
for _ in 1 2 3 4 5 6; do send_keys "$win" ctrl+Next; done
sleep 1
import -window "$win" "$out/e2e-5-results.png"
send_keys "$win" ctrl+e
pdf=""
for _ in $(seq 60); do
  # find fails until the folder exists; with pipefail that must not end the script.
  pdf=$(find "$home/Documents" -name '*.pdf' 2>/dev/null | head -1 || true)
  [ -n "$pdf" ] && break
  sleep 0.5
done
[ -n "$pdf" ] || fail "Ctrl+E wrote no PDF under $home/Documents"
sleep 1
import -window "$win" "$out/e2e-6-exported.png"
qpdf --check "$pdf" >/dev/null || fail "qpdf finds $pdf broken"
pdftotext "$pdf" "$home/plan.txt"
grep -q "Möllevångens Pastafabrik" "$home/plan.txt" || fail "the PDF does not name the company"
cp "$pdf" "$out/e2e-plan.pdf"
# Closing the window saves; then the database can be read by the CLI.
xdotool windowclose "$win" 2>/dev/null || xdotool key --window "$win" ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
kill -0 "$app" 2>/dev/null && fail "the app did not quit when its window closed"
app=""
id=$("$bindir/pomi-cli" list | awk -F'\t' '/Möllevångens/{print $1}')
[ -n "$id" ] || fail "the example companies were not loaded"
"$bindir/pomi-cli" export --company "$id" --out "$home/company.json"
grep -q '"website": "https://pasta.example.se"' "$home/company.json" ||
  fail "the website typed in the profile was not saved"
echo "e2e: first start, search, profile edit, results and PDF export passed ($(pdfinfo "$pdf" | awk '/^Pages/{print $2}') pages)"
