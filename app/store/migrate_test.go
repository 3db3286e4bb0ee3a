package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// createAtVersion builds a database file at schema version v by applying the
// first v migrations, as an older release of the app would have left it.
func createAtVersion(t *testing.T, path string, v int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations() {
		if m.version > v {
			break
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := db.Exec("PRAGMA user_version = " + strconv.Itoa(m.version)); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestMigratingFromEveryOlderSchemaKeepsTheData(t *testing.T) {
	if latestVersion() < 2 {
		t.Fatal("there is only one schema version; this test needs at least two")
	}
	for v := 1; v < latestVersion(); v++ {
		t.Run("from v"+strconv.Itoa(v), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, datadir.DatabaseName)
			old := createAtVersion(t, path, v)
			_, err := old.Exec(`INSERT INTO companies (name, org_nr, city, profile, created, updated)
				VALUES ('Gamla Firman AB', '556036-0793', 'Växjö', '{"name":"Gamla Firman AB","org_nr":"556036-0793"}', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
			if err != nil {
				t.Fatal(err)
			}
			old.Close()
			s, err := Open(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var version int
			s.db.QueryRow("PRAGMA user_version").Scan(&version)
			if version != latestVersion() {
				t.Errorf("user_version %d, want %d", version, latestVersion())
			}
			list, _, err := s.ListCompanies(context.Background(), app.ListQuery{Search: "gamla"})
			if err != nil || len(list) != 1 || list[0].City != "Växjö" {
				t.Errorf("data after migration: %v %v", list, err)
			}
			kept, _ := backups.List(backups.Dir(path))
			if len(kept) == 0 || kept[len(kept)-1].Reason != "pre-migration-"+strconv.Itoa(v) {
				t.Errorf("no pre-migration backup: %+v", kept)
			}
		})
	}
}

func TestDatabaseFromANewerAppIsRefusedAndNotWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, datadir.DatabaseName)
	db := createAtVersion(t, path, latestVersion())
	db.Exec("PRAGMA user_version = 99")
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(context.Background(), dir)
	var newer *NewerError
	if !errors.As(err, &newer) || newer.Version != 99 || newer.Path != path {
		t.Fatalf("err = %v, want *NewerError for version 99", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the newer database was written to")
	}
	if _, err := os.Stat(filepath.Join(dir, datadir.LockFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused open left its lock behind")
	}
}

func TestCorruptFileGivesATypedErrorNamingTheNewestGoodBackup(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.BackupNow(context.Background(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	garbage := []byte("this is not a database, it is a shopping list: mjölk, ägg, smör")
	if err := os.WriteFile(s.Path(), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(s.Path() + "-wal")
	_, err = Open(context.Background(), dir)
	var bad *CorruptError
	if !errors.As(err, &bad) || bad.Path != s.Path() || bad.Backup != backup {
		t.Fatalf("err = %v, want *CorruptError naming %s", err, backup)
	}
	if kept, _ := os.ReadFile(s.Path()); string(kept) != string(garbage) {
		t.Error("the damaged file was overwritten; it must be left for recovery")
	}
}

func TestSecondOpenOfTheSameFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), dir)
	var locked *datadir.LockedError
	if !errors.As(err, &locked) || locked.Holder.PID != os.Getpid() {
		t.Fatalf("second open: %v, want *LockedError naming this process", err)
	}
	s.Close()
	again, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	again.Close()
}

func TestRestoreBringsBackABackupAndCanBeUndone(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	backup, err := s.BackupNow(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "smaland-mobler.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 1 {
		t.Errorf("%d companies after restore, want the backup's 1", n)
	}
	kept, _ := backups.List(backups.Dir(s.Path()))
	if len(kept) < 2 || kept[0].Reason != "pre-restore" {
		t.Fatalf("newest backup %+v, want pre-restore", kept)
	}
	if err := s.Restore(ctx, kept[0].Path); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 2 {
		t.Errorf("%d companies after undoing the restore, want 2", n)
	}
	garbage := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(garbage, []byte("junk"), 0o600)
	var bad *CorruptError
	if err := s.Restore(ctx, garbage); !errors.As(err, &bad) {
		t.Errorf("restore from junk: %v, want *CorruptError", err)
	}
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 2 {
		t.Error("a refused restore changed the database")
	}
}

func TestOpeningAnExistingDatabaseMakesTheDailyBackupOnce(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 3; i++ {
		s, err := Open(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	kept, _ := backups.List(filepath.Join(dir, "backups"))
	if len(kept) != 1 || kept[0].Reason != "daily" {
		t.Errorf("backups %+v, want one daily", kept)
	}
}

// The pre-restore backup prunes the oldest backups; the one being restored
// may be that oldest, and must still come back.
func TestRestoringTheOldestKeptBackupSurvivesThePruning(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	oldest, err := s.BackupNow(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "smaland-mobler.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	for {
		kept, err := backups.List(backups.Dir(s.Path()))
		if err != nil {
			t.Fatal(err)
		}
		if len(kept) >= backups.KeepBackups {
			if kept[len(kept)-1].Path != oldest {
				t.Fatalf("the first backup is not the oldest kept: %+v", kept[len(kept)-1])
			}
			break
		}
		if _, err := s.BackupNow(ctx, "manual"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Restore(ctx, oldest); err != nil {
		t.Fatalf("restore the oldest kept backup: %v", err)
	}
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 1 {
		t.Errorf("%d companies after restoring the oldest backup, want its 1", n)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), ".restore-*")); len(leftovers) > 0 {
		t.Errorf("staged copies left behind: %v", leftovers)
	}
}
