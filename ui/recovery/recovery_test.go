package recovery

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

func TestRecoveryRestoresABackupOfADamagedDatabase(t *testing.T) {
	test.NewTempApp(t)
	dir, openErr := uitest.DamagedFolder(t)
	retried := 0
	w := test.NewTempWindow(t, nil)
	w.SetContent(NewScreen(uitest.Deps(t), locales.MustNew("sv"), store.Maintenance{}, openErr, dir, func() { retried++ }))
	w.Resize(fyne.NewSize(1100, 720))
	if !uitest.ContainsText(w.Content(), dir) || !uitest.ContainsText(w.Content(), "Databasen går inte att läsa") {
		t.Error("the screen does not say what is wrong and where the data is")
	}
	restore := uitest.Buttons(w.Content(), "Återställ den här")
	if len(restore) != 1 {
		t.Fatalf("%d restore buttons, want one per backup", len(restore))
	}
	test.Tap(restore[0])
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("restoring does not ask first")
	}
	test.Tap(uitest.Buttons(overlay, "Återställ")[0])
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
	w := test.NewTempWindow(t, NewScreen(uitest.Deps(t), locales.MustNew("en"), store.Maintenance{}, openErr, dir, func() { retried = true }))
	if len(uitest.Buttons(w.Content(), "Restore this one")) != 0 {
		t.Error("a restore is offered while another copy holds the data")
	}
	if !uitest.ContainsText(w.Content(), StoreProblem(openErr, locales.MustNew("en"))) {
		t.Error("the reason is not shown")
	}
	test.Tap(uitest.Buttons(w.Content(), "Try again")[0])
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
	w := test.NewTempWindow(t, NewScreen(uitest.Deps(t), loc, store.Maintenance{}, openErr, dir, func() { retried++ }))
	buttons := uitest.Buttons(w.Content(), loc.T("ui.recovery.start_empty"))
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
	damaged, damagedErr := uitest.DamagedFolder(t)
	w = test.NewTempWindow(t, NewScreen(uitest.Deps(t), loc, store.Maintenance{}, damagedErr, damaged, func() {}))
	if len(uitest.Buttons(w.Content(), loc.T("ui.recovery.start_empty"))) != 0 {
		t.Error("a damaged database is offered to start empty")
	}
}
