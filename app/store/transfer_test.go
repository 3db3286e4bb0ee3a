package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app"
)

// A refused import writes nothing, so it makes no backup either: ten refused
// imports used to push the daily, manual and pre-erase backups out of the
// ten kept (issue 12, finding 5).
func TestARefusedImportMakesNoBackup(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := demoDocument(t, "smaland-mobler.json")
	if _, err := s.Import(ctx, doc, app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	before := backupCount(t, s)
	for range 3 {
		if _, err := s.Import(ctx, doc, app.ImportRefuseDuplicate); !errors.Is(err, app.ErrDuplicateOrgNr) {
			t.Fatalf("a duplicate: %v, want ErrDuplicateOrgNr", err)
		}
	}
	bad := *doc
	bad.Company.OrgNr = ""
	bad.Assessments = append([]app.Assessment(nil), doc.Assessments...)
	bad.Assessments[0].StatementRatings = map[string]int{"P99": 3}
	if _, err := s.Import(ctx, &bad, app.ImportAsNew); err == nil {
		t.Fatal("an assessment with an unknown statement was imported")
	}
	if after := backupCount(t, s); after != before {
		t.Errorf("refused imports made %d backups", after-before)
	}
	if _, err := s.Import(ctx, doc, app.ImportAsNew); err != nil {
		t.Fatal(err)
	}
	if after := backupCount(t, s); after != before+1 {
		t.Errorf("an import that writes made %d backups, want 1", after-before)
	}
}

func backupCount(t *testing.T, s *Store) int {
	t.Helper()
	list, err := backups.List(backups.Dir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// Names of one second are numbered on, never reusing a number pruning
// freed, so they sort in the order they were written (issue 12, finding 6).
func TestBackupNamesOfOneSecondNeverReuseANumber(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := backupTestTime
	first, err := backups.Backup(ctx, s.db, s.Path(), "manual", now)
	if err != nil {
		t.Fatal(err)
	}
	second, err := backups.Backup(ctx, s.db, s.Path(), "manual", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(first); err != nil { // as pruning does with the oldest
		t.Fatal(err)
	}
	third, err := backups.Backup(ctx, s.db, s.Path(), "daily", now)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(third) != "pomi-20261128-153012-3-daily.db" {
		t.Errorf("third backup of the second is %s, want number 3 (second was %s)", filepath.Base(third), filepath.Base(second))
	}
	list, err := backups.List(backups.Dir(s.Path()))
	if err != nil || len(list) < 2 || list[0].Path != third || list[1].Path != second {
		t.Errorf("newest first: %+v (%v)", list, err)
	}
}
