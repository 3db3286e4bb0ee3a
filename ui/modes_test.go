package ui

import (
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

func TestModesScreenShowsTheCompetencesOfTheChosenMode(t *testing.T) {
	test.NewTempApp(t)
	d := ref.MustLoad()
	en := locales.MustNew("en")
	s := NewModesScreen(d, en)
	test.NewTempWindow(t, s.Content())

	if got := s.CompetenceTitles(); !slices.Equal(got, []string{"Purchasing (order processing)", "Contract negotiations"}) {
		t.Errorf("importing shows %v", got)
	}
	s.list.Select(5) // as a click on the sixth row does
	if s.Selected() != 5 || s.title.Text != "Overseas production" {
		t.Fatalf("selected %d titled %q", s.Selected(), s.title.Text)
	}
	if got := s.CompetenceTitles(); !slices.Equal(got, []string{"Management", "Brand image", "Financial strength"}) {
		t.Errorf("overseas production shows %v", got)
	}
	if s.source.Text != en.T("window.modes.katwalo") {
		t.Errorf("a Table 11 mode should cite Katwalo, says %q", s.source.Text)
	}
	s.Select(len(d.EntryModes) - 1) // franchising: the project's interpretation
	if s.source.Text != en.T(ref.ModeBasis("franchising")) {
		t.Errorf("a project mode should show its basis, says %q", s.source.Text)
	}
}

func TestShellSwitchesLanguageAtOnceKeepingTheChosenMode(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	t.Cleanup(w.Close)
	sh := NewShell(w, ref.MustLoad(), "sv", nil, errors.New("no database in this test"))
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
