package firststart

import (
	"context"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/validate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
)

// onStore shows the first start page over a real temp database
// and records what it hands on.
func onStore(t *testing.T, lang string) (*firstStart, *store.Store, fyne.Window, *[]Choice) {
	t.Helper()
	test.NewTempApp(t)
	return inApp(t, lang)
}

// inApp is firstStartOnStore in the app the test has set up.
func inApp(t *testing.T, lang string) (*firstStart, *store.Store, fyne.Window, *[]Choice) {
	t.Helper()
	st := uitest.OpenStore(t)
	var done []Choice
	p := newFirstStart(uitest.Deps(t), locales.MustNew(lang), st, func(c Choice) { done = append(done, c) })
	w := test.NewTempWindow(t, p.content)
	w.Resize(fyne.NewSize(1100, 720))
	return p, st, w, &done
}

func storedSettings(t *testing.T, st *store.Store) *app.Settings {
	t.Helper()
	s, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFirstStartSavesAnAdvisorsChoice(t *testing.T) {
	p, st, _, done := onStore(t, "sv")
	if err := st.SaveSettings(context.Background(), &app.Settings{Branding: app.Branding{PrimaryColor: "#336699"}}); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.start)
	if len(*done) != 0 || !p.problem.Visible() || p.problem.Text != "Välj först vem som använder programmet." {
		t.Fatalf("no answer: done %v, problem %q", *done, p.problem.Text)
	}
	if s := storedSettings(t, st); s.UsedBy != "" {
		t.Fatalf("saved %q without an answer", s.UsedBy)
	}
	test.Tap(p.advisor.Button)
	if !p.examples.Checked || !p.orgBox.Visible() || p.problem.Visible() {
		t.Errorf("advisor: examples %v, organisation shown %v, problem shown %v", p.examples.Checked, p.orgBox.Visible(), p.problem.Visible())
	}
	test.Type(p.org, " Almi Jönköping ")
	test.Tap(p.start)
	want := Choice{Language: "sv", UsedBy: "advisor", Organisation: "Almi Jönköping", LoadExamples: true}
	if len(*done) != 1 || (*done)[0] != want {
		t.Fatalf("handed on %+v, want %+v", *done, want)
	}
	s := storedSettings(t, st)
	if s.UsedBy != "advisor" || s.UILanguage != "sv" || s.Branding.Organisation != "Almi Jönköping" || s.Branding.PrimaryColor != "#336699" {
		t.Errorf("saved %+v", s)
	}
}

func TestFirstStartForACompanyByKeyboard(t *testing.T) {
	p, st, w, done := onStore(t, "sv")
	test.Tap(p.advisor.Button)
	test.Type(p.org, "Almi")
	test.Tap(p.company.Button)
	if p.examples.Checked || p.orgBox.Visible() || !p.company.Selected || p.advisor.Selected {
		t.Errorf("company: examples %v, organisation shown %v", p.examples.Checked, p.orgBox.Visible())
	}
	test.Tap(p.examples) // ticked by hand: stays so whatever is chosen
	test.Tap(p.advisor.Button)
	test.Tap(p.company.Button)
	if !p.examples.Checked {
		t.Error("choosing again unticked the examples the person ticked")
	}
	// Tab goes in reading order; Enter on the button starts.
	c := w.Canvas()
	order := []fyne.Focusable{p.language, p.advisor.Button, p.company.Button, p.examples, p.start}
	for i, want := range order {
		c.FocusNext()
		if c.Focused() != want {
			t.Fatalf("Tab %d focuses %T, want %T", i+1, c.Focused(), want)
		}
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := Choice{Language: "sv", UsedBy: "company", LoadExamples: true}
	if len(*done) != 1 || (*done)[0] != want {
		t.Fatalf("handed on %+v, want %+v", *done, want)
	}
	if s := storedSettings(t, st); s.UsedBy != "company" || s.Branding.Organisation != "" {
		t.Errorf("saved %+v", s)
	}
}

func TestFirstStartSwitchesLanguageInPlace(t *testing.T) {
	uitest.KeepFyneLanguage(t)
	p, st, w, done := onStore(t, "sv")
	test.Tap(p.advisor.Button)
	test.Type(p.org, "Almi")
	w.Canvas().Focus(p.org)
	p.language.SetSelected("English")
	if p.title.Text != "Welcome to POMI Planner" || p.start.Text != "Get started" || p.org.Text != "Almi" || !p.advisor.Selected {
		t.Errorf("after English: title %q, button %q, organisation %q", p.title.Text, p.start.Text, p.org.Text)
	}
	if w.Canvas().Focused() != p.org {
		t.Error("switching the language lost the focus")
	}
	test.Tap(p.start)
	if len(*done) != 1 || (*done)[0].Language != "en" {
		t.Fatalf("handed on %+v", *done)
	}
	if s := storedSettings(t, st); s.UILanguage != "en" {
		t.Errorf("saved language %q", s.UILanguage)
	}
}

func TestFirstStartRefusesAnInvalidOrganisation(t *testing.T) {
	p, st, _, done := onStore(t, "sv")
	test.Tap(p.advisor.Button)
	test.Type(p.org, strings.Repeat("x", validate.MaxShortLen+1))
	test.Tap(p.start)
	if len(*done) != 0 {
		t.Fatalf("handed on %+v", *done)
	}
	if err := p.org.Validate(); err == nil || err.Error() != "Texten är för lång." {
		t.Errorf("the field says %v", err)
	}
	if s := storedSettings(t, st); s.UsedBy != "" || s.Branding.Organisation != "" {
		t.Errorf("saved %+v", s)
	}
}

func TestFirstStartMarkup(t *testing.T) {
	p, _, w, _ := onStore(t, "sv")
	test.Tap(p.advisor.Button)
	test.AssertRendersToMarkup(t, "first_start.xml", w.Canvas())
}
