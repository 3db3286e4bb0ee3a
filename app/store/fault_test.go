package store

// Faults of the database file and its folder, for docs/reliability.md: a
// file cut short or with damaged pages, another program's database, a stray
// write-ahead log, an emptied file, a full database and a folder that is not
// a folder. Each test says what the app refuses and what it keeps.

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// faultFolder makes a data folder with two demo companies in the database
// and a backup of them, closes it with the log checkpointed into the file,
// and returns the folder, the database path and the backup.
func faultFolder(t *testing.T) (dir, db, backup string) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"malmo-mat.json", "smaland-mobler.json"} {
		if _, err := s.ImportDocument(ctx, demoDocument(t, f), app.ImportRefuseDuplicate); err != nil {
			t.Fatal(err)
		}
	}
	if backup, err = s.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Path() + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the log was not checkpointed on close: %v", err)
	}
	return dir, s.Path(), backup
}

// assertRefusedAsCorrupt opens dir and wants a *CorruptError naming backup,
// the database file byte for byte as before and no lock left behind.
func assertRefusedAsCorrupt(t *testing.T, dir, db, backup string) {
	t.Helper()
	before, err := os.ReadFile(db)
	missing := errors.Is(err, os.ErrNotExist)
	if err != nil && !missing {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir)
	if err == nil {
		s.Close()
		t.Fatal("the damaged database was opened")
	}
	var bad *CorruptError
	if !errors.As(err, &bad) || bad.Backup != backup {
		t.Fatalf("err = %v, want *CorruptError naming %s", err, backup)
	}
	if after, err := os.ReadFile(db); missing != errors.Is(err, os.ErrNotExist) || !bytes.Equal(before, after) {
		t.Error("the damaged file was written to, or a missing one made; it must be left for recovery")
	}
	if _, err := os.Stat(filepath.Join(dir, datadir.LockFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused open left its lock behind")
	}
}

// assertTheBackupBringsBackBoth restores the backup a refusal named into
// faultFolder's dir and wants both of its companies back.
func assertTheBackupBringsBackBoth(t *testing.T, dir, backup string) {
	t.Helper()
	if _, err := RestoreClosed(context.Background(), dir, backup); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open after restoring the named backup: %v", err)
	}
	defer s.Close()
	if _, n, err := s.ListCompanies(context.Background(), app.ListQuery{}); n != 2 || err != nil {
		t.Errorf("%d companies after the restore (%v), want 2", n, err)
	}
}

func TestADatabaseCutShortOrWithDamagedPagesIsRefusedAndKept(t *testing.T) {
	damage := map[string]func([]byte) []byte{
		"cut in half": func(b []byte) []byte { return b[:len(b)/2] },
		"cut to its header": func(b []byte) []byte {
			return b[:100]
		},
		"header wiped": func(b []byte) []byte {
			clear(b[:100])
			return b
		},
		"every other page overwritten": func(b []byte) []byte {
			const page = 4096
			for off := 2 * page; off+page <= len(b); off += 2 * page {
				copy(b[off:off+page], bytes.Repeat([]byte("skräp "), page/7+1))
			}
			return b
		},
	}
	for name, fn := range damage {
		t.Run(name, func(t *testing.T) {
			dir, db, backup := faultFolder(t)
			whole, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db, fn(whole), 0o600); err != nil {
				t.Fatal(err)
			}
			assertRefusedAsCorrupt(t, dir, db, backup)
			assertTheBackupBringsBackBoth(t, dir, backup)
		})
	}
}

func TestADatabaseOfAnotherProgramIsRefusedAndKept(t *testing.T) {
	dir, db, backup := faultFolder(t)
	if err := os.Remove(db); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", dsn(db))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('kanelbullar')"); err != nil {
		t.Fatal(err)
	}
	other.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	other.Close()
	assertRefusedAsCorrupt(t, dir, db, backup)
}

// A -wal file that does not belong to the database (copied in from another
// folder, or damaged) is not replayed: SQLite checks its salt and checksums.
func TestAStrayWriteAheadLogIsIgnoredAndTheDatabaseKept(t *testing.T) {
	dir, db, _ := faultFolder(t)
	if err := os.WriteFile(db+"-wal", bytes.Repeat([]byte("inte en logg "), 3000), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open beside a garbage -wal: %v", err)
	}
	defer s.Close()
	if check, err := s.Check(context.Background()); check != "ok" || err != nil {
		t.Errorf("integrity_check %q %v", check, err)
	}
	if _, n, err := s.ListCompanies(context.Background(), app.ListQuery{}); n != 2 || err != nil {
		t.Errorf("%d companies (%v), want the 2 in the file", n, err)
	}
}

// An emptied database file (0 bytes: a sync client or a disk check after a
// power cut can leave one) reads as a new, empty database. With backups
// beside it that is almost certainly lost data, and starting empty would
// let the daily backups of the empty file push the good ones out after
// KeepBackups days.
func TestAnEmptiedDatabaseWithBackupsIsNotTakenForANewOne(t *testing.T) {
	dir, db, backup := faultFolder(t)
	if err := os.Truncate(db, 0); err != nil {
		t.Fatal(err)
	}
	assertRefusedAsCorrupt(t, dir, db, backup)
}

// A missing database file beside good backups is lost data, not a first
// start: a restore killed after it moved the old file aside and before the
// backup was in place left exactly that, and the app started empty (issue
// 12, finding 2).
func TestAMissingDatabaseWithBackupsIsNotTakenForANewOne(t *testing.T) {
	dir, db, backup := faultFolder(t)
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	assertRefusedAsCorrupt(t, dir, db, backup)
	assertTheBackupBringsBackBoth(t, dir, backup)
}

// A genuine first start, with no backups, still makes a new database.
func TestAFirstStartWithoutBackupsMakesANewDatabase(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, datadir.DatabaseName)); err != nil {
		t.Error(err)
	}
}

// A full disk is simulated with max_page_count, which makes SQLite fail with
// SQLITE_FULL exactly as when the disk has no room for another page. The
// store has one connection, so the limit reaches every later statement.
func TestAFullDatabaseRefusesTheWriteAndKeepsWhatWasSaved(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate)
	if err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	var full error
	var names []string
	for i := 0; i < 200 && full == nil; i++ {
		doc := demoDocument(t, "smaland-mobler.json")
		doc.Company.Name, doc.Company.OrgNr = "Fullt diskutrymme "+strconv.Itoa(i), ""
		doc.Assessments[0].Notes = strings.Repeat("Anteckning som tar plats. ", 400)
		if _, full = s.ImportDocument(ctx, doc, app.ImportAsNew); full == nil {
			names = append(names, doc.Company.Name)
		}
	}
	if full == nil || !strings.Contains(full.Error(), "full") {
		t.Fatalf("no 'database or disk is full' error after %d imports: %v", len(names), full)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("close after the failed write: %v", err)
	}
	s, err = Open(ctx, dir) // a new connection: room again
	if err != nil {
		t.Fatalf("reopen after the full disk: %v", err)
	}
	defer s.Close()
	if check, err := s.Check(ctx); check != "ok" || err != nil {
		t.Errorf("integrity_check %q %v", check, err)
	}
	if _, err := s.Company(ctx, first); err != nil {
		t.Errorf("the company saved before the disk filled: %v", err)
	}
	_, n, _ := s.ListCompanies(ctx, app.ListQuery{})
	if n != 1+len(names) {
		t.Errorf("%d companies, want the first and the %d that fitted: the failed one is half there", n, len(names))
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate); err != nil {
		t.Errorf("a write once there is room again: %v", err)
	}
}

func TestADataFolderThatIsAFileIsRefusedWithItsPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "POMI Planner")
	if err := os.WriteFile(dir, []byte("a file where the folder should be"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{dir, filepath.Join(dir, "under")} {
		_, err := Open(context.Background(), target)
		var locked *datadir.LockedError
		var bad *CorruptError
		var newer *NewerError
		if err == nil || errors.As(err, &locked) || errors.As(err, &bad) || errors.As(err, &newer) {
			t.Fatalf("%s: err = %v, want a plain error (the app says it could not open the database)", target, err)
		}
		if !strings.Contains(err.Error(), target) {
			t.Errorf("the error %q does not name the folder", err)
		}
	}
	if got, _ := os.ReadFile(dir); string(got) != "a file where the folder should be" {
		t.Error("the file in the way was changed")
	}
}
