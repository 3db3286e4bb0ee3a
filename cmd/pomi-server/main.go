// Command pomi-server is POMI Planner's team server: an HTTPS API in front
// of PostgreSQL through which an organisation's advisors share one
// portfolio, plus the admin commands that manage organisations, advisors
// and devices straight in the database. See docs/team.md.
//
//	pomi-server serve --cert FILE --key FILE [--listen :8443] [--oidc-issuer URL --oidc-client-id ID]
//	pomi-server migrate
//	pomi-server org create --name NAME | org list
//	pomi-server advisor add --org ORG --name NAME --email EMAIL   (password on stdin)
//	pomi-server advisor password|disable|enable --email EMAIL
//	pomi-server advisor list --org ORG
//	pomi-server device list --org ORG [--email EMAIL]
//	pomi-server device revoke --org ORG --id N
//
// Every command takes --database-url (or $POMI_DATABASE_URL). Exit codes:
// 0 done, 1 failed, 2 usage error, 3 not found, 4 already exists.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/pomi-planner/pomi/server/pgstore"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailed   = 1
	exitUsage    = 2
	exitNotFound = 3
	exitExists   = 4
)

// stdio is where a command reads and writes; tests give their own.
type stdio struct {
	in       io.Reader
	out, err io.Writer
	// listening, when set, learns the address serve listens on.
	listening func(net.Addr)
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	os.Exit(code)
}

type command func(ctx context.Context, args []string, io stdio) error

var commands = map[string]command{
	"serve":            runServe,
	"migrate":          runMigrate,
	"org create":       runOrgCreate,
	"org list":         runOrgList,
	"advisor add":      runAdvisorAdd,
	"advisor password": runAdvisorPassword,
	"advisor disable":  func(ctx context.Context, a []string, io stdio) error { return runAdvisorDisable(ctx, a, io, true) },
	"advisor enable":   func(ctx context.Context, a []string, io stdio) error { return runAdvisorDisable(ctx, a, io, false) },
	"advisor list":     runAdvisorList,
	"device list":      runDeviceList,
	"device revoke":    runDeviceRevoke,
}

// run runs the command args name and returns the exit code.
func run(ctx context.Context, args []string, io stdio) int {
	cmd, rest, err := lookup(args)
	if err == nil {
		err = cmd(ctx, rest, io)
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(io.err, "pomi-server: %v\n", err)
	return exitCode(err)
}

// lookup finds the command named by the first one or two words.
func lookup(args []string) (command, []string, error) {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		return nil, nil, usagef("name a command: %s", strings.Join(commandNames(), ", "))
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd, args[1:], nil
	}
	if len(args) > 1 {
		if cmd, ok := commands[args[0]+" "+args[1]]; ok {
			return cmd, args[2:], nil
		}
	}
	return nil, nil, usagef("unknown command %q; the commands are: %s", strings.Join(args[:min(2, len(args))], " "), strings.Join(commandNames(), ", "))
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func exitCode(err error) int {
	var usage usageError
	switch {
	case errors.As(err, &usage):
		return exitUsage
	case errors.Is(err, pgstore.ErrNotFound):
		return exitNotFound
	case errors.Is(err, pgstore.ErrExists):
		return exitExists
	}
	return exitFailed
}
