package reportstep

// The window's plan is made by app.MakePlan: its language by the one rule
// app.PlanLanguage, its content from what the screen shows.

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/session"
)

// onExampleWithReportLanguage is onExample with a report language saved in
// Settings before the step opens.
func onExampleWithReportLanguage(t *testing.T, ui, saved, docs string) (*view, *session.Session, *store.Store) {
	t.Helper()
	s, st, w := uitest.OpenSession(t, ui, true, uitest.ExampleCompany)
	useFolder(s, docs)
	ctx := context.Background()
	settings, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings.ReportLanguage = saved
	if err := st.SaveSettings(ctx, settings); err != nil {
		t.Fatal(err)
	}
	v := NewView(s)
	w.SetContent(v.Content())
	return v, s, st
}

// exportIn exports and checks that the plan was written in lang.
func exportIn(t *testing.T, v *view, lang string) {
	t.Helper()
	v.Export()
	if !v.Result.Visible() {
		t.Fatalf("no plan: %q", v.Problem.Text)
	}
	if v.savedLang != lang {
		t.Errorf("the plan was made in %q, want %q", v.savedLang, lang)
	}
	uitest.PDFHas(t, v.saved, locales.MustNew(lang).T("report.cover.prepared"))
}

func TestThePlanLanguageFollowsTheOneRule(t *testing.T) {
	docs := t.TempDir()
	v, _, _ := onExampleWithReportLanguage(t, "sv", "en", docs)
	// Untouched, the select shows the saved report language, not the UI's.
	if v.language.Selected != "English" || v.reportLanguage() != "en" {
		t.Fatalf("select %q, report language %q; want the saved English", v.language.Selected, v.reportLanguage())
	}
	if !strings.HasSuffix(v.fileName.Text, " action plan.pdf") {
		t.Errorf("file name %q is not in English", v.fileName.Text)
	}
	exportIn(t, v, "en")

	// With nothing chosen, Export still follows the rule through MakePlan:
	// the saved language, not the UI's.
	v.language.ClearSelected()
	if got := v.reportLanguage(); got != "en" {
		t.Errorf("with nothing chosen the report language is %q, want the saved en", got)
	}
	if got := v.exportJob().req.Language; got != "" {
		t.Errorf("nothing chosen asks MakePlan for %q", got)
	}
	exportIn(t, v, "en")

	// A chosen language wins over the saved one.
	v.language.SetSelected("Svenska")
	if got := v.reportLanguage(); got != "sv" {
		t.Errorf("with Swedish chosen the report language is %q", got)
	}
	exportIn(t, v, "sv")
	if filepath.Base(v.saved) != uitest.ExampleCompany+" 2026-11-10 handlingsplan.pdf" {
		t.Errorf("the Swedish plan is named %q", filepath.Base(v.saved))
	}
}

func TestWithNoSavedReportLanguageThePlanIsInTheUILanguage(t *testing.T) {
	for _, ui := range locales.Languages() {
		v, _, _ := onExampleWithReportLanguage(t, ui, "", t.TempDir())
		if v.reportLanguage() != ui {
			t.Errorf("UI %s: the report language defaults to %q", ui, v.reportLanguage())
		}
		v.language.ClearSelected()
		exportIn(t, v, ui)
	}
}

// failSaves makes every save of the session fail, as on a broken disk.
func failSaves(s *session.Session) {
	s.Autosave.Write = func(session.Snapshot) error { return errors.New("the disk says no") }
}

func TestAnEditThatCouldNotBeSavedStillReachesThePlan(t *testing.T) {
	v, s, st := onExampleWithReportLanguage(t, "sv", "", t.TempDir())
	stored := s.Assessment().Date
	failSaves(s)
	s.EditCompany(func(c *app.Company) { c.Name = "Osparade Pastafabriken AB" })
	s.EditAssessment(func(a *app.Assessment) { a.Assessor = "Ingrid Osparad" })
	v.Export()
	if s.State() != session.SaveFailed {
		t.Fatalf("the save before the export did not fail: state %v", s.State())
	}
	if c, _ := st.Company(context.Background(), s.CompanyID()); c.Name != uitest.ExampleCompany {
		t.Fatalf("the failed save reached the database: %q", c.Name)
	}
	if !v.Result.Visible() {
		t.Fatalf("no plan: %q", v.Problem.Text)
	}
	uitest.PDFHas(t, v.saved, "Osparade Pastafabriken AB")

	in, _, err := v.exportJob().input(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if in.Company.Name != "Osparade Pastafabriken AB" || in.Assessment.Assessor != "Ingrid Osparad" || in.Assessment.Date != stored {
		t.Errorf("the plan has %q by %q on %s, not what the screen shows", in.Company.Name, in.Assessment.Assessor, in.Assessment.Date)
	}
	if want := s.Previous(); in.Previous == nil || want == nil || in.Previous.Date != want.Date {
		t.Errorf("the plan's previous assessment is %v, want %v", in.Previous, want)
	}
}

func TestANewAssessmentThatWasNeverSavedStillMakesAPlan(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Nystartat AB")
	v := NewView(s)
	w.SetContent(v.Content())
	if s.AssessmentID() != 0 {
		t.Fatalf("a new assessment has id %d", s.AssessmentID())
	}
	failSaves(s)
	s.EditAssessment(func(a *app.Assessment) { a.Assessor = "Ingrid Osparad" })
	v.Export()
	if list, _ := st.Assessments(context.Background(), s.CompanyID()); len(list) != 0 {
		t.Fatalf("the failed save stored %d assessments", len(list))
	}
	if !v.Result.Visible() {
		t.Fatalf("no plan of a never saved assessment: %q", v.Problem.Text)
	}
	uitest.PDFHas(t, v.saved, "Nystartat AB")
}

// brokenLogo is a store whose logo cannot be read.
type brokenLogo struct{ app.PlanSource }

func (brokenLogo) Logo(context.Context, app.CompanyID) ([]byte, error) {
	return nil, errors.New("the disk says no")
}

func TestALogoThatCannotBeReadLeavesThePlanWithoutIt(t *testing.T) {
	v, _, _ := onExampleWithReportLanguage(t, "sv", "", t.TempDir())
	v.UseLogo(uitest.PNG(t))
	j := v.exportJob()
	j.src.PlanSource = brokenLogo{j.src.PlanSource}
	in, _, err := j.input(context.Background())
	if err != nil {
		t.Fatalf("a logo that cannot be read stopped the plan: %v", err)
	}
	if in.ClientLogo != nil {
		t.Error("the plan has a logo that could not be read")
	}
	if out := j.run(context.Background()); out.err != nil {
		t.Errorf("the plan was not written: %v", out.err)
	}
}

func TestSessionAssessmentIDIsTheOneBeingEdited(t *testing.T) {
	s, _, _ := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	h := s.History()
	if len(h) == 0 || s.Editing() != len(h)-1 || s.AssessmentID() != h[len(h)-1].ID || s.AssessmentID() == 0 {
		t.Errorf("AssessmentID %d, editing %d of %d", s.AssessmentID(), s.Editing(), len(h))
	}
}
