package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// recoveryDamaged makes a data folder whose database has company A in a
// backup and was then overwritten with garbage; it returns the folder and
// the error opening it gives.
func recoveryDamaged(t *testing.T) (string, error) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateCompany(ctx, &app.Company{Name: "Företag A"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Remove(st.Path() + "-wal")
	if err := os.WriteFile(st.Path(), []byte("trasig fil: inte en databas längre"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(ctx, dir)
	var corrupt *store.CorruptError
	if !errors.As(err, &corrupt) {
		t.Fatalf("open of the damaged folder: %v", err)
	}
	return dir, err
}

func recoveryButtons(obj fyne.CanvasObject, text string) []*widget.Button {
	var found []*widget.Button
	walk(obj, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = append(found, b)
		}
	})
	return found
}

func TestRecoveryRestoresABackupOfADamagedDatabase(t *testing.T) {
	test.NewTempApp(t)
	dir, openErr := recoveryDamaged(t)
	retried := 0
	w := test.NewTempWindow(t, nil)
	w.SetContent(NewRecoveryScreen(locales.MustNew("sv"), openErr, dir, func() { retried++ }))
	w.Resize(fyne.NewSize(1100, 720))
	if !containsText(w.Content(), dir) || !containsText(w.Content(), "Databasen går inte att läsa") {
		t.Error("the screen does not say what is wrong and where the data is")
	}
	restore := recoveryButtons(w.Content(), "Återställ den här")
	if len(restore) != 1 {
		t.Fatalf("%d restore buttons, want one per backup", len(restore))
	}
	test.Tap(restore[0])
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("restoring does not ask first")
	}
	test.Tap(recoveryButtons(overlay, "Återställ")[0])
	if retried != 1 {
		t.Fatalf("onRetry called %d times after the restore", retried)
	}
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open after restore: %v", err)
	}
	defer st.Close()
	rows, _, _ := st.ListCompanies(context.Background(), app.ListQuery{})
	if len(rows) != 1 || rows[0].Name != "Företag A" {
		t.Errorf("companies after restore %+v", rows)
	}
	damaged, _ := filepath.Glob(filepath.Join(dir, "pomi-damaged-*.db"))
	if len(damaged) != 1 {
		t.Errorf("the damaged database was not kept aside: %v", damaged)
	}
}

func TestRecoveryOffersNoRestoreWhenAnotherCopyRuns(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.BackupNow(context.Background(), "manual"); err != nil {
		t.Fatal(err)
	}
	_, openErr := store.Open(context.Background(), dir)
	retried := false
	w := test.NewTempWindow(t, NewRecoveryScreen(locales.MustNew("en"), openErr, dir, func() { retried = true }))
	if len(recoveryButtons(w.Content(), "Restore this one")) != 0 {
		t.Error("a restore is offered while another copy holds the data")
	}
	if !containsText(w.Content(), StoreProblem(openErr, locales.MustNew("en"))) {
		t.Error("the reason is not shown")
	}
	test.Tap(recoveryButtons(w.Content(), "Try again")[0])
	if !retried {
		t.Error("Try again did not call onRetry")
	}
}

// A database lost before any backup existed is refused, and the recovery
// screen offers to start with an empty one; that button, and nothing else,
// lets the next open make a new database (issue 12, finding 2).
func TestRecoveryStartsAnEmptyDatabaseOnlyWhenAskedTo(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(filepath.Join(dir, store.DatabaseName))
	_, openErr := store.Open(ctx, dir)
	if openErr == nil {
		t.Fatal("a lost database was silently made anew")
	}
	loc := locales.MustNew("sv")
	retried := 0
	w := test.NewTempWindow(t, NewRecoveryScreen(loc, openErr, dir, func() { retried++ }))
	buttons := recoveryButtons(w.Content(), loc.T("ui.recovery.start_empty"))
	if len(buttons) != 1 {
		t.Fatalf("%d start-empty buttons", len(buttons))
	}
	test.Tap(buttons[0])
	if retried != 1 {
		t.Fatalf("tried again %d times", retried)
	}
	s, err = store.Open(ctx, dir)
	if err != nil {
		t.Fatalf("the open after starting empty: %v", err)
	}
	s.Close()
	damaged, damagedErr := recoveryDamaged(t)
	w = test.NewTempWindow(t, NewRecoveryScreen(loc, damagedErr, damaged, func() {}))
	if len(recoveryButtons(w.Content(), loc.T("ui.recovery.start_empty"))) != 0 {
		t.Error("a damaged database is offered to start empty")
	}
}
