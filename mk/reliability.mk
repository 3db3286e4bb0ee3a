# The reliability report: docs/reliability.md names, row by row, the tests
# that make each fault happen. This runs exactly those tests, with the kill
# harness at full length.

.PHONY: reliability

# Every test name in the report's `package: TestA, TestB` references, as one regexp.
RELIABILITY_TESTS = $(shell grep -o '`[a-z/-]*: [A-Za-z0-9_, ]*`' docs/reliability.md | sed 's/`//g; s/^[^:]*: //; s/, /\n/g' | sort -u | paste -sd'|')

# Random kills per kind of write in the kill harness; make test runs a few.
KILL_ROUNDS ?= 100

## reliability: run every test docs/reliability.md names (faults and bad input), the kill harness with KILL_ROUNDS (100) random kills per kind of write, listing each PASS or SKIP and the harness's figures
reliability:
	@POMI_KILL_ROUNDS=$(KILL_ROUNDS) bash -o pipefail -c "$(GO) test -count=1 -timeout 60m -tags $(TAGS) -v -run '^($(RELIABILITY_TESTS))\$$' ./app/... ./report/... ./ui/... ./cmd/pomi-cli/ 2>&1 | grep -E '^(--- |ok |FAIL)|killed at each|rounds, .* saves seen|commits reported'"
