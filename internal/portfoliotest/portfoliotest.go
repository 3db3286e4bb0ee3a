// Package portfoliotest gives the tests of the portfolio outputs their
// portfolio: a real store in a temp folder with the three demo companies
// (two assessments each), read back as the CLI reads it.
package portfoliotest

import (
	"context"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
)

// Demo loads the demo companies as of today into a store in a temp folder
// and returns the store's reference data, its clients and its texts.
func Demo(t *testing.T, today time.Time) (*ref.Data, []portfolio.Client, func(lang string) map[string]string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Load(ctx, s, ref.MustLoad(), today); err != nil {
		t.Fatal(err)
	}
	clients, err := s.Portfolio(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, texts, err := s.Reference(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return d, clients, texts
}
