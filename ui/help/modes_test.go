package help

import (
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
