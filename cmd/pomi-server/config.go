package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/pomi-planner/pomi/server/pgstore"
)

// Environment variables that stand in for flags.
const (
	envDatabaseURL   = "POMI_DATABASE_URL"
	envListen        = "POMI_LISTEN"
	envCert          = "POMI_TLS_CERT"
	envKey           = "POMI_TLS_KEY"
	envTokenLifetime = "POMI_TOKEN_LIFETIME"
	envTrustXFF      = "POMI_TRUST_FORWARDED_FOR"
)

// flags is a command's flag set with the database URL every command takes.
type flags struct {
	*flag.FlagSet
	databaseURL *string
}

func newFlags(name string, out io.Writer) *flags {
	fs := flag.NewFlagSet("pomi-server "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	return &flags{
		FlagSet:     fs,
		databaseURL: fs.String("database-url", os.Getenv(envDatabaseURL), "PostgreSQL URL, e.g. postgres://pomi@db.internal/pomi (or $"+envDatabaseURL+")"),
	}
}

// parse parses args; any argument left over is a usage error.
func (f *flags) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return usagef("%s: see the flags above", f.Name())
		}
		return usageError{err.Error()}
	}
	if f.NArg() > 0 {
		return usagef("%s: unexpected argument %q", f.Name(), f.Arg(0))
	}
	if *f.databaseURL == "" {
		return usagef("%s: say which database with --database-url or $%s", f.Name(), envDatabaseURL)
	}
	return nil
}

// parseRequired parses args, then reports a usage error for the first of
// the flags in vals (by name) left empty.
func (f *flags) parseRequired(args []string, vals map[string]*string) error {
	if err := f.parse(args); err != nil {
		return err
	}
	for _, name := range []string{"org", "name", "email", "id"} {
		if v, ok := vals[name]; ok && *v == "" {
			return usagef("%s: --%s is required", f.Name()[len("pomi-server "):], name)
		}
	}
	return nil
}

// withStore opens the database, brings its schema up to date, runs fn
// with it and closes it.
func (f *flags) withStore(ctx context.Context, fn func(*pgstore.Store) error) error {
	s, err := f.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// withOrg is withStore for a command about the organisation ref names (its
// id or name).
func (f *flags) withOrg(ctx context.Context, ref string, fn func(*pgstore.Store, pgstore.Organisation) error) error {
	return f.withStore(ctx, func(s *pgstore.Store) error {
		o, err := resolveOrg(ctx, s, ref)
		if err != nil {
			return err
		}
		return fn(s, o)
	})
}

// openMigrated opens the database and brings its schema up to date.
func (f *flags) openMigrated(ctx context.Context) (*pgstore.Store, error) {
	s, err := pgstore.Open(ctx, *f.databaseURL)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil && d > 0 {
		return d
	}
	return def
}

func envBool(name string) bool {
	b, _ := strconv.ParseBool(os.Getenv(name))
	return b
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// resolveOrg finds the organisation --org names (its id or name).
func resolveOrg(ctx context.Context, s *pgstore.Store, ref string) (pgstore.Organisation, error) {
	o, err := s.FindOrganisation(ctx, ref)
	if err != nil {
		return pgstore.Organisation{}, fmt.Errorf("%w (pomi-server org list shows them)", err)
	}
	return o, nil
}
