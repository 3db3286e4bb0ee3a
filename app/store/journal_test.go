package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// hotJournalFolder makes what a kill in the middle of a rollback-journal
// write leaves: a database file with some pages already changed and the
// journal that undoes them, no process holding it. Backups are
// rollback-journal files (VACUUM INTO), and the first open after a restore
// switches one to WAL, writing such a journal meanwhile. The files are
// copied while the transaction is open, as a kill -9 would leave them.
func hotJournalFolder(t *testing.T) (dir string, companies int) {
	t.Helper()
	_, _, backup := faultFolder(t)
	work := filepath.Join(t.TempDir(), "work.db")
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(work, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", backups.FileURI(work, "_pragma=journal_mode(DELETE)&_pragma=cache_size(1)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM companies").Scan(&companies); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// Enough changed pages that the tiny cache spills them into the file.
	if _, err := tx.ExecContext(ctx, "UPDATE companies SET notes = hex(randomblob(3000))"); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM companies WHERE id > 1"); err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, suffix := range []string{"", "-journal"} {
		raw, err := os.ReadFile(work + suffix)
		if err != nil {
			t.Fatalf("no %s mid-transaction: %v", suffix, err)
		}
		if err := os.WriteFile(filepath.Join(dir, datadir.DatabaseName+suffix), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir, companies
}

// A healthy database with a hot journal (issue 12, finding 1) opens: the
// journal is rolled back under the folder's lock, and every company the
// last committed state held is there. Before, the read-only check could not
// roll it back and refused the file for good ("attempt to write a readonly
// database (776)").
func TestAHotJournalIsRolledBackAndTheDatabaseOpens(t *testing.T) {
	dir, want := hotJournalFolder(t)
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("a database with a hot journal was refused: %v", err)
	}
	defer s.Close()
	if check, err := s.Check(ctx); err != nil || check != "ok" {
		t.Errorf("integrity_check %q %v", check, err)
	}
	if _, n, err := s.ListCompanies(ctx, app.ListQuery{}); n != want || err != nil {
		t.Errorf("%d companies (%v), want the %d committed", n, err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, datadir.DatabaseName+"-journal")); !os.IsNotExist(err) {
		t.Errorf("the journal is still there (%v)", err)
	}
}
