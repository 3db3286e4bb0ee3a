package markets

import (
	"context"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
)

func onSession(t *testing.T, lang string, examples bool, name string) (*view, *session.Session, *store.Store, fyne.Window) {
	t.Helper()
	s, st, w := uitest.OpenSession(t, lang, examples, name)
	v := ModesStep().Build(s).(*view)
	w.SetContent(v.Content())
	return v, s, st, w
}

func TestCountryNamesAreInTheLanguageAndSortedByIt(t *testing.T) {
	for _, tc := range []struct{ lang, de, first, last string }{
		{"sv", "Tyskland", "Afghanistan", "Östtimor"},
		{"en", "Germany", "Afghanistan", "Zimbabwe"},
	} {
		list := countryNames(tc.lang)
		if len(list) != 249 {
			t.Errorf("%s: %d countries, want the 249 ISO 3166-1 countries", tc.lang, len(list))
		}
		if got := name(list, "DE"); got != tc.de {
			t.Errorf("%s: DE is %q, want %q", tc.lang, got, tc.de)
		}
		if list[0].Name != tc.first || list[len(list)-1].Name != tc.last {
			t.Errorf("%s: from %q to %q", tc.lang, list[0].Name, list[len(list)-1].Name)
		}
		for _, c := range list {
			if validate.Country(c.Code) != nil || c.Name == "" || c.Name == c.Code {
				t.Errorf("%s: %q %q is not a named country", tc.lang, c.Code, c.Name)
			}
		}
		for _, region := range []string{"EU", "001", "150", "XK", "UN", "ZZ"} {
			if name(list, region) != region {
				t.Errorf("%s: the region %s is in the list", tc.lang, region)
			}
		}
	}
	sv := countryNames("sv")
	pos := func(name string) int { return slices.IndexFunc(sv, func(c country) bool { return c.Name == name }) }
	if !(pos("Zimbabwe") < pos("Åland") && pos("Åland") < pos("Österrike") && pos("Ägypten") < 0) {
		t.Errorf("Swedish order: Zimbabwe %d, Åland %d, Österrike %d", pos("Zimbabwe"), pos("Åland"), pos("Österrike"))
	}
	en := countryNames("en")
	if i := slices.IndexFunc(en, func(c country) bool { return c.Code == "AX" }); i > 5 {
		t.Errorf("English sorts Åland Islands at %d, want among the A's", i)
	}
}

func TestMarketsMatchFindsByAnyPartIgnoringCaseAndAccents(t *testing.T) {
	sv := countryNames("sv")
	codes := func(items []item) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Code)
		}
		return out
	}
	for _, tc := range []struct {
		query string
		first string
	}{{"tysk", "DE"}, {"TYSK", "DE"}, {"osterr", "AT"}, {"de", "DE"}, {"cote", ""}} {
		got := codes(match(sv, tc.query, nil, 6))
		if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
			t.Errorf("%q finds %v, want %s first", tc.query, got, tc.first)
		}
	}
	if got := codes(match(countryNames("en"), "cote", nil, 6)); !slices.Contains(got, "CI") {
		t.Errorf("cote finds %v, want Côte d’Ivoire", got)
	}
	if got := match(sv, "tysk", map[string]bool{"DE": true}, 6); len(got) != 0 {
		t.Errorf("a chosen country is suggested again: %v", got)
	}
	if got := match(sv, "  ", nil, 6); got != nil {
		t.Errorf("an empty search suggests %v", got)
	}
	if got := match(sv, "a", nil, 6); len(got) != 6 {
		t.Errorf("a finds %d, want the limit 6", len(got))
	}
}

func TestMarketsSetModeKeepsTheReferenceOrder(t *testing.T) {
	d := ref.MustLoad()
	first, last := d.EntryModes[0].ID, d.EntryModes[len(d.EntryModes)-1].ID
	modes := setMode(d, nil, last, app.ModePlanned)
	modes = setMode(d, modes, first, app.ModeCurrent)
	want := []app.ModeChoice{{Mode: first, Status: app.ModeCurrent}, {Mode: last, Status: app.ModePlanned}}
	if !slices.Equal(modes, want) {
		t.Fatalf("modes %v, want %v", modes, want)
	}
	modes = append(modes, app.ModeChoice{Mode: "gone", Status: app.ModePlanned})
	modes = setMode(d, modes, last, "")
	want = []app.ModeChoice{{Mode: first, Status: app.ModeCurrent}, {Mode: "gone", Status: app.ModePlanned}}
	if !slices.Equal(modes, want) {
		t.Errorf("after clearing %s: %v, want %v", last, modes, want)
	}
}

func TestModesStepStoresTheChosenModes(t *testing.T) {
	v, s, st, _ := onSession(t, "sv", false, "Former AB")
	if done, total := progress(s); done != 0 || total != 2 {
		t.Fatalf("progress of an empty step %d/%d", done, total)
	}
	radio := v.modes["export_direct"]
	if radio.Selected != "Inte aktuell" {
		t.Errorf("an unchosen mode shows %q", radio.Selected)
	}
	radio.SetSelected("Planerad")
	v.modes["importing"].SetSelected("Används i dag")
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	as, _ := st.Assessments(context.Background(), s.CompanyID())
	want := []app.ModeChoice{{Mode: "importing", Status: app.ModeCurrent}, {Mode: "export_direct", Status: app.ModePlanned}}
	if len(as) != 1 || !slices.Equal(as[0].Modes, want) {
		t.Fatalf("stored modes %+v, want %v", as, want)
	}
	if done, _ := progress(s); done != 1 {
		t.Errorf("progress with modes chosen %d/2", done)
	}
	v.modes["importing"].SetSelected("Inte aktuell")
	if got := s.Assessment().Modes; len(got) != 1 || got[0].Mode != "export_direct" {
		t.Errorf("“not relevant” leaves %v", got)
	}
}

func TestMarketsAreChosenByTypingAndRemovedByTheirChip(t *testing.T) {
	v, s, st, _ := onSession(t, "sv", false, "Marknader AB")
	p := v.target
	test.Type(p.entry, "tysk")
	if len(p.suggest.Objects) == 0 || p.suggest.Objects[0].(*widget.Button).Text != "Tyskland" {
		t.Fatalf("typing tysk suggests %d items", len(p.suggest.Objects))
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.entry.Text != "" || len(p.suggest.Objects) != 0 {
		t.Errorf("after Enter the search shows %q and %d suggestions", p.entry.Text, len(p.suggest.Objects))
	}
	test.Type(v.current.entry, "norg")
	test.Tap(v.current.suggest.Objects[0].(*widget.Button))
	c := uitest.StoredCompany(t, s, st)
	if !slices.Equal(c.TargetMarkets, []string{"DE"}) || !slices.Equal(c.CurrentMarkets, []string{"NO"}) {
		t.Fatalf("stored target %v, current %v", c.TargetMarkets, c.CurrentMarkets)
	}
	if done, _ := progress(s); done != 1 {
		t.Errorf("progress with markets but no modes %d/2", done)
	}
	chip := p.chips.Objects[0].(*widget.Button)
	if chip.Text != "Tyskland" {
		t.Fatalf("chip %q", chip.Text)
	}
	test.Tap(chip)
	if c := uitest.StoredCompany(t, s, st); len(c.TargetMarkets) != 0 {
		t.Errorf("after removing, target markets %v", c.TargetMarkets)
	}
	if _, ok := p.chips.Objects[0].(*widget.Label); !ok {
		t.Error("no “none chosen” note after removing the last market")
	}
}

func TestModesMarkup(t *testing.T) {
	_, _, _, w := onSession(t, "sv", true, uitest.ExampleCompany)
	test.AssertRendersToMarkup(t, "markets.xml", w.Canvas())
}
