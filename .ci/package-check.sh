#!/usr/bin/env bash
# Checks a package the way a user meets it.
#   package-check.sh windows dist/pomi-planner-V-windows-amd64.zip
#     the zip's files; the .exe a 64-bit GUI-subsystem PE (no console window)
#     with its icon, manifest and version info, and stripped; pomi-cli.exe a
#     64-bit PE; the text files CRLF; the installer beside the zip
#     (…-setup.exe) a per-user, 64-bit GUI NSIS installer with icon and
#     version info (installer/windows/README.md tells how to try it in Wine)
#   package-check.sh linux dist/pomi-planner-V-linux-amd64.tar.xz
#     the tarball's files; its Makefile's install (/usr/local) and
#     user-install (~/.local) into temporary roots; the installed binary
#     opens its window under Xvfb (screenshot in bin/package-window.png)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: package-check.sh windows|linux PACKAGE}
pkg=${2:?usage: package-check.sh windows|linux PACKAGE}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" 2>/dev/null || true' EXIT
fail() { echo "package-check: $*" >&2; exit 1; }
version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml)
build=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml)

# has LISTING ENTRY…: every entry appears as a whole line of the listing.
has() {
  local listing=$1 e
  shift
  for e in "$@"; do
    grep -qxF "$e" <<<"$listing" || fail "$pkg lacks $e"
  done
}

check_windows() {
  local exe=$tmp/"POMI Planner"/"POMI Planner.exe" listing desc dump types t wide narrow
  listing=$(unzip -Z1 "$pkg")
  has "$listing" "POMI Planner/POMI Planner.exe" "POMI Planner/pomi-cli.exe" "POMI Planner/README.txt" \
    "POMI Planner/LICENSE.txt" "POMI Planner/NOTICE.txt" "POMI Planner/THIRD_PARTY_NOTICES.txt"
  # The Wine checks' ProcessPrng DLL (.ci/wine/) is test scaffolding only.
  ! grep -qi '\.dll$' <<<"$listing" || fail "$pkg carries a DLL: $(grep -i '\.dll$' <<<"$listing")"
  unzip -q "$pkg" -d "$tmp"
  desc=$(file -b "$exe")
  echo "package-check: $desc"
  # (GUI) is the subsystem -H=windowsgui sets; (console) would open a console window.
  grep -q '^PE32+ executable (GUI) x86-64' <<<"$desc" || fail "not a 64-bit GUI executable: $desc"
  dump=$(x86_64-w64-mingw32-objdump -p "$exe")
  grep -q 'Subsystem.*(Windows GUI)' <<<"$dump" || fail "subsystem is not Windows GUI"
  # The resource directory's types: 3 icon, 14 icon group, 16 version info, 24 manifest.
  types=$(sed -n '/The .rsrc Resource Directory/,$p' <<<"$dump" | sed -n 's/^[0-9a-f]\{3\}   Entry: ID: 0x\([0-9a-f]*\),.*/\1/p')
  for t in 000003 00000e 000010 000018; do
    grep -qx "$t" <<<"$types" || fail "resource type 0x$t missing (found: $(echo $types))"
  done
  # Version info and manifest are UTF-16 and UTF-8 text inside .rsrc. (Into
  # variables first: grep -q in a pipe would stop strings early, and pipefail
  # would count that SIGPIPE as a failure.)
  wide=$(strings -el "$exe")
  narrow=$(strings -a -n 12 "$exe")
  grep -qxF "$version.$build" <<<"$wide" || fail "version info lacks $version.$build"
  grep -qF "version=\"$version.$build\"" <<<"$narrow" || fail "manifest lacks version $version.$build"
  grep -qF 'PerMonitorV2' <<<"$narrow" || fail "manifest is fyne's default, not cmd/pomi/windows.manifest"
  # -s -w: no symbol table.
  grep -qx 'no symbols' <<<"$(x86_64-w64-mingw32-objdump -t "$exe")" || fail "symbols not stripped"
  grep -q '^PE32+ executable (console) x86-64' <<<"$(file -b "$tmp/POMI Planner/pomi-cli.exe")" || fail "pomi-cli.exe is not a 64-bit console executable"
  grep -q 'Apache License' "$tmp/POMI Planner/LICENSE.txt" || fail "LICENSE.txt is not the Apache License"
  grep -q '^MinGW-w64 runtime' "$tmp/POMI Planner/THIRD_PARTY_NOTICES.txt" || fail "THIRD_PARTY_NOTICES.txt lacks the MinGW-w64 runtime linked into the .exe"
  for t in README LICENSE NOTICE THIRD_PARTY_NOTICES; do
    # CRLF: every line ends in \r\n (Notepad on older Windows 10).
    [ "$(grep -c $'\r$' "$tmp/POMI Planner/$t.txt")" = "$(wc -l <"$tmp/POMI Planner/$t.txt")" ] ||
      fail "$t.txt has lines without CRLF"
  done
  echo "package-check: $pkg ok – icon, manifest, version $version.$build, $(du -h "$exe" | cut -f1) exe, $(du -h "$pkg" | cut -f1) zip"
  check_setup "${pkg%.zip}-setup.exe"
}

# check_setup SETUP: the installer (installer/windows/pomi.nsi) is a 64-bit
# GUI PE with icon, manifest and version info, built by NSIS, per user.
check_setup() {
  local setup=$1 desc dump types t wide narrow
  [ -f "$setup" ] || fail "installer $setup missing"
  desc=$(file -b "$setup")
  echo "package-check: $desc"
  grep -q '^PE32+ executable (GUI) x86-64' <<<"$desc" || fail "installer is not a 64-bit GUI executable: $desc"
  dump=$(x86_64-w64-mingw32-objdump -p "$setup")
  types=$(sed -n '/The .rsrc Resource Directory/,$p' <<<"$dump" | sed -n 's/^[0-9a-f]\{3\}   Entry: ID: 0x\([0-9a-f]*\),.*/\1/p')
  for t in 000003 00000e 000010 000018; do
    grep -qx "$t" <<<"$types" || fail "installer: resource type 0x$t missing (found: $(echo $types))"
  done
  # VIProductVersion/VIAddVersionKey: UTF-16 strings in the version resource.
  wide=$(strings -el "$setup")
  grep -qxF "$version.$build" <<<"$wide" || fail "installer's version info lacks $version.$build"
  grep -qxF "POMI Planner $version Setup" <<<"$wide" || fail "installer's version info lacks its description"
  grep -qxF "POMI Planner contributors" <<<"$wide" || fail "installer's version info lacks the company"
  # NSIS's header, and the per-user manifest (no UAC prompt).
  narrow=$(strings -a "$setup")
  grep -qF 'Nullsoft' <<<"$narrow" || fail "installer is not an NSIS installer"
  grep -qF 'level="asInvoker"' <<<"$narrow" || fail "installer's manifest asks for more than the user's rights"
  echo "package-check: $setup ok – per user, version $version.$build, $(du -h "$setup" | cut -f1)"
}

check_linux() {
  local listing top=$tmp/unpacked/pomi-planner root=$tmp/root home=$tmp/home desktop
  listing=$(tar -tJf "$pkg")
  has "$listing" pomi-planner/Makefile pomi-planner/README.txt \
    pomi-planner/LICENSE pomi-planner/NOTICE pomi-planner/THIRD_PARTY_NOTICES \
    pomi-planner/usr/local/bin/pomi-planner \
    pomi-planner/usr/local/share/applications/se.pomiplanner.app.desktop \
    pomi-planner/usr/local/share/pixmaps/se.pomiplanner.app.png
  mkdir -p "$tmp/unpacked" "$home"
  tar -xJf "$pkg" -C "$tmp/unpacked"
  desktop=$(cat "$top/usr/local/share/applications/se.pomiplanner.app.desktop")
  has "$desktop" "Name=POMI Planner" "Exec=pomi-planner" "Icon=se.pomiplanner.app" "Type=Application" "Categories=Office;"
  grep -q 'ELF 64-bit.*x86-64.*stripped' <<<"$(file -b "$top/usr/local/bin/pomi-planner")" || fail "binary is not a stripped 64-bit ELF"

  # System install, as `sudo make install` does it, into a temporary root.
  make -s -C "$top" install DESTDIR="$root" PREFIX=/usr/local
  for f in bin/pomi-planner share/applications/se.pomiplanner.app.desktop share/pixmaps/se.pomiplanner.app.png; do
    [ -f "$root/usr/local/$f" ] || fail "make install did not install /usr/local/$f"
  done
  # User install into ~/.local: the menu entry must point at the binary there.
  make -s -C "$top" user-install HOME="$home"
  [ -x "$home/.local/bin/pomi-planner" ] || fail "make user-install did not install ~/.local/bin/pomi-planner"
  [ -f "$home/.local/share/icons/se.pomiplanner.app.png" ] || fail "make user-install did not install the icon"
  grep -qxF "Exec=$home/.local/bin/pomi-planner" "$home/.local/share/applications/se.pomiplanner.app.desktop" ||
    fail "user-install's desktop file does not start ~/.local/bin/pomi-planner"
  make -s -C "$top" user-uninstall HOME="$home" >/dev/null
  [ ! -e "$home/.local/bin/pomi-planner" ] || fail "make user-uninstall left the binary"

  mkdir -p bin
  bash .ci/window-smoke.sh "$root/usr/local/bin/pomi-planner" en bin/package-window.png
  echo "package-check: $pkg ok – $(du -h "$top/usr/local/bin/pomi-planner" | cut -f1) binary, $(du -h "$pkg" | cut -f1) tarball"
}

case $kind in
windows) check_windows ;;
linux) check_linux ;;
*) fail "unknown kind $kind" ;;
esac
