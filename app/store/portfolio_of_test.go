package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
)

// PortfolioOf gives the chosen companies exactly as Portfolio gives them,
// leaves out ids that are not stored, and Changes gives every company's
// last change as Portfolio's clients carry it.
func TestPortfolioOfGivesWhatPortfolioGivesForTheChosenCompanies(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	loaded, err := demo.Load(ctx, s, ref.MustLoad(), time.Now())
	if err != nil || len(loaded) != 3 {
		t.Fatalf("demo: %v, %v", loaded, err)
	}
	all, err := s.Portfolio(ctx)
	if err != nil {
		t.Fatal(err)
	}
	some, err := s.PortfolioOf(ctx, []app.CompanyID{all[2].ID, 999, all[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 2 || !reflect.DeepEqual(some[0], all[0]) || !reflect.DeepEqual(some[1], all[2]) {
		t.Errorf("PortfolioOf(3rd, 999, 1st) = %d clients, want the 1st and 3rd of Portfolio as they are", len(some))
	}
	if none, err := s.PortfolioOf(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("PortfolioOf(nil) = %d, %v; want none", len(none), err)
	}
	stamps, err := s.Changes(ctx)
	if err != nil || len(stamps) != len(all) {
		t.Fatalf("Changes: %d, %v; want %d", len(stamps), err, len(all))
	}
	for i, st := range stamps {
		if st.ID != all[i].ID || !st.Updated.Equal(all[i].Updated) || st.Updated.IsZero() {
			t.Errorf("Changes[%d] = %v %v; Portfolio has %v %v", i, st.ID, st.Updated, all[i].ID, all[i].Updated)
		}
	}
}

// Every change to a company or its assessments moves its stamp on, so the
// window reading again only what changed misses nothing: saving the
// profile, saving, updating and deleting an assessment.
func TestEveryChangeOfACompanyMovesItsStamp(t *testing.T) {
	s := openTemp(t)
	clock := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	ctx := context.Background()
	id, err := s.CreateCompany(ctx, &app.Company{Name: "Stämpel AB"})
	if err != nil {
		t.Fatal(err)
	}
	last := stampOf(t, s, id)
	moved := func(what string) {
		t.Helper()
		now := stampOf(t, s, id)
		if !now.After(last) {
			t.Errorf("%s left the company's stamp at %v", what, now)
		}
		last = now
	}
	c, err := s.Company(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	c.Industry = "Möbler"
	if err := s.UpdateCompany(ctx, id, &c.Company); err != nil {
		t.Fatal(err)
	}
	moved("saving the profile")
	a := &app.Assessment{Date: "2026-11-01"}
	aid, err := s.SaveAssessment(ctx, id, a)
	if err != nil {
		t.Fatal(err)
	}
	moved("saving an assessment")
	a.Actions = []app.Action{{Title: "Ring Almi", Status: app.ActionOpen, Priority: app.PriorityHigh, Source: app.SourceCustom}}
	if err := s.UpdateAssessment(ctx, aid, a); err != nil {
		t.Fatal(err)
	}
	moved("updating an assessment")
	if err := s.DeleteAssessment(ctx, aid); err != nil {
		t.Fatal(err)
	}
	moved("deleting an assessment")
	if err := s.DeleteAssessment(ctx, aid); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("deleting it again: %v, want app.ErrNotFound", err)
	}
}

func stampOf(t *testing.T, s *Store, id app.CompanyID) time.Time {
	t.Helper()
	stamps, err := s.Changes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stamps {
		if st.ID == id {
			return st.Updated
		}
	}
	t.Fatalf("company %d has no stamp", id)
	return time.Time{}
}
