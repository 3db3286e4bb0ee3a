package companies

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/recovery"
	"github.com/pomi-planner/pomi/ui/settings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// The delete prompt says what is removed where, and its box removes the
// company from every backup too, with no pre-erase backup, and says so
// afterwards (issue 12, finding 3).
func TestDeleteEverywhereRemovesTheCompanyFromEveryBackupAndSaysSo(t *testing.T) {
	scr, s, w := onStore(t, "sv")
	loc := locales.MustNew("sv")
	scr.LoadExamples()
	ctx := context.Background()
	if _, err := s.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	scr.Select(0)
	victim := scr.Rows()[0]
	scr.AskDelete()
	prompt := w.Canvas().Overlays().Top()
	var box *widget.Check
	uitest.Walk(prompt, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			box = c
		}
	})
	if box == nil || box.Text != loc.T("ui.companies.delete_everywhere") {
		t.Fatal("no choice to remove the company from the backups")
	}
	test.Tap(box)
	want := loc.Tf("ui.companies.delete_confirm_everywhere", map[string]any{"Name": victim.Name, "Count": victim.Assessments})
	if !uitest.ContainsText(prompt, want) {
		t.Errorf("with the box ticked the prompt does not say %q", want)
	}
	buttons := uitest.Buttons(prompt, loc.T("ui.companies.delete"))
	if len(buttons) != 1 {
		t.Fatalf("%d delete buttons", len(buttons))
	}
	test.Tap(buttons[0])
	notice := w.Canvas().Overlays().Top()
	if notice == nil || !uitest.ContainsText(notice, loc.N("ui.companies.erased_everywhere", 1, map[string]any{"Name": victim.Name})) {
		t.Error("no word that the company left the database and the backups")
	}
	backups, _ := backups.List(backups.Dir(s.Path()))
	for _, b := range backups {
		if b.Reason == "pre-erase" {
			t.Errorf("a pre-erase backup was made: %s", b.Path)
		}
		if raw, _ := os.ReadFile(b.Path); strings.Contains(string(raw), victim.Name) {
			t.Errorf("%s still holds %s", b.Path, victim.Name)
		}
	}
}

// A disk too full for the day's backup, or any backup, is explained with
// the space to free, in both languages.
func TestABackupThatDoesNotFitSaysHowMuchSpaceToFree(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	err := fmt.Errorf("daily backup: %w", &backups.NoSpaceError{Dir: dir, Need: 41_500_001})
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		w := test.NewTempWindow(t, recovery.NewScreen(uitest.Deps(t), loc, store.Maintenance{}, err, dir, func() {}))
		if want := loc.Tf("ui.store.no_space", map[string]any{"MB": 42}); !uitest.ContainsText(w.Content(), want) {
			t.Errorf("%s: the screen does not say %q", lang, want)
		}
		if got := settings.BackupProblem(loc, err, "ui.settings.backups.failed"); !strings.Contains(got, "42 MB") {
			t.Errorf("%s: settings say %q", lang, got)
		}
	}
}
