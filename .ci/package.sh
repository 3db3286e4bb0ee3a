#!/usr/bin/env bash
# Builds POMI Planner's packages with `fyne package` (fyne.io/tools v1.7.4).
#   package.sh linux   OUTDIR   – OUTDIR/pomi-planner-VERSION-linux-amd64.tar.xz
#   package.sh windows OUTDIR   – OUTDIR/pomi-planner-VERSION-windows-amd64.zip
#                                 (signed first when WINDOWS_SIGN names a signing program)
# fyne package runs in a copy of the source, never in the work tree: it
# rewrites FyneApp.toml (Build+1) on every run and drops fyne.syso and a
# metadata file into the package it builds, which would break other builds
# of cmd/pomi running meanwhile. The FyneApp.toml in git stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${1:?usage: package.sh linux|windows OUTDIR}
out=${2:?usage: package.sh linux|windows OUTDIR}
fyne_module=fyne.io/tools/cmd/fyne@v1.7.4
go=${GO:-go}

# toml_value KEY: the first `KEY = value` of FyneApp.toml, without quotes.
toml_value() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1
}
version=$(toml_value Version)
build=$(toml_value Build)
app_id=$(toml_value ID)
[ -n "$version" ] && [ -n "$build" ] && [ -n "$app_id" ] || { echo "package: FyneApp.toml lacks Version, Build or ID" >&2; exit 1; }

stage=$(mktemp -d "${TMPDIR:-/tmp}/pomi-package.XXXXXX")
trap 'chmod -R u+w "$stage" 2>/dev/null; rm -rf "$stage" 2>/dev/null || true' EXIT
src=$stage/src
mkdir -p "$src" "$out"
out=$(cd "$out" && pwd)

# The files git would commit now: tracked and new ones, not the ignored
# (bin/, dist/, built binaries). Without git, everything but those folders.
copy_source() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard |
      tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$src"
  else
    tar --exclude=./bin --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "$src"
  fi
  # fyne package reads FyneApp.toml from the folder it packages; the icon
  # path in the copy is relative to that folder.
  sed 's|^\([[:space:]]*Icon[[:space:]]*=[[:space:]]*\)".*"|\1"Icon.png"|' FyneApp.toml >"$src/cmd/pomi/FyneApp.toml"
}

# install_fyne: the fyne command, built from the module cache once cached.
install_fyne() {
  GOBIN=$stage/tools "$go" install "$fyne_module"
  fyne=$stage/tools/fyne
}

# licences GOOS FILE: the licence texts of Go and of every module linked into
# cmd/pomi for GOOS (BSD and MIT licences ask for them beside a binary),
# including the C libraries vendored one folder down (GLFW, HarfBuzz).
licences() {
  local goos=$1 file=$2 mod dir lic
  {
    echo "POMI Planner $version is built with Go and the modules below. Their licences follow."
    echo
    echo "==== Go $("$go" env GOVERSION) ===="
    cat "$("$go" env GOROOT)/LICENSE"
    (cd "$src" && GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 "$go" list -deps \
      -f '{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/pomi) |
      sort -u | while read -r mod dir; do
        find "$dir" -maxdepth 2 -not -path '*/testdata/*' \( -iname 'licen[cs]e*' -o -iname 'copying*' \) -type f |
          sort | while read -r lic; do
            echo
            echo "==== $mod: ${lic#"$dir"/} ===="
            cat "$lic"
          done
      done
  } >"$file"
}

# readme FILE HOW-TO-START: the short note for people who unpack the package.
readme() {
  local title="POMI Planner $version"
  cat >"$1" <<EOF
$title
${title//?/=}

POMI Planner helps small and medium-sized companies, and the business advisors
who visit them, plan the company's internationalisation with the POMI model.

$2

Your data stays on this computer, in the folder "POMI Planner" inside your
user configuration folder; Settings > Data and backups shows where it is and
makes backups. Removing the program leaves your data; delete that folder too
to remove it.

More: https://github.com/pomi-planner/pomi
Licences of the software POMI Planner is built with: THIRD_PARTY_LICENSES.txt
EOF
}

package_linux() {
  local dest=$out/pomi-planner-$version-linux-amd64.tar.xz unpacked=$stage/unpacked
  (cd "$src/cmd/pomi" && GOARCH=amd64 "$fyne" package --os linux --release --exe pomi-planner)
  # fyne's tarball: pomi-planner/{Makefile, usr/local/{bin,share}}; add the notes.
  mkdir -p "$unpacked"
  tar -xJf "$src/cmd/pomi/POMI Planner.tar.xz" -C "$unpacked"
  readme "$unpacked/pomi-planner/README.txt" "Install for yourself:  make user-install   (~/.local; undo: make user-uninstall)
Install for everyone:  sudo make install   (/usr/local; undo: sudo make uninstall)
Or start it from here: ./usr/local/bin/pomi-planner"
  licences linux "$unpacked/pomi-planner/THIRD_PARTY_LICENSES.txt"
  tar --sort=name --owner=0 --group=0 --numeric-owner -cJf "$dest" -C "$unpacked" pomi-planner
  echo "package: $dest"
}

package_windows() {
  local dest=$out/pomi-planner-$version-windows-amd64.zip dir=$stage/zip/"POMI Planner"
  local tool
  for tool in x86_64-w64-mingw32-gcc convert zip; do
    command -v $tool >/dev/null || { echo "package: $tool missing: run bash .ci/install-deps.sh package" >&2; exit 1; }
  done
  # Our manifest instead of fyne's bare one: fyne uses <exe>.manifest when it exists.
  # Windows icons hold at most 256×256; fyne wraps the PNG as it is (512 px,
  # 16-bit), which Explorer may refuse to show.
  convert cmd/pomi/Icon.png -resize 256x256 -depth 8 "PNG32:$stage/icon-256.png"
  sed -e "s/@VERSION@/$version.$build/" -e '/<!--/,/-->/d' cmd/pomi/windows.manifest >"$src/cmd/pomi/pomi.exe.manifest"
  # --release: -s -w, -trimpath and Fyne's release mode; fyne adds -H=windowsgui
  # (no console window) and embeds icon, manifest and version info as fyne.syso.
  (cd "$src/cmd/pomi" && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 \
    "$fyne" package --os windows --release --app-id "$app_id" --icon "$stage/icon-256.png")
  mkdir -p "$dir"
  cp "$src/cmd/pomi/POMI Planner.exe" "$dir/"
  # WINDOWS_SIGN names a program that signs the file given as its argument in
  # place (docs/release.md has one for osslsigncode): signed before zipping.
  if [ -n "${WINDOWS_SIGN:-}" ]; then
    "$WINDOWS_SIGN" "$dir/POMI Planner.exe"
  fi
  readme "$dir/README.txt" "Start \"POMI Planner.exe\". Keep it in a folder of its own, for example
Documents\\POMI Planner, and pin it to Start or the taskbar. Windows 10 or 11 is needed."
  licences windows "$dir/THIRD_PARTY_LICENSES.txt"
  sed -i 's/$/\r/' "$dir/README.txt" "$dir/THIRD_PARTY_LICENSES.txt" # Notepad-friendly line ends
  rm -f "$dest"
  (cd "$stage/zip" && zip -q -9 -X -r "$dest" "POMI Planner")
  echo "package: $dest"
}

copy_source
install_fyne
case $target in
linux) package_linux ;;
windows) package_windows ;;
*) echo "package: unknown target $target" >&2; exit 2 ;;
esac
