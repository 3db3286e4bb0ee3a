#!/usr/bin/env bash
# The Windows build, run for real under Wine on a virtual display:
#   wine-check.sh SETUP_EXE OUT_DIR
# 1. the installer, silently (/S), into a throwaway prefix: program folder,
#    Start-menu and desktop shortcuts, the Apps & features entry;
# 2. the installed pomi-cli.exe: demo, list and report in a data folder
#    whose path has a space and å/ä/ö;
# 3. the installed POMI Planner.exe with no --data-dir: its window from
#    first start to an exported plan (.ci/wine-gui.sh), screenshots in OUT_DIR;
# 4. the next version's installer over it (an upgrade) keeps the data; while
#    the app runs, the installer refuses and leaves it alone; killed, the
#    app leaves a lock the next start takes over;
# 5. the uninstaller, silently: program and shortcuts gone, data kept.
set -euo pipefail
setup=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
mkdir -p "$out"
out=$(cd "$out" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=xvfb.sh
. "$here/xvfb.sh"
# shellcheck source=wine.sh
. "$here/wine.sh"
# shellcheck source=wine-gui.sh
. "$here/wine-gui.sh"
tmp=$(mktemp -d)
app="" xvfb=""
cleanup() {
  stop_wine
  stop_window_run "$tmp"
}
trap cleanup EXIT
fail() { echo "wine-check: $*" >&2; exit 1; }
started=$SECONDS
setup_size=$(du -h "$setup" | cut -f1)

# Built before HOME changes below, which would move Go's caches.
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "${GO:-go}" test -c -o "$tmp/desktop.test.exe" "$here/../desktop"

# Wine maps the profile's Documents to $HOME's; a home of its own keeps
# the user's untouched and makes the plan easy to find.
# Swedish for the programs; characters as UTF-8 in a locale every system
# has, or Wine turns "Åsa Öberg" in arguments into "Csa Cberg".
export HOME=$tmp/home LANG=sv_SE.UTF-8 LC_CTYPE=C.UTF-8
mkdir -p "$HOME"
start_xvfb 1366x768
# A Swedish keyboard, as the advisors have: xdotool then types å, ä and ö
# with their own keys. On a US map it borrows a spare key code for each and
# Wine, reading the changed map late, dropped the ö of "Möll" now and then.
setxkbmap se
new_wine_prefix "$tmp"
# OneDrive's known-folder move, as on many advisors' laptops: Documents is
# elsewhere than %USERPROFILE%\Documents, and plans must follow it.
documents=$wine_home/OneDrive/Dokument
mkdir -p "$documents"
wine reg add 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders' \
  /v Personal /t REG_EXPAND_SZ /d '%USERPROFILE%\OneDrive\Dokument' /f >/dev/null
echo "wine-check: prefix ready for user $wine_user, Documents moved to $(winpath "$documents") ($((SECONDS - started)) s)"

uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\se.pomiplanner.app'
programs=$wine_appdata/Local/Programs/POMI\ Planner
start_menu=$wine_appdata/Roaming/Microsoft/Windows/Start\ Menu/Programs/POMI\ Planner.lnk
desktop_link=$wine_home/Desktop/POMI\ Planner.lnk
data=$wine_appdata/Roaming/POMI\ Planner

install_silently() {
  local rc=0
  wine "$setup" /S || rc=$?
  wineserver -w
  return $rc
}

# 1. Install.
install_silently || fail "the installer exited with $?"
for f in "POMI Planner.exe" pomi-cli.exe LICENSE.txt THIRD_PARTY_NOTICES.txt "Uninstall POMI Planner.exe"; do
  [ -f "$programs/$f" ] || fail "the installer did not install $f in $(winpath "$programs")"
done
[ -f "$start_menu" ] || fail "no Start-menu shortcut ($(winpath "$start_menu"))"
[ -f "$desktop_link" ] || fail "no desktop shortcut ($(winpath "$desktop_link"))"
entry=$(wine reg query "$uninstall_key" 2>/dev/null | tr -d '\r')
version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$here/../FyneApp.toml")
for v in "DisplayName" "DisplayVersion.*$version" "Publisher" "DisplayIcon" "UninstallString"; do
  grep -q "$v" <<<"$entry" || fail "Apps & features entry lacks $v: $entry"
done
echo "wine-check: installed into $(winpath "$programs") with shortcuts and an Apps & features entry"

# 2. The command-line program, in a folder named like a Swedish user's.
cli=$programs/pomi-cli.exe
asa=$wine_home/../Åsa\ Öberg/AppData/Roaming/POMI\ Planner
mkdir -p "$asa"
asa=$(cd "$asa" && pwd)
wasa=$(winpath "$asa")
wine "$cli" demo --data-dir "$wasa" >"$out/wine-cli-demo.txt" || fail "pomi-cli demo failed: $(cat "$out/wine-cli-demo.txt")"
wine "$cli" list --data-dir "$wasa" | tr -d '\r' >"$out/wine-cli-list.txt"
grep -Eq "^3 (of|av) 3$" "$out/wine-cli-list.txt" || fail "pomi-cli list does not show the three examples: $(cat "$out/wine-cli-list.txt")"
id=$(awk -F'\t' '/Möllevångens/{print $1}' "$out/wine-cli-list.txt")
wine "$cli" report --company "$id" --out "$wasa\\Möllevångens plan.pdf" --data-dir "$wasa" >/dev/null ||
  fail "pomi-cli report failed"
qpdf --check "$asa/Möllevångens plan.pdf" >/dev/null || fail "qpdf finds the CLI's plan broken"
# Into a file first: grep -q would end pdftotext early, and pipefail fail it.
pdftotext "$asa/Möllevångens plan.pdf" "$tmp/cli-plan.txt"
grep -q "Möllevångens Pastafabrik AB" "$tmp/cli-plan.txt" || fail "the CLI's plan does not name the company"
echo "wine-check: pomi-cli.exe demo, list and report passed in $wasa"

# 3. The installed program, as a user starts it.
wine_gui_walk "$programs/POMI Planner.exe" "$documents" "$out"

# 3b. E-mail: Wine's only mail client (winemapi.dll) drops attachments, so
# the app must not count on it; the desktop package's test reads the real
# registry. (Only this test: Go's TempDir cleanup fails under Wine 8.)
wine "$tmp/desktop.test.exe" -test.run '^TestRegisteredMailClientOnThisWindows$' -test.v 2>&1 | tr -d '\r' >"$out/wine-mail.txt" ||
  fail "the mail client check failed: $(cat "$out/wine-mail.txt")"
grep -q "^--- PASS" "$out/wine-mail.txt" || fail "the mail client check did not run: $(cat "$out/wine-mail.txt")"
echo "wine-check: $(grep -o 'registered mail client.*' "$out/wine-mail.txt"), so the plan is mailed as a link without attachment, and said so"

# 4. An upgrade keeps the data; a running app stops the installer. The
# newer version is the same files under the next patch number, staged from
# the zip beside the installer and packed by the same installer script.
newer=$(awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }' <<<"$version")
stage=$tmp/stage-$newer
mkdir -p "$stage"
unzip -q -j "${setup%-setup.exe}.zip" -d "$stage"
convert "$here/../cmd/pomi/Icon.png" -resize 256x256 -depth 8 -define icon:auto-resize=256,48,32,16 "$stage/pomi.ico"
makensis -V1 -INPUTCHARSET UTF8 -DVERSION="$newer" -DBUILD=1 -DSTAGE="$stage" -DOUTFILE="$tmp/setup-$newer.exe" \
  "$here/../installer/windows/pomi.nsi" >"$out/wine-makensis.txt" || fail "makensis failed: $(cat "$out/wine-makensis.txt")"
setup=$tmp/setup-$newer.exe
before=$(wine "$cli" list | tr -d '\r' | tail -1)
install_silently || fail "installing $newer over $version failed"
after=$(wine "$cli" list | tr -d '\r' | tail -1)
[ "$after" = "$before" ] && [ -n "$after" ] || fail "the upgrade lost data: before '$before', after '$after'"
wine reg query "$uninstall_key" /v DisplayVersion | tr -d '\r' | grep -q "$newer" || fail "Apps & features does not show version $newer after the upgrade"
(cd "$programs" && exec wine "$programs/POMI Planner.exe") >"$out/wine-app-2.log" 2>&1 &
disown # killed on purpose below: no "Killed" from the shell
timeout 90 xdotool search --sync --onlyvisible --name '^POMI Planner$' >/dev/null || fail "the app did not start again"
rc=0
wine "$setup" /S || rc=$?
[ "$rc" -ne 0 ] || fail "the installer ran while the app was open"
app_running || fail "the installer stopped the running app"
# Killed, as by Task Manager: the next start must take over its lock.
pkill -KILL -f 'POMI Planner\.exe' || true
wait_for 20 sh -c '! pgrep -f "POMI Planner\.exe" >/dev/null' || fail "the app did not die"
[ -f "$data/pomi.lock" ] || fail "the killed app left no lock to take over (did it run?)"
wine "$cli" list >/dev/null 2>"$out/wine-cli-after-kill.txt" ||
  fail "after the app was killed its data cannot be opened: $(cat "$out/wine-cli-after-kill.txt")"
echo "wine-check: the upgrade from $version to $newer kept the data ($after); with the app open the installer refused (exit $rc); killed, its lock was taken over"

# 5. Uninstall: the program goes, the data stays.
# _?= makes the uninstaller run in place and wait, so its exit code is
# real. NSIS reads it unquoted, to the end of the line; Wine quotes an
# argument with a space, so the path goes in as words.
read -ra in_place <<<"_?=$(winpath "$programs")"
wine "$programs/Uninstall POMI Planner.exe" /S "${in_place[@]}" || fail "the uninstaller exited with $?"
wineserver -w
rm -f "$programs/Uninstall POMI Planner.exe" # _?= leaves the uninstaller itself, by NSIS's design
[ ! -e "$programs/POMI Planner.exe" ] || fail "the uninstaller left the program"
[ -z "$(ls -A "$programs" 2>/dev/null)" ] || fail "the uninstaller left files: $(ls "$programs")"
rmdir "$programs"
[ ! -e "$start_menu" ] || fail "the uninstaller left the Start-menu shortcut"
[ ! -e "$desktop_link" ] || fail "the uninstaller left the desktop shortcut"
wine reg query "$uninstall_key" >/dev/null 2>&1 && fail "the uninstaller left the Apps & features entry"
[ -s "$data/pomi.db" ] || fail "the uninstaller removed the data folder"
echo "wine-check: passed in $((SECONDS - started)) s – installer $setup_size, screenshots in $out/wine-*.png"
