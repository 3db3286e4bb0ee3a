package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/pomi-planner/pomi/app/store"
)

// runStartEmpty begins anew with an empty database in a folder whose
// database file is missing with no backup of it: a new database is never
// made there without being asked, since the file may only have been moved.
func runStartEmpty(args []string, out io.Writer) error {
	fs := newFlags("start-empty", out)
	dataDir := dataFlags(fs)
	if err := fs.parse(args); err != nil {
		return err
	}
	dir, err := store.ResolveDir(*dataDir, os.Getenv)
	if err != nil {
		return err
	}
	if err := store.StartEmpty(context.Background(), dir); err != nil {
		return err
	}
	return withStore(fs, func(_ context.Context, s *store.Store) error {
		fmt.Fprintln(out, fs.loc().Tf("cli.started_empty", map[string]any{"Path": s.Path()}))
		return nil
	})
}
