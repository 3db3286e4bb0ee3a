# POMI Planner – the two commands that matter: `make run` and `make test`.
# Both install missing Debian/Ubuntu packages first (see .ci/install-deps.sh).

GO        ?= go
BIN       := bin
TAGS      := migrated_fynedo
PURE_PKGS := ./app/... ./locales/... ./ui/... ./report/... ./desktop/... ./applog/... ./internal/... ./cmd/pomi-cli/... ./server/... ./cmd/pomi-server/...
export LANG ?= en_US.UTF-8

# Packaging, benchmarks and other extras live in mk/, one file per concern,
# each named here so a missing one stops make. They come before this file's
# targets, so name the default goal here. package.mk before wine.mk: wine.mk
# uses its DIST and PACKAGE_VERSION.
.DEFAULT_GOAL := run
include mk/bench.mk mk/crash.mk mk/desktop.mk mk/package.mk mk/platforms.mk mk/reliability.mk mk/wine.mk

.PHONY: run test deps deps-test build build-cli build-server team-try build-pure build-a11y lint unit test-window test-pdf screenshots plan-pictures bench clean

## run: install what is missing, build the desktop app and start it
run: deps build
	./$(BIN)/pomi

## test: formatting, vet, staticcheck, actionlint, every Go test with -race, both binaries (and the accessible build), the macOS and Windows code vetted, the real window under Xvfb from first start to PDF, the demo plans checked as PDFs, the Windows installer and program run under Wine
test: deps-test lint unit build build-pure build-a11y test-platforms test-window test-pdf test-crash test-windows
	@echo "make test: all checks passed"

deps:
	@bash .ci/install-deps.sh build

deps-test:
	@bash .ci/install-deps.sh test

build: build-cli
	$(GO) build -tags $(TAGS) -o $(BIN)/pomi ./cmd/pomi

build-cli:
	CGO_ENABLED=0 $(GO) build -o $(BIN)/pomi-cli ./cmd/pomi-cli

build-server:
	CGO_ENABLED=0 $(GO) build -o $(BIN)/pomi-server ./cmd/pomi-server

## team-try: team mode on this computer — a PostgreSQL, pomi-server and two advisors in a temporary folder, until Ctrl+C
team-try: deps-test build-cli build-server
	bash .ci/team-try.sh $(BIN)

# The app must also build with Fyne's screen-reader support.
build-a11y:
	$(GO) build -tags $(TAGS),accessibility -o /dev/null ./cmd/pomi

# Everything but the desktop entry point must build without cgo.
build-pure:
	CGO_ENABLED=0 $(GO) build -tags $(TAGS) $(PURE_PKGS)
	CGO_ENABLED=0 $(GO) vet -tags $(TAGS) $(PURE_PKGS)

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) tool staticcheck -tags $(TAGS) ./...
	$(GO) run ./tools/complexity -over 15 .
	$(GO) tool actionlint .github/workflows/ci.yml .github/workflows/release.yml

unit:
	$(GO) test -race -count=1 -tags $(TAGS) ./...

test-window: build
	bash .ci/window-smoke.sh ./$(BIN)/pomi sv $(BIN)/window-sv.png
	bash .ci/window-smoke.sh ./$(BIN)/pomi en $(BIN)/window-en.png
	bash .ci/e2e.sh $(BIN) $(BIN)/e2e

test-pdf: build-cli
	bash .ci/pdf-check.sh ./$(BIN)/pomi-cli $(BIN)/plans

## bench: every figure of docs/performance.md, each beside its baseline, in one run (mk/bench.mk)
bench: bench-all

## plan-pictures: refresh the README's pictures of plan pages
plan-pictures: build-cli
	bash .ci/pdf-check.sh ./$(BIN)/pomi-cli $(BIN)/plans
	pdftoppm -png -r 60 -f 2 -l 3 $(BIN)/plans/plan-1-sv.pdf docs/screenshots/plan-sv
	pdftoppm -png -r 60 -f 4 -l 4 $(BIN)/plans/plan-1-en.pdf docs/screenshots/plan-en

## screenshots: refresh the README's screenshots of every screen, in Swedish and English, from the real window
screenshots: build
	$(GO) build -o $(BIN)/seed ./tools/seed
	bash .ci/screenshots.sh $(BIN) sv $(BIN)/screenshots
	bash .ci/screenshots.sh $(BIN) en $(BIN)/screenshots
	for f in $(BIN)/screenshots/*.png; do convert "$$f" -colors 256 "PNG8:docs/screenshots/$$(basename "$$f")"; done

clean:
	rm -rf $(BIN)
