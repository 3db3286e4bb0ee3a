# The Windows build run for real under Wine (.ci/wine-check.sh): the
# installer installs silently, the CLI and the installed window are used
# (first start to an exported plan, by keyboard), an upgrade keeps the data,
# the installer refuses while the app runs, a killed app's lock is taken
# over, and the uninstaller removes the program but not the data.

WINDOWS_SETUP := $(DIST)/pomi-planner-$(PACKAGE_VERSION)-windows-amd64-setup.exe

.PHONY: test-windows

## test-windows: install the Windows build with its installer under Wine and use it (screenshots in bin/wine-*.png)
test-windows: test-windows-build
	bash .ci/wine-check.sh $(WINDOWS_SETUP) $(BIN)
