package clientbook

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
)

// counting is the real store, recording which companies each read asked for.
type counting struct {
	*store.Store
	whole int
	asked [][]app.CompanyID
}

func (c *counting) Portfolio(ctx context.Context) ([]portfolio.Client, error) {
	c.whole++
	return c.Store.Portfolio(ctx)
}

func (c *counting) PortfolioOf(ctx context.Context, ids []app.CompanyID) ([]portfolio.Client, error) {
	c.asked = append(c.asked, slices.Clone(ids))
	return c.Store.PortfolioOf(ctx, ids)
}

// seeded is a store holding n companies named "Företag 001"… and the
// three demo companies, saved last.
func seeded(t *testing.T, n int) *counting {
	t.Helper()
	st := uitest.OpenStore(t)
	ctx := context.Background()
	for i := range n {
		if _, err := st.CreateCompany(ctx, &app.Company{Name: fmt.Sprintf("Företag %03d", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := demo.Load(ctx, st, ref.MustLoad(), uitest.Today); err != nil {
		t.Fatal(err)
	}
	return &counting{Store: st}
}

// The first read shows the last changed companies before the rest is in:
// listeners see FirstPage rows, newest first, then every company.
func TestLoadShowsTheLastChangedFirstThenEverything(t *testing.T) {
	src := seeded(t, 97)
	b := New(uitest.Deps(t), src, ref.MustLoad())
	type seen struct {
		rows     int
		complete bool
	}
	var log []seen
	b.OnChange(func() { log = append(log, seen{len(b.Rows()), b.Complete()}) })
	b.Load()
	want := []seen{{FirstPage, false}, {100, true}}
	if !slices.Equal(log, want) {
		t.Fatalf("listeners saw %v, want %v", log, want)
	}
	if len(src.asked) != 1 || len(src.asked[0]) != FirstPage || src.whole != 1 {
		t.Errorf("reads: first %v, whole %d; want one first page and one whole read", src.asked, src.whole)
	}
	if b.Total() != 100 || b.Err() != nil || b.Loading() {
		t.Errorf("total %d, err %v, loading %v", b.Total(), b.Err(), b.Loading())
	}
	for i, c := range b.Clients() {
		if b.Rows()[i].ID != c.ID || (i > 0 && c.ID <= b.Clients()[i-1].ID) {
			t.Fatalf("row %d is company %d beside client %d: rows and clients not parallel, by id", i, b.Rows()[i].ID, c.ID)
		}
	}
	if c, ok := b.Client(b.Clients()[42].ID); !ok || c.Company.Name != b.Clients()[42].Company.Name {
		t.Error("Client does not find a held company by id")
	}
}

// A small portfolio is whole after the first read: no second read.
func TestASmallPortfolioIsReadOnce(t *testing.T) {
	src := seeded(t, 0)
	b := New(uitest.Deps(t), src, ref.MustLoad())
	calls := 0
	b.OnChange(func() { calls++ })
	b.Load()
	if !b.Complete() || len(b.Rows()) != 3 || src.whole != 0 || calls != 1 {
		t.Errorf("complete %v, %d rows, %d whole reads, %d notices; want whole after one read",
			b.Complete(), len(b.Rows()), src.whole, calls)
	}
}

// After edits, Sync reads only the companies changed or added, drops the
// erased one, and keeps the others as they were.
func TestSyncReadsOnlyWhatChanged(t *testing.T) {
	src := seeded(t, 80)
	deps, clock := uitest.NewDeps(t)
	b := New(deps, src, ref.MustLoad())
	b.Load()
	ctx := context.Background()
	before := b.Clients()
	changed, erased := before[5].ID, before[6].ID
	clock.Advance(time.Minute)
	c := before[5].Company
	c.Industry = "Möbler"
	if err := src.UpdateCompany(ctx, changed, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := src.EraseCompany(ctx, erased, app.EraseKeepBackups); err != nil {
		t.Fatal(err)
	}
	added, err := src.CreateCompany(ctx, &app.Company{Name: "Nytt AB"})
	if err != nil {
		t.Fatal(err)
	}
	src.asked = nil
	b.Sync()
	if len(src.asked) != 1 || !slices.Equal(src.asked[0], []app.CompanyID{changed, added}) {
		t.Errorf("Sync read %v, want only [%d %d]", src.asked, changed, added)
	}
	if _, ok := b.Client(erased); ok {
		t.Error("the erased company is still held")
	}
	if got, ok := b.Client(changed); !ok || got.Company.Industry != "Möbler" {
		t.Error("the changed company was not read again")
	}
	if _, ok := b.Client(added); !ok || len(b.Rows()) != 83 || b.Total() != 83 {
		t.Errorf("%d rows, total %d after one erased and one added of 83", len(b.Rows()), b.Total())
	}
}

// Rows are made for today: when the day changes, Sync makes them anew, so
// a review due tomorrow is overdue the day after.
func TestSyncOnANewDayMakesTheRowsAnew(t *testing.T) {
	src := seeded(t, 0)
	deps, clock := uitest.NewDeps(t)
	b := New(deps, src, ref.MustLoad())
	b.Load()
	i := slices.IndexFunc(b.Rows(), func(r portfolio.Row) bool { return r.NextReview != "" })
	if i < 0 {
		t.Fatal("no demo company has a review date")
	}
	review, err := time.Parse(time.DateOnly, b.Rows()[i].NextReview)
	if err != nil {
		t.Fatal(err)
	}
	if b.Rows()[i].ReviewOverdue {
		t.Fatalf("the review on %s is overdue on %s already", review.Format(time.DateOnly), uitest.Today.Format(time.DateOnly))
	}
	clock.Advance(review.Sub(uitest.Today) + 48*time.Hour)
	b.Sync()
	if !b.Rows()[i].ReviewOverdue {
		t.Errorf("the review on %s is not overdue on %s", review.Format(time.DateOnly), deps.Now().Format(time.DateOnly))
	}
}
