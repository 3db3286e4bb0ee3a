// Command pomi-cli offers POMI Planner's capabilities without a window: the
// reference data and the analysis of a company file, as JSON or readable text.
//
// Usage:
//
//	pomi-cli ref [--json] [--lang sv|en]
//	pomi-cli analyze --in company.json [--lang sv|en] [--json] [--date YYYY-MM-DD]
//	pomi-cli report --company ID --out plan.pdf [--lang sv|en] [--paper a4|letter]
//	pomi-cli portfolio [filters] [--sort COLUMN] [--json] [--csv FILE] [--xlsx FILE | --pdf FILE [--paper a4|letter]] [--named] [--follow-up | --insights]
//	pomi-cli login --server URL --email E [--device NAME] [--ca FILE]
//	pomi-cli login --server URL --sso [--device NAME] [--ca FILE]
//	pomi-cli sync [--status] [--json]
//
// Errors go to stderr as one line, with exit code 1 (2 for a usage mistake),
// in the language of --lang, else the window language saved in the data
// folder, else the system's (LC_ALL, LC_MESSAGES, LANG).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/pomi-planner/pomi/locales"
)

// errUsage marks a mistake in the command line; main exits with 2 for it.
var errUsage = errors.New("usage")

func main() {
	os.Exit(cli(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

// cli runs a command, prints its error as one line in the user's language
// and returns the exit code: 0, 1 for a failure, 2 for a usage mistake.
func cli(args []string, out, errOut io.Writer, getenv func(string) string) int {
	err := run(args, out)
	if err == nil || errors.Is(err, errHelpShown) {
		return 0
	}
	l := locales.MustNew(errorLanguage(args, getenv))
	fmt.Fprintln(errOut, "pomi-cli:", oneLine(describe(err, l)))
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// run dispatches a command; it is main without the process and the
// localised error line, for tests.
func run(args []string, out io.Writer) error {
	savedLanguage = ""
	if len(args) == 0 {
		return usageFailure("cli.error.no_command", nil, "pomi-cli COMMAND [flags] (pomi-cli help lists the commands)")
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], out)
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(out, usage)
		return nil
	}
	return usageFailure("cli.error.unknown_command", map[string]any{"Command": args[0]},
		"unknown command %q (pomi-cli help lists them)", args[0])
}

// commands maps each command name to its implementation.
var commands = map[string]func([]string, io.Writer) error{
	"ref": runRef, "analyze": runAnalyze, "demo": runDemo, "list": runList, "show": runShow,
	"export": runExport, "import": runImport, "erase": runErase, "backup": runBackup,
	"restore": runRestore, "check": runCheck, "report": runReport,
	"settings": runSettings, "start-empty": runStartEmpty, "portfolio": runPortfolio,
	"login": runLogin, "logout": runLogout, "sync": runSync,
}

const usage = `pomi-cli ref [--json] [--lang sv|en]
pomi-cli analyze (--in FILE | --company ID [--data-dir DIR]) [--lang sv|en] [--json] [--date YYYY-MM-DD]
pomi-cli demo [--data-dir DIR]                 load the three example companies
pomi-cli list [--search Q] [--json] [--data-dir DIR]
pomi-cli show --company ID [--data-dir DIR]
pomi-cli export --company ID [--out FILE] [--data-dir DIR]
pomi-cli report --company ID --out plan.pdf [--lang sv|en] [--paper a4|letter] [--date YYYY-MM-DD] [--data-dir DIR]
pomi-cli portfolio [--stage S,..] [--industry I,..] [--size micro|small|medium|large,..] [--county F,..]
                  [--mode M,..] [--due] [--overdue] [--search Q] [--sort COLUMN] [--desc]
                  [--json] [--csv FILE] [--today YYYY-MM-DD] [--lang sv|en] [--data-dir DIR]
                                               the table of every company: latest scores, gap, next review, actions
pomi-cli portfolio --xlsx FILE [filters] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--named]
                                               an Excel workbook: the anonymised insights, or with --named the
                                               companies, assessments and actions too
pomi-cli portfolio --pdf FILE [filters] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--named] [--paper a4|letter]
                                               a portfolio report in the organisation's branding: the anonymised
                                               insights, or with --named the figures as they are and the companies
pomi-cli portfolio --follow-up [filters] [--json]   reviews due within 30 days and overdue actions, by week
pomi-cli portfolio --insights [filters] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--named] [--json]
                                               what the companies have in common; anonymised unless --named
pomi-cli import FILE [--as-new|--merge] [--data-dir DIR]
pomi-cli erase --company ID [--everywhere] [--data-dir DIR]   --everywhere: from every backup too (GDPR)
pomi-cli settings [--organisation NAME] [--color #rrggbb] [--logo FILE|none] [--advisor NAME]
                 [--advisor-title T] [--advisor-email E] [--advisor-phone P] [--footer TEXT]
                 [--report-lang sv|en] [--paper a4|letter] [--data-dir DIR]   show or change the branding of the plans
pomi-cli backup [--data-dir DIR]
pomi-cli restore BACKUP-FILE [--data-dir DIR]
pomi-cli check [--data-dir DIR]
pomi-cli start-empty [--data-dir DIR]           begin anew when pomi.db is missing and has no backup
pomi-cli login --server URL --email E [--device NAME] [--ca FILE] [--lang sv|en] [--data-dir DIR]
                                               sign in to the team server (the password is read from stdin)
pomi-cli login --server URL --sso [--device NAME] [--ca FILE] [--lang sv|en] [--data-dir DIR]
                                               sign in with your organisation's account in the browser
pomi-cli logout [--lang sv|en] [--data-dir DIR]
pomi-cli sync [--status] [--json] [--lang sv|en] [--data-dir DIR]
                                               send and fetch the team's changes, or show how they stand
`
