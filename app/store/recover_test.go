package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// damagedWithBackup makes a folder whose database has one company in a
// backup and was then overwritten with garbage, with a stray WAL beside it.
func damagedWithBackup(t *testing.T) (dir, backup string, garbage []byte) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	if backup, err = s.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "smaland-mobler.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	s.Close()
	garbage = []byte("this is not a database any more: kaffe, bullar, kanelbullar")
	if err := os.WriteFile(s.Path(), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path()+"-wal", []byte("stray wal"), 0o600); err != nil {
		t.Fatal(err)
	}
	var bad *CorruptError
	if _, err := Open(ctx, dir); !errors.As(err, &bad) {
		t.Fatalf("open of the damaged file: %v, want *CorruptError", err)
	}
	return dir, backup, garbage
}

func TestRestoreClosedPutsABackupInPlaceOfADamagedDatabase(t *testing.T) {
	ctx := context.Background()
	dir, backup, garbage := damagedWithBackup(t)
	aside, err := RestoreClosed(ctx, dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(aside), damagedPrefix) || filepath.Dir(aside) != dir {
		t.Errorf("damaged file moved to %q", aside)
	}
	if kept, _ := os.ReadFile(aside); string(kept) != string(garbage) {
		t.Error("the damaged database was not kept")
	}
	if wal, _ := os.ReadFile(aside + "-wal"); string(wal) != "stray wal" {
		t.Error("the damaged database's WAL was not kept beside it")
	}
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("open after restore: %v", err)
	}
	defer s.Close()
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 1 {
		t.Errorf("%d companies after restore, want the backup's 1", n)
	}
	if backups, _ := backups.List(backups.Dir(s.Path())); len(backups) == 0 || !strings.Contains(backups[len(backups)-1].Path, "manual") {
		t.Errorf("the backups are not all still there: %+v", backups)
	}
}

func TestRestoreClosedRefusesABadBackupAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir, _, garbage := damagedWithBackup(t)
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("junk"), 0o600)
	var bad *CorruptError
	if _, err := RestoreClosed(ctx, dir, junk); !errors.As(err, &bad) {
		t.Fatalf("restore from junk: %v, want *CorruptError", err)
	}
	if kept, _ := os.ReadFile(filepath.Join(dir, datadir.DatabaseName)); string(kept) != string(garbage) {
		t.Error("a refused restore moved or changed the database")
	}
	if _, err := os.Stat(filepath.Join(dir, datadir.LockFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Error("the lock was left behind")
	}
}

func TestRestoreClosedWaitsForAnotherCopyToClose(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	backup, err := s.BackupNow(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	var locked *datadir.LockedError
	if _, err := RestoreClosed(ctx, filepath.Dir(s.Path()), backup); !errors.As(err, &locked) {
		t.Fatalf("restore while open: %v, want *LockedError", err)
	}
}

func TestRestoreClosedIntoAFolderWithoutADatabase(t *testing.T) {
	ctx := context.Background()
	dir, backup, _ := damagedWithBackup(t)
	os.Remove(filepath.Join(dir, datadir.DatabaseName))
	if _, err := RestoreClosed(ctx, dir, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, datadir.DatabaseName+"-wal")); err == nil {
		// A stray WAL replayed onto the backup would corrupt it again.
		t.Error("the stray WAL was left beside the restored database")
	}
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("open after restore: %v", err)
	}
	s.Close()
}

func TestDamagedNamesDoNotCollideWithinASecond(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 28, 15, 4, 5, 0, time.Local)
	first, err := freeDamagedName(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(first+"-wal", nil, 0o600)
	second, err := freeDamagedName(dir, now)
	if err != nil || second == first || filepath.Base(second) != "pomi-damaged-20261128-150405-2.db" {
		t.Errorf("second name %q (%v) after %q", second, err, first)
	}
	if backups.NameRE.MatchString(filepath.Base(first)) {
		t.Error("a damaged database would be counted, and pruned, as a backup")
	}
}
