# The desktop package's platform code: its tests here, and vet (which also
# type-checks the Windows and macOS files and tests) for all three systems.

.PHONY: test-desktop

## test-desktop: desktop/ tested here and vetted for linux, windows and darwin
test-desktop:
	$(GO) test -count=1 ./desktop/
	for os in linux windows darwin; do GOOS=$$os CGO_ENABLED=0 $(GO) vet ./desktop/ || exit 1; done
