package ratings

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
)

// tap taps the radio button of option in g, as a user would.
func tap(t *testing.T, g *widget.RadioGroup, option string) {
	t.Helper()
	i := slices.Index(g.Options, option)
	if i < 0 {
		t.Fatalf("no option %q in %v", option, g.Options)
	}
	test.Tap(test.WidgetRenderer(g).Objects()[i].(fyne.Tappable))
}

// stored flushes the session and returns the assessment as stored.
func stored(t *testing.T, s *session.Session, st *store.Store) app.Assessment {
	t.Helper()
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	as, err := st.Assessments(context.Background(), s.CompanyID())
	if err != nil || len(as) != 1 {
		t.Fatalf("stored %d assessments: %v", len(as), err)
	}
	return as[0].Assessment
}

// show puts a step's content in the window, so its widgets render.
func show(w fyne.Window, v session.StepView) {
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1100, 720))
}

func TestACompetenceRatingIsStoredDontKnowIsZeroAndClearRemovesIt(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	v := newCompetencesView(s)
	show(w, v)
	c := v.controls["production"]
	tap(t, c.scale, "3")
	if got := stored(t, s, st).CompetenceRatings["production"]; got != 3 {
		t.Errorf("stored rating %d, want 3", got)
	}
	if v.progress.Text != "1 av 15 bedömda" {
		t.Errorf("progress %q", v.progress.Text)
	}
	tap(t, c.unknown, "Vet inte")
	if c.scale.Selected != "" {
		t.Errorf("the scale still shows %q after ”Vet inte”", c.scale.Selected)
	}
	if got, ok := stored(t, s, st).CompetenceRatings["production"]; !ok || got != app.DontKnow {
		t.Errorf("”Vet inte” stored %d (%v), want 0", got, ok)
	}
	test.Tap(c.clear)
	if _, ok := stored(t, s, st).CompetenceRatings["production"]; ok {
		t.Error("clearing kept the rating")
	}
	if c.unknown.Selected != "" || !c.clear.Disabled() || v.progress.Text != "0 av 15 bedömda" {
		t.Errorf("after clearing: unknown %q, clear enabled %v, progress %q", c.unknown.Selected, !c.clear.Disabled(), v.progress.Text)
	}
	if d, total := competencesProgress(s); d != 0 || total != 15 {
		t.Errorf("progress %d/%d", d, total)
	}
}

func TestTappingTheChosenRatingAgainClearsIt(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	v := newStatementsView(s)
	show(w, v)
	tap(t, v.controls["P1"].scale, "4")
	tap(t, v.controls["P1"].scale, "4")
	if _, ok := stored(t, s, st).StatementRatings["P1"]; ok {
		t.Error("the rating tapped twice is still stored")
	}
}

func TestRequiredCompetencesComeFirstAndNameTheirModes(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	s.EditAssessment(func(a *app.Assessment) {
		a.Modes = []app.ModeChoice{{Mode: "export_direct", Status: app.ModeCurrent}, {Mode: "export_agents", Status: app.ModePlanned}}
	})
	v := newCompetencesView(s)
	show(w, v)
	want := []string{"production", "distribution", "sales_marketing", "marketing", "after_sales"}
	if got := v.Order()[:len(want)]; !slices.Equal(got, want) {
		t.Errorf("first competences %v, want %v", got, want)
	}
	if len(v.Order()) != 15 {
		t.Errorf("%d competences shown", len(v.Order()))
	}
	for _, s := range []string{"Krävs för: Direkt export, Export via agenter", "Krävs för: Export via agenter",
		"Kompetenser som dina etableringsformer kräver", "Övriga kompetenser"} {
		if !uitest.ContainsText(v.Content(), s) {
			t.Errorf("the view does not say %q", s)
		}
	}
	if v.RequiredBy("purchasing") != nil {
		t.Error("purchasing is marked as required")
	}
}

func TestWithoutModesTheCompetencesStepSaysWhereToChooseThem(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "en", false, "Testbolaget AB")
	v := newCompetencesView(s)
	show(w, v)
	if v.Order()[0] != "purchasing" || !uitest.ContainsText(v.Content(), "Choose them in step 2") {
		t.Errorf("order %v; the hint on modes is missing", v.Order()[:2])
	}
	if uitest.ContainsText(v.Content(), "Required for") {
		t.Error("a competence is marked required without modes")
	}
}

func TestAStatementRatingIsStoredAndItsHelpShowsTheSource(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	v := newStatementsView(s)
	show(w, v)
	tap(t, v.controls["P1"].scale, "5")
	tap(t, v.controls["I7"].unknown, "Vet inte")
	got := stored(t, s, st).StatementRatings
	if got["P1"] != 5 || got["I7"] != app.DontKnow || len(got) != 2 {
		t.Errorf("stored %v", got)
	}
	if v.progress.Text != "2 av 34 bedömda" || v.counts["P"].Text != "1 av 9" {
		t.Errorf("progress %q, P %q", v.progress.Text, v.counts["P"].Text)
	}
	h := v.helps["P1"]
	if h.text.Visible() {
		t.Fatal("the help shows before it is asked for")
	}
	test.Tap(h.button)
	if !h.text.Visible() || h.button.Text != "Dölj förklaringen" {
		t.Fatalf("help visible %v, button %q", h.text.Visible(), h.button.Text)
	}
	for _, want := range []string{s.Loc.T("statement.P1.why"),
		"Källa: Achtenhagen, Internationalization competence of SMEs, tabell 6; Knight & Kim 2009: 264"} {
		if !uitest.ContainsText(h.text, want) {
			t.Errorf("the help does not say %q", want)
		}
	}
	test.Tap(h.button)
	if h.text.Visible() {
		t.Error("the help did not close")
	}
}

func TestABarrierFeltStronglyStoresThreeAndNotAtAllRemovesIt(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	v := newBarriersView(s)
	show(w, v)
	g := v.groups["managerial_time"]
	if g.Selected != "Inte alls" {
		t.Errorf("an unanswered barrier shows %q", g.Selected)
	}
	tap(t, g, "Starkt")
	if got := stored(t, s, st).Barriers["managerial_time"]; got != app.BarrierStrong {
		t.Errorf("stored %d, want 3", got)
	}
	if v.count.Text != "1 hinder känns" {
		t.Errorf("count %q", v.count.Text)
	}
	tap(t, g, "Inte alls")
	if _, ok := stored(t, s, st).Barriers["managerial_time"]; ok {
		t.Error("”Inte alls” kept the barrier")
	}
	if !uitest.ContainsText(v.Content(), "Plats 6 av 10 bland små och medelstora företag") {
		t.Error("the rank hint is missing")
	}
	if d, total := BarriersStep().Progress(s); d != 0 || total != 0 {
		t.Errorf("barriers count %d/%d", d, total)
	}
}

func TestAChecklistActivityDoneIsStoredAndSummedUp(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "en", false, "Testbolaget AB")
	v := newChecklistView(s)
	show(w, v)
	tap(t, v.groups["export_goals"], "Done")
	tap(t, v.groups["price_policy"], "In progress")
	got := stored(t, s, st).Checklist
	if got["export_goals"] != app.ChecklistDone || got["price_policy"] != app.ChecklistInProgress {
		t.Errorf("stored %v", got)
	}
	if v.summary.Text != "1 of 11 done, 1 in progress." {
		t.Errorf("summary %q", v.summary.Text)
	}
	if d, total := checklistProgress(s); d != 2 || total != 11 {
		t.Errorf("progress %d/%d", d, total)
	}
	tap(t, v.groups["price_policy"], "In progress")
	if _, ok := stored(t, s, st).Checklist["price_policy"]; ok {
		t.Error("tapping the chosen status again kept it")
	}
}

func TestRatingStepsShowTheStoredAnswers(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	s.EditAssessment(func(a *app.Assessment) {
		a.CompetenceRatings = map[string]int{"quality": 0}
		a.StatementRatings = map[string]int{"M3": 2}
		a.Barriers = map[string]int{"transport_costs": app.BarrierClear}
		a.Checklist = map[string]string{"organization": app.ChecklistNotStarted}
	})
	c := newCompetencesView(s)
	show(w, c)
	if r, ok := c.controls["quality"].Value(); !ok || r != app.DontKnow {
		t.Errorf("quality shows %d %v", r, ok)
	}
	st := newStatementsView(s)
	if r, ok := st.controls["M3"].Value(); !ok || r != 2 {
		t.Errorf("M3 shows %d %v", r, ok)
	}
	if got := newBarriersView(s).groups["transport_costs"].Selected; got != "Tydligt" {
		t.Errorf("transport costs show %q", got)
	}
	if got := newChecklistView(s).groups["organization"].Selected; got != "Inte påbörjad" {
		t.Errorf("organization shows %q", got)
	}
}

// The rating rows must fit the step area of a 900 px wide window, and of a
// 1366 px screen at 200 % scaling: about three quarters of the width, beside
// the list of steps.
func TestRatingStepsFitANarrowWindow(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		s, _, _ := uitest.OpenSession(t, lang, false, "Testbolaget AB")
		for _, v := range []session.StepView{newCompetencesView(s), newStatementsView(s), newBarriersView(s), newChecklistView(s)} {
			// 520 px: the step area of a 1366 px screen at 200 % scaling.
			if wd := v.Content().MinSize().Width; wd > 520 {
				t.Errorf("%s %T needs %.0f px", lang, v, wd)
			}
		}
	}
}

func TestRatingStepsMarkup(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	s.EditAssessment(func(a *app.Assessment) {
		a.Modes = []app.ModeChoice{{Mode: "export_agents", Status: app.ModePlanned}}
		a.CompetenceRatings = map[string]int{"production": 4, "marketing": app.DontKnow}
		a.StatementRatings = map[string]int{"P1": 3}
	})
	show(w, newCompetencesView(s))
	test.AssertRendersToMarkup(t, "rating_competences.xml", w.Canvas())
	v := newStatementsView(s)
	show(w, v)
	v.ToggleHelp("P1")
	test.AssertRendersToMarkup(t, "rating_statements.xml", w.Canvas())
}

func TestTabWalksTheRatingsInReadingOrderAndSpaceRates(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	v := newStatementsView(s)
	show(w, v)
	c := w.Canvas()
	var got []string
	for range 8 {
		c.FocusNext()
		switch f := c.Focused().(type) {
		case *widget.Button:
			got = append(got, f.Text)
		default:
			got = append(got, fmt.Sprintf("%T", f))
		}
	}
	item := "*widget.radioItem"
	want := []string{"Varför frågar vi?", item, item, item, item, item, item, "Varför frågar vi?"}
	if !slices.Equal(got, want) {
		t.Fatalf("tab order %v, want %v", got, want)
	}
	for range 5 { // back to option 2 of the first statement
		c.FocusPrevious()
	}
	c.Focused().TypedRune(' ')
	if got := stored(t, s, st).StatementRatings["P1"]; got != 2 {
		t.Errorf("space on option 2 stored %d", got)
	}
}
