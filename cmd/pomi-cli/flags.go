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
	help    io.Writer
	lang    *string // set by langFlag
	dataDir *string // set by dataFlags
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
		return usageFailure("cli.error.unexpected_argument", map[string]any{"Command": fs.Name(), "Arg": fs.Arg(0)},
			"%s: unexpected argument %q", fs.Name(), fs.Arg(0))
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
		id, data := flagProblem(err)
		data["Command"] = fs.Name()
		return usageFailure(id, data, "%s: %v", fs.Name(), err)
	}
	return nil
}

// flagProblem names the message for an error of package flag, which has
// no types for them, only English lines such as "flag needs an argument: -lang".
func flagProblem(err error) (string, map[string]any) {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "cli.error.unknown_flag", map[string]any{"Flag": name}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "cli.error.flag_needs_value", map[string]any{"Flag": name}
	}
	var value, name string
	if _, scanErr := fmt.Sscanf(msg, "invalid value %q for flag %s", &value, &name); scanErr == nil {
		return "cli.error.flag_value", map[string]any{"Flag": strings.TrimSuffix(name, ":"), "Value": value}
	}
	if _, scanErr := fmt.Sscanf(msg, "invalid boolean value %q for %s", &value, &name); scanErr == nil {
		return "cli.error.flag_value", map[string]any{"Flag": strings.TrimSuffix(name, ":"), "Value": value}
	}
	return "cli.error.flag_other", map[string]any{"Detail": msg}
}

// localizer returns the localizer for lang or a usage error naming the choices.
func localizer(lang string) (*locales.Localizer, error) {
	l, err := locales.New(lang)
	if err != nil {
		return nil, usageFailure("cli.error.language",
			map[string]any{"Lang": lang, "Languages": choices(locales.Languages())}, "--lang: %v", err)
	}
	return l, nil
}

// langFlag registers --lang; without it the command speaks the user's language.
func langFlag(fs *cmdFlags) {
	fs.lang = fs.String("lang", "", "language: "+strings.Join(locales.Languages(), " or ")+
		" (default: the language saved in the data folder, else your locale's)")
}

// parseLocalized parses args like parse, checks --lang and returns the
// localizer it chose, else the user's language as far as it is known yet.
func (fs *cmdFlags) parseLocalized(args []string) (*locales.Localizer, error) {
	if err := fs.parse(args); err != nil {
		return nil, err
	}
	if *fs.lang != "" {
		return localizer(*fs.lang)
	}
	return fs.loc(), nil
}

// loc is the localizer of --lang, else of the user's language: once the data
// folder is open, that is the language saved there.
func (fs *cmdFlags) loc() *locales.Localizer {
	if fs.lang != nil && locales.Supported(*fs.lang) {
		return locales.MustNew(*fs.lang)
	}
	return locales.MustNew(userLanguage(os.Getenv))
}

// parseWithArg parses flags around exactly one positional argument, which may
// stand before, between or after the flags, and returns it.
func (fs *cmdFlags) parseWithArg(args []string, usage string) (string, error) {
	if err := fs.parseFlags(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "", usageFailure("cli.error.missing_argument", map[string]any{"Usage": usage}, "%s", usage)
	}
	arg := fs.Arg(0)
	if err := fs.parse(fs.Args()[1:]); err != nil {
		return "", err
	}
	return arg, nil
}
