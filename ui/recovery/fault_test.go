package recovery

// What the window says when the database cannot be opened, in both
// languages, for docs/reliability.md.

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
)

// storeFault is one way the database fails to open: its folder, the error,
// the message the recovery screen shows and whether it offers a restore.
type storeFault struct {
	dir     string
	err     error
	msgID   string
	restore bool
}

// storeFaults makes each way the database can fail to open, each in its own
// folder.
func storeFaults(t *testing.T) map[string]storeFault {
	t.Helper()
	ctx := context.Background()
	open := func(dir string) error {
		s, err := store.Open(ctx, dir)
		if err == nil {
			s.Close()
			t.Fatalf("%s opened", dir)
		}
		return err
	}
	faults := map[string]storeFault{}

	locked := t.TempDir()
	held, err := store.Open(ctx, locked)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { held.Close() })
	if _, err := held.BackupNow(ctx, "manual"); err != nil { // a backup that must not be offered
		t.Fatal(err)
	}
	faults["another copy runs"] = storeFault{locked, open(locked), "ui.store.locked", false}

	newer := t.TempDir()
	s, err := store.Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(ctx, "manual"); err != nil { // a backup that must not be offered
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", filepath.Join(newer, store.DatabaseName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	faults["written by a newer app"] = storeFault{newer, open(newer), "ui.store.newer", false}

	damaged, damagedErr := uitest.DamagedFolder(t) // with a backup
	faults["damaged, with a backup"] = storeFault{damaged, damagedErr, "ui.recovery.corrupt", true}

	bare := t.TempDir()
	if err := os.WriteFile(filepath.Join(bare, store.DatabaseName), []byte("inte en databas"), 0o600); err != nil {
		t.Fatal(err)
	}
	faults["damaged, no backup"] = storeFault{bare, open(bare), "ui.store.corrupt", false}

	// Gone beside its backups (a killed restore, a sync client): refused,
	// said so, and the backups offered (issue 12, finding 2).
	missing := t.TempDir()
	s, err = store.Open(ctx, missing)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, f := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(filepath.Join(missing, store.DatabaseName+f)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	faults["missing, with a backup"] = storeFault{missing, open(missing), "ui.recovery.missing", true}

	// Gone on the first day, before any backup: the folder's mark says a
	// database was made, so this is no first start either.
	lost := t.TempDir()
	if s, err = store.Open(ctx, lost); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(filepath.Join(lost, store.DatabaseName))
	faults["missing, no backup"] = storeFault{lost, open(lost), "ui.recovery.missing_none", false}

	file := filepath.Join(t.TempDir(), "POMI Planner")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	faults["the folder is a file"] = storeFault{file, open(file), "ui.store.failed", false}
	return faults
}

func TestEveryStoreFaultIsExplainedInBothLanguages(t *testing.T) {
	test.NewTempApp(t)
	for name, f := range storeFaults(t) {
		for _, lang := range locales.Languages() {
			loc := locales.MustNew(lang)
			w := test.NewTempWindow(t, NewScreen(uitest.Deps(t), loc, store.Maintenance{}, f.err, f.dir, func() {}))
			want := loc.T(f.msgID)
			if strings.HasPrefix(want, "ui.") || !uitest.ContainsText(w.Content(), want) {
				t.Errorf("%s, %s: the screen does not say %q", name, lang, want)
			}
			if !uitest.ContainsText(w.Content(), f.dir) {
				t.Errorf("%s, %s: the screen does not show the data folder", name, lang)
			}
			if got := len(uitest.Buttons(w.Content(), loc.T("ui.recovery.restore"))) > 0; got != f.restore {
				t.Errorf("%s, %s: restore offered %v, want %v", name, lang, got, f.restore)
			}
			if len(uitest.Buttons(w.Content(), loc.T("ui.recovery.retry"))) != 1 {
				t.Errorf("%s, %s: no way to try again", name, lang)
			}
		}
	}
}
