package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"
)

// A backup or restore killed midway left copies of client data, readable
// by all, that nothing removed (issue 12, finding 4). The next open under
// the lock removes them and keeps everything else.
func TestLeftoversOfKilledBackupsAndRestoresAreRemovedAtTheNextOpen(t *testing.T) {
	dir, _, backup := faultFolder(t)
	leftovers := []string{
		filepath.Join(dir, backups.DirName, ".pomi-20261206-101010-manual.db.tmp"),
		filepath.Join(dir, backups.DirName, ".pomi-20261206-101010-manual.db.tmp-journal"),
		filepath.Join(dir, ".restore-123456.db"),
		filepath.Join(dir, ".restore-123456.db-journal"),
	}
	kept := []string{backup, filepath.Join(dir, "anteckningar.txt"), filepath.Join(dir, backups.DirName, "notes.txt")}
	for _, f := range append(append([]string(nil), leftovers...), kept[1:]...) {
		if err := os.WriteFile(f, []byte("Möllevångens Pastafabrik AB"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, f := range leftovers {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s is still there (%v)", filepath.Base(f), err)
		}
	}
	for _, f := range kept {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}
}

// A stale rollback journal beside the database belongs to the file being
// replaced: a restore must move it aside with that file, never leave it to
// be played into the restored one (issue 12, finding 1).
func TestRestoreKeepsAStaleJournalAwayFromTheRestoredFile(t *testing.T) {
	dir, db, backup := faultFolder(t)
	if err := os.WriteFile(db+"-journal", []byte("a hot journal of the old file"), 0o600); err != nil {
		t.Fatal(err)
	}
	aside, err := RestoreClosed(context.Background(), dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db + "-journal"); !os.IsNotExist(err) {
		t.Errorf("the stale journal is still beside the restored file (%v)", err)
	}
	if _, err := os.Stat(aside + "-journal"); err != nil {
		t.Errorf("the journal did not go aside with its database: %v", err)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if check, err := s.Check(context.Background()); err != nil || check != "ok" {
		t.Errorf("integrity_check %q %v", check, err)
	}
}
