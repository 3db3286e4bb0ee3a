#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages POMI Planner needs that are missing.
#   install-deps.sh build    – compile the desktop app (cgo, OpenGL, X11, Wayland headers)
#   install-deps.sh package  – build, plus what `make package-linux` and
#                              `make package-windows` use (mingw-w64 cross compiler,
#                              ImageMagick for the Windows icon, zip, xz, nsis for
#                              the Windows installer)
#   install-deps.sh test     – package, plus a virtual display and tools to drive it,
#                              the PDF checkers (qpdf, poppler-utils) and make itself,
#                              since CI builds the Windows executable on every run,
#                              and Wine (64-bit only), which runs that build and its
#                              installer in make test, and Gnumeric, whose ssconvert
#                              reads the portfolio workbook back as a second reader
#                              (report/workbook; about 26 MB to download, without
#                              recommends, against Wine's hundreds), and
#                              PostgreSQL (Debian's postgresql: initdb and
#                              pg_ctl under /usr/lib/postgresql/*/bin), which
#                              internal/pgtest starts for pomi-server's tests,
#                              and dbus (dbus-daemon) and gnome-keyring, the Secret
#                              Service that internal/secretservicetest runs
#                              on a private bus to test keeping the device
#                              token in the credential store (app/sync/credstore)
# Does nothing for packages already installed, and runs `apt-get update` only
# when something is missing: .ci/run calls it once with `test`, so the calls
# that make's targets repeat find everything there and never update again.
# On other systems it only says what to install.
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols)
package_pkgs=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 imagemagick zip unzip xz-utils file nsis)
test_pkgs=(make xvfb x11-xkb-utils xdotool imagemagick x11-utils qpdf poppler-utils wine64 wine shellcheck gnumeric postgresql dbus gnome-keyring)

pkgs=("${build_pkgs[@]}")
case "${1:-build}" in
build) ;;
package) pkgs+=("${package_pkgs[@]}") ;;
test) pkgs+=("${package_pkgs[@]}" "${test_pkgs[@]}") ;;
*) echo "install-deps.sh: unknown set '$1' (build, package or test)" >&2; exit 2 ;;
esac

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
else
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${pkgs[*]}" >&2
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
