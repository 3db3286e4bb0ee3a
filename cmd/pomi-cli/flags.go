package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pomi-planner/pomi/locales"
)

// cmdFlags is a command's flag set and where its help goes.
type cmdFlags struct {
	*flag.FlagSet
	help io.Writer
	lang *string // set by langFlag
}

// newFlags returns a flag set that prints nothing while parsing: mistakes come
// back as errors, and help for -h is written to out by parse.
func newFlags(name string, out io.Writer) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &cmdFlags{FlagSet: fs, help: out}
}

// errHelpShown ends a command whose help was asked for: not a failure.
var errHelpShown = errors.New("help shown")

// parse parses args and wraps any mistake as errUsage, naming the command.
func (fs *cmdFlags) parse(args []string) error {
	if err := fs.parseFlags(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s: unexpected argument %q", errUsage, fs.Name(), fs.Arg(0))
	}
	return nil
}

// parseFlags parses flags up to the first argument that is not one.
func (fs *cmdFlags) parseFlags(args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(fs.help, "pomi-cli %s flags:\n", fs.Name())
			fs.SetOutput(fs.help)
			fs.PrintDefaults()
			return errHelpShown
		}
		return fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	return nil
}

// localizer returns the localizer for lang or a usage error naming the choices.
func localizer(lang string) (*locales.Localizer, error) {
	l, err := locales.New(lang)
	if err != nil {
		return nil, fmt.Errorf("%w: --lang: %v", errUsage, err)
	}
	return l, nil
}

// langFlag registers --lang, defaulting to the language of the user's locale.
func langFlag(fs *cmdFlags) {
	fs.lang = fs.String("lang", locales.FromEnvironment(os.Getenv), "language: "+strings.Join(locales.Languages(), " or "))
}

// parseLocalized parses args like parse and returns the localizer --lang chose.
func (fs *cmdFlags) parseLocalized(args []string) (*locales.Localizer, error) {
	if err := fs.parse(args); err != nil {
		return nil, err
	}
	return localizer(*fs.lang)
}

// parseWithArg parses flags around exactly one positional argument, which may
// stand before, between or after the flags, and returns it.
func (fs *cmdFlags) parseWithArg(args []string, usage string) (string, error) {
	if err := fs.parseFlags(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "", fmt.Errorf("%w: %s", errUsage, usage)
	}
	arg := fs.Arg(0)
	if err := fs.parse(fs.Args()[1:]); err != nil {
		return "", err
	}
	return arg, nil
}
