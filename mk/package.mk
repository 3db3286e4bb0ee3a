# Packages for users: a Linux tarball, and a Windows zip and installer
# (installer/windows/pomi.nsi, built with makensis), all three with `fyne
# package` (fyne.io/tools v1.7.4, built from the Go module proxy's copy on
# first use). .ci/package.sh runs it in a copy of the source, so FyneApp.toml
# in git keeps its Build number. docs/release.md covers macOS and signing.

DIST            := dist
PACKAGE_VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml)
LINUX_PACKAGE   := $(DIST)/pomi-planner-$(PACKAGE_VERSION)-linux-amd64.tar.xz
WINDOWS_PACKAGE := $(DIST)/pomi-planner-$(PACKAGE_VERSION)-windows-amd64.zip

.PHONY: package package-linux package-windows deps-package test-windows-build test-package-linux

## package: both packages below
package: package-linux package-windows

## package-linux: dist/pomi-planner-VERSION-linux-amd64.tar.xz – binary, .desktop file, icon, a Makefile installing into ~/.local or /usr/local
package-linux: deps-package
	bash .ci/package.sh linux $(DIST)

## package-windows: dist/pomi-planner-VERSION-windows-amd64.zip and …-setup.exe (per-user installer, sv/en) – POMI Planner.exe cross-built with mingw (icon, manifest, version info, no console window) and pomi-cli.exe
package-windows: deps-package
	bash .ci/package.sh windows $(DIST)

deps-package:
	@bash .ci/install-deps.sh package

## test-windows-build: build the Windows packages and check them: the zip's files, the .exe a GUI-subsystem PE32+ with icon, manifest and version info, the installer a 64-bit GUI PE with version info
test-windows-build: package-windows
	bash .ci/package-check.sh windows $(WINDOWS_PACKAGE)

## test-package-linux: build the Linux package, install it into a temporary root and ~/.local, start the installed binary under Xvfb
test-package-linux: package-linux
	bash .ci/package-check.sh linux $(LINUX_PACKAGE)
