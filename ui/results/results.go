package results

import (
	"strings"

	"github.com/pomi-planner/pomi/ui/radar"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
)

// maxSummary caps the sentences above the chart: enough to say what
// it shows, few enough to read aloud at the table.
const maxSummary = 4

// topRecommendations is how many recommendations the results show;
// the action plan and the report carry the rest.
const topRecommendations = 6

// Step is step 7: what the ratings add up to, in words, a radar
// chart and tables, on one scrolling page.
func Step() session.Step {
	return session.Step{ID: "results", TitleID: "ui.step.results", Build: func(s *session.Session) session.StepView { return newView(s) }}
}

// view shows the analysis of the assessment being edited. It keeps
// its parts in fields so tests can look at them.
type view struct {
	s     *session.Session
	tr    app.Translator
	an    *app.Analysis
	words *app.Explanation
	// prev is the analysis of the assessment before, nil when there is none.
	prev *app.Analysis

	summary    *widget.Label
	radar      *radar.Radar
	dimensions *fyne.Container
	matrix     *fyne.Container
	benchmark  *fyne.Container
	barriers   *fyne.Container
	recs       *fyne.Container
	// empty is shown instead of everything else while nothing is rated.
	empty   *fyne.Container
	content fyne.CanvasObject
}

func newView(s *session.Session) *view {
	v := &view{s: s, tr: app.WithTexts(s.Loc, Texts(s))}
	v.an, v.prev = s.Analysis(), previousAnalysis(s)
	v.words = app.Explain(s.Data, s.Company(), v.an, v.tr, s.Loc.Lang())
	if !v.rated() {
		v.empty = v.emptyState()
		v.content = container.NewVScroll(container.NewPadded(v.empty))
		return v
	}
	v.summary = Wrapped(strings.Join(v.words.Summary[:min(len(v.words.Summary), maxSummary)], " "), fyne.TextStyle{})
	page := container.NewVBox(
		Heading(v.tr.T("report.summary.found")), v.summary,
		Heading(v.tr.T("report.section.profile")), lead(v.tr.T("report.profile.lead")), v.profile(),
		Heading(v.tr.T("report.section.modes")), v.matrixSection(),
		Heading(v.tr.T("report.section.benchmark")), v.benchmarkSection(),
		Heading(v.tr.T("report.section.barriers")), v.barriersSection(),
		Heading(v.tr.T("ui.results.recs.heading")), v.recommendationsSection(),
	)
	v.content = container.NewVScroll(container.NewPadded(page))
	return v
}

// Content is the view's canvas object.
func (v *view) Content() fyne.CanvasObject { return v.content }

// Texts are the organisation's own texts in the session's language.
func Texts(s *session.Session) map[string]string {
	if s.Texts == nil {
		return nil
	}
	return s.Texts(s.Loc.Lang())
}

// rated reports whether anything the results are made from has a rating:
// a POMI statement or a competence.
func (v *view) rated() bool {
	if v.an.AnyAssessed() {
		return true
	}
	for _, g := range v.an.Competences {
		if g.Rating != nil {
			return true
		}
	}
	return false
}

// emptyState says which steps to fill in before there is anything to show.
func (v *view) emptyState() *fyne.Container {
	box := container.NewVBox(Heading(v.tr.T("ui.results.empty.title")),
		Wrapped(v.tr.T("ui.results.empty.lead"), fyne.TextStyle{}))
	step := func(id string) map[string]any { return map[string]any{"Step": v.tr.T("ui.step." + id)} }
	if len(v.s.Assessment().Modes) == 0 {
		box.Add(Wrapped("• "+v.tr.Tf("ui.results.empty.modes", step("modes")), fyne.TextStyle{}))
	}
	box.Add(Wrapped("• "+v.tr.Tf("ui.results.empty.competences", step("competences")), fyne.TextStyle{}))
	box.Add(Wrapped("• "+v.tr.Tf("ui.results.empty.statements", step("statements")), fyne.TextStyle{}))
	return box
}
