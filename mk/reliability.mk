# The reliability report: docs/reliability.md names, row by row, the tests
# that make each fault happen. This runs exactly those tests.

.PHONY: reliability

# Every test name in the report's `package: TestA, TestB` references, as one regexp.
RELIABILITY_TESTS = $(shell grep -o '`[a-z/-]*: [A-Za-z0-9_, ]*`' docs/reliability.md | sed 's/`//g; s/^[^:]*: //; s/, /\n/g' | sort -u | paste -sd'|')

## reliability: run every test docs/reliability.md names (faults and bad input), listing each PASS or SKIP
reliability:
	@bash -o pipefail -c "$(GO) test -count=1 -tags $(TAGS) -v -run '^($(RELIABILITY_TESTS))\$$' ./app/... ./report/ ./ui/ ./cmd/pomi-cli/ 2>&1 | grep -E '^(--- |ok |FAIL)'"
