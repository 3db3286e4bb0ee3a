// Command pomi-cli offers POMI Planner's capabilities without a window: the
// reference data and the analysis of a company file, as JSON or readable text.
//
// Usage:
//
//	pomi-cli ref [--json] [--lang sv|en]
//	pomi-cli analyze --in company.json [--lang sv|en] [--json] [--date YYYY-MM-DD]
//
// Errors go to stderr as one line, with exit code 1 (2 for a usage mistake).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// errUsage marks a mistake in the command line; main exits with 2 for it.
var errUsage = errors.New("usage")

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil && !errors.Is(err, errHelpShown) {
		fmt.Fprintln(os.Stderr, "pomi-cli:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run dispatches a command; it is main without the process, for tests.
func run(args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: pomi-cli ref|analyze [flags] (pomi-cli COMMAND -h for help)", errUsage)
	}
	switch args[0] {
	case "ref":
		return runRef(args[1:], out)
	case "analyze":
		return runAnalyze(args[1:], out)
	case "-h", "--help", "help":
		fmt.Fprintln(out, "pomi-cli ref [--json] [--lang sv|en]\npomi-cli analyze --in FILE [--lang sv|en] [--json] [--date YYYY-MM-DD]")
		return nil
	}
	return fmt.Errorf("%w: unknown command %q (have ref, analyze)", errUsage, args[0])
}
