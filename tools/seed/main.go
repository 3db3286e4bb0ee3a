// Command seed fills a POMI Planner data folder with fictional companies, each
// with one assessment, for measuring the app with a large database:
//
//	go run ./tools/seed -data-dir /tmp/pomi-10k -n 10000
//
// It refuses a folder whose database already holds companies, so it never
// mixes made-up clients into real ones.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

func main() {
	dir := flag.String("data-dir", "", "the data folder to fill (required; created when missing)")
	n := flag.Int("n", 10000, "how many companies")
	seed := flag.Uint64("seed", 1, "varies the names, places and dates")
	history := flag.Int("history", 1, "assessments per company, half a year apart (the portfolio benchmarks use 3)")
	flag.Parse()
	if err := run(context.Background(), *dir, *n, *history, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string, n, history int, seed uint64) error {
	if dir == "" {
		return errors.New("-data-dir is required")
	}
	start := time.Now()
	docs, err := fakeco.Companies(n, seed, start)
	if history > 1 {
		docs, err = fakeco.WithHistory(n, history, seed, start)
	}
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, total, err := s.ListCompanies(ctx, app.ListQuery{Limit: 1}); err != nil {
		return err
	} else if total > 0 {
		return fmt.Errorf("%s already holds %d companies; give an empty folder", dir, total)
	}
	for i, doc := range docs {
		if _, err := s.ImportDocument(ctx, doc, app.ImportRefuseDuplicate); err != nil {
			return fmt.Errorf("company %d: %w", i+1, err)
		}
	}
	fmt.Printf("seed: %d companies in %s (%.1f s)\n", n, s.Path(), time.Since(start).Seconds())
	return nil
}
