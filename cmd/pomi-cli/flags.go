package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pomi-planner/pomi/locales"
)

// newFlags returns a flag set that reports mistakes as errUsage instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args and wraps any mistake as errUsage, naming the command.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s: unexpected argument %q", errUsage, fs.Name(), fs.Arg(0))
	}
	return nil
}

// defaultLang is the language of the user's locale, or English.
func defaultLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return locales.Match(s)
		}
	}
	return locales.Default
}

// localizer returns the localizer for lang or a usage error naming the choices.
func localizer(lang string) (*locales.Localizer, error) {
	l, err := locales.New(lang)
	if err != nil {
		return nil, fmt.Errorf("%w: --lang: %v", errUsage, err)
	}
	return l, nil
}
