# Crash safety in the real app (cmd/pomi/app_test.go): a display without
# OpenGL must give an explanation and exit 1 instead of a process without a
# window; POMI_CRASH_TEST=main must leave a crash report that the next start
# takes up. Needs Xvfb, xdpyinfo and xdotool (make deps-test).
.PHONY: test-crash
test-crash: build
	POMI_APP_BIN=$(abspath $(BIN)/pomi) $(GO) test -count=1 -tags $(TAGS) -run '^TestApp' -v ./cmd/pomi
