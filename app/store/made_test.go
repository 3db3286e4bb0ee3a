package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"
)

// A database deleted before any backup existed (the first day) is not a
// first start: the folder's mark says a database was made, so the open is
// refused as missing with no backup to offer, and nothing new is made
// until the user chooses to start empty (issue 12, finding 2).
func TestAMissingDatabaseWithoutBackupsIsRefusedWhenOneWasMadeBefore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if backups, _ := backups.List(backups.Dir(s.Path())); len(backups) != 0 {
		t.Fatalf("a first start made backups: %v", backups)
	}
	for _, f := range []string{"", "-wal", "-shm"} {
		os.Remove(s.Path() + f)
	}
	_, err = Open(ctx, dir)
	var corrupt *CorruptError
	if !errors.As(err, &corrupt) || !errors.Is(err, ErrDatabaseMissing) || corrupt.Backup != "" {
		t.Fatalf("open without the file: %v, want it missing with no backup", err)
	}
	if !strings.Contains(err.Error(), "pomi-cli start-empty") || strings.Contains(err.Error(), "\n") {
		t.Errorf("the error does not say how to begin anew on one line: %q", err)
	}
	if _, err := os.Stat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a database was made anyway: %v", err)
	}
	if err := StartEmpty(ctx, dir); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("the open after start-empty: %v", err)
	}
	s2.Close()
	if !databaseWasMade(dir) {
		t.Error("the new database left no mark")
	}
}

// StartEmpty refuses a folder with a database, or with a good backup to
// restore instead, and changes nothing there.
func TestStartEmptyRefusesAFolderWithADatabaseOrABackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := StartEmpty(ctx, dir); !errors.Is(err, ErrDatabaseExists) {
		t.Errorf("with a database: %v", err)
	}
	os.Remove(s.Path())
	if err := StartEmpty(ctx, dir); err == nil || !strings.Contains(err.Error(), "restore") {
		t.Errorf("with a backup: %v", err)
	}
	if !databaseWasMade(dir) {
		t.Error("the mark went")
	}
	if _, err := os.Stat(filepath.Join(dir, datadir.DatabaseName)); err == nil {
		t.Error("a database appeared")
	}
}
