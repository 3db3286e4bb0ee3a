package shell

import (
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
)

func TestShellSwitchesLanguageAtOnceKeepingTheChosenMode(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	t.Cleanup(w.Close)
	sh := NewShell(w, uitest.Deps(t), ref.MustLoad(), "sv", nil, errors.New("no database in this test"), store.Maintenance{})
	if w.Title() != "POMI Planner" || sh.tabs.Items[0].Text != "Företag" || sh.tabs.Items[1].Text != "Etableringsformer" {
		t.Errorf("title %q, tabs %q %q", w.Title(), sh.tabs.Items[0].Text, sh.tabs.Items[1].Text)
	}
	sh.tabs.SelectIndex(1)
	sh.Screen().Select(2)
	if got := sh.Screen().CompetenceTitles(); !slices.Contains(got, "Eftermarknad (service och support)") {
		t.Errorf("Swedish export via agents shows %v", got)
	}
	sh.language.SetSelected("English")
	if sh.Language() != "en" || sh.Screen().Selected() != 2 {
		t.Fatalf("language %s, selected %d", sh.Language(), sh.Screen().Selected())
	}
	if got := sh.Screen().CompetenceTitles(); !slices.Equal(got, []string{"Production", "Marketing", "After-sales"}) {
		t.Errorf("English export via agents shows %v", got)
	}
	if sh.tabs.SelectedIndex() != 1 || sh.tabs.Items[0].Text != "Companies" {
		t.Errorf("after the switch: tab %d, %q", sh.tabs.SelectedIndex(), sh.tabs.Items[0].Text)
	}
	sh.SetLanguage("xx")
	if sh.Language() != locales.Default {
		t.Errorf("an unknown language should fall back to %s, got %s", locales.Default, sh.Language())
	}
}
