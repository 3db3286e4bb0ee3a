#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages POMI Planner needs that are missing.
#   install-deps.sh build   – compile the desktop app (cgo, OpenGL, X11, Wayland headers)
#   install-deps.sh test    – build, plus a virtual display and tools to drive it,
#                             and the PDF checkers (qpdf, poppler-utils)
# Does nothing for packages already installed; on other systems it only says what to install.
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols)
test_pkgs=(xvfb xdotool imagemagick x11-utils qpdf poppler-utils)

pkgs=("${build_pkgs[@]}")
[ "${1:-build}" = test ] && pkgs+=("${test_pkgs[@]}")

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
