# Performance, measured side by side: docs/performance.md records the figures
# and how to read them; the Makefile's `bench` runs `bench-all`.
.PHONY: bench-all bench-go bench-team

## bench-all: start-up time, idle memory and binary size of the app beside a bare Fyne window (under Xvfb, 10,000 companies), PDF, search and portfolio benchmarks beside their baselines; prints a summary table (BENCH_RUNS=7 starts each)
bench-all: deps-test
	bash .ci/bench.sh $(BIN)/bench

## bench-go: only the Go benchmarks (PDF, search and portfolio), each beside its baseline
bench-go:
	$(GO) test -run '^$$' -bench 'DemoPlan|Baseline' -benchmem -count 5 ./report/
	$(GO) test -run '^$$' -bench Companies10000 -benchmem ./app/store/
	$(GO) test -run '^$$' -bench Portfolio10000 -benchmem -benchtime 3x -timeout 30m ./app/store/

## bench-team: team mode under load (issue 16): a PostgreSQL and pomi-server on loopback, 200 advisors syncing, 50,000 companies, each figure beside a plain SELECT; prints the table for docs/performance.md (a few minutes; TEAMLOAD_FLAGS="-pool 16" and so on)
bench-team: deps-test build-server
	$(GO) run ./tools/teamload -server $(BIN)/pomi-server $(TEAMLOAD_FLAGS)
