# The code other systems build, checked from here: `go vet` type-checks the
# macOS and Windows files (and their tests) without cgo, and the macOS bundle
# package is tested. ui/ (and internal/uitest, which drives it) needs cgo
# for darwin (Fyne's scroller), so it is vetted for Windows only; CI's macOS
# job tests it there with cgo.

.PHONY: test-platforms

PLATFORM_PKGS := ./app/... ./locales/... ./report/... ./desktop/... ./applog/... ./internal/macos/ ./internal/pdftest/ ./cmd/pomi-cli/... ./tools/macbundle/

## test-platforms: vet the pure packages for darwin and windows (and ui/ for windows) without cgo, test internal/macos
test-platforms:
	GOOS=darwin CGO_ENABLED=0 $(GO) vet -tags $(TAGS) $(PLATFORM_PKGS)
	GOOS=windows CGO_ENABLED=0 $(GO) vet -tags $(TAGS) $(PLATFORM_PKGS) ./ui/... ./internal/uitest/
	$(GO) test -count=1 ./internal/macos/ ./tools/macbundle/
