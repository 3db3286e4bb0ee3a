// Command pomi-cli offers POMI Planner's capabilities without a window: the
// reference data and the analysis of a company file, as JSON or readable text.
//
// Usage:
//
//	pomi-cli ref [--json] [--lang sv|en]
//	pomi-cli analyze --in company.json [--lang sv|en] [--json] [--date YYYY-MM-DD]
//	pomi-cli report --company ID --out plan.pdf [--lang sv|en] [--paper a4|letter]
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
		return fmt.Errorf("%w: pomi-cli COMMAND [flags] (pomi-cli help lists the commands)", errUsage)
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], out)
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(out, usage)
		return nil
	}
	return fmt.Errorf("%w: unknown command %q (pomi-cli help lists them)", errUsage, args[0])
}

// commands maps each command name to its implementation.
var commands = map[string]func([]string, io.Writer) error{
	"ref": runRef, "analyze": runAnalyze, "demo": runDemo, "list": runList, "show": runShow,
	"export": runExport, "import": runImport, "erase": runErase, "backup": runBackup,
	"restore": runRestore, "check": runCheck, "report": runReport,
	"settings": runSettings, "start-empty": runStartEmpty,
}

const usage = `pomi-cli ref [--json] [--lang sv|en]
pomi-cli analyze (--in FILE | --company ID [--data-dir DIR]) [--lang sv|en] [--json] [--date YYYY-MM-DD]
pomi-cli demo [--data-dir DIR]                 load the three example companies
pomi-cli list [--search Q] [--json] [--data-dir DIR]
pomi-cli show --company ID [--data-dir DIR]
pomi-cli export --company ID [--out FILE] [--data-dir DIR]
pomi-cli report --company ID --out plan.pdf [--lang sv|en] [--paper a4|letter] [--date YYYY-MM-DD] [--data-dir DIR]
pomi-cli import FILE [--as-new|--merge] [--data-dir DIR]
pomi-cli erase --company ID [--everywhere] [--data-dir DIR]   --everywhere: from every backup too (GDPR)
pomi-cli settings [--organisation NAME] [--color #rrggbb] [--logo FILE|none] [--advisor NAME]
                 [--advisor-title T] [--advisor-email E] [--advisor-phone P] [--report-lang sv|en]
                 [--paper a4|letter] [--data-dir DIR]   show or change the branding of the plans
pomi-cli backup [--data-dir DIR]
pomi-cli restore BACKUP-FILE [--data-dir DIR]
pomi-cli check [--data-dir DIR]
pomi-cli start-empty [--data-dir DIR]           begin anew when pomi.db is missing and has no backup
`
