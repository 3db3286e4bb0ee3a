package main

import (
	"context"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
)

func TestSeedFillsAnEmptyFolderAndRefusesAFullOne(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := run(ctx, dir, 25, 1, 1); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, dir, 5, 1, 2); err == nil {
		t.Error("seeded a folder that already holds companies")
	}
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, total, err := s.ListCompanies(ctx, app.ListQuery{Limit: 100})
	if err != nil || total != 25 {
		t.Fatalf("%d companies (%v), want 25", total, err)
	}
	for _, r := range rows {
		if r.Assessments != 1 || r.OrgNr == "" || r.City == "" {
			t.Errorf("company %q: %d assessments, org.nr %q, city %q", r.Name, r.Assessments, r.OrgNr, r.City)
		}
	}
	if err := run(ctx, "", 5, 1, 1); err == nil {
		t.Error("no error without a data folder")
	}
}

// With -history 3 every company gets three assessments.
func TestSeedWithHistoryGivesEachCompanyItsAssessments(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := run(ctx, dir, 4, 3, 1); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, _, err := s.ListCompanies(ctx, app.ListQuery{Limit: 10})
	if err != nil || len(rows) != 4 {
		t.Fatalf("%d companies (%v), want 4", len(rows), err)
	}
	for _, r := range rows {
		if r.Assessments != 3 {
			t.Errorf("company %q: %d assessments, want 3", r.Name, r.Assessments)
		}
	}
}
