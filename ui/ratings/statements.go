package ratings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pomi-planner/pomi/ui/session"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// StatementsStep is step 4: the POMI statements, dimension by dimension.
func StatementsStep() session.Step {
	return session.Step{
		ID: "statements", TitleID: "ui.step.statements",
		Build:    func(s *session.Session) session.StepView { return newStatementsView(s) },
		Progress: statementsProgress,
	}
}

// statementsProgress counts the statements rated, "don't know" included.
func statementsProgress(s *session.Session) (int, int) {
	return app.StatementsProgress(s.Data, s.Assessment())
}

// statementsView rates the POMI statements under a heading per dimension.
// Each statement says on demand why it is asked and where that comes from.
type statementsView struct {
	s        *session.Session
	progress *widget.Label
	// counts shows per dimension how many of its statements are rated.
	counts   map[ref.Dimension]*widget.Label
	controls map[string]*control
	helps    map[string]*statementHelp
	content  fyne.CanvasObject
}

// statementHelp is a statement's "why we ask" and its source, hidden until asked for.
type statementHelp struct {
	button *widget.Button
	text   *widget.RichText
}

// newStatementsView builds the view over the session's assessment.
func newStatementsView(s *session.Session) *statementsView {
	v := &statementsView{s: s, progress: widget.NewLabel(""), counts: map[ref.Dimension]*widget.Label{},
		controls: map[string]*control{}, helps: map[string]*statementHelp{}}
	loc := s.Loc
	header := header(v.progress, loc.T("ui.statements.intro"), loc.T("ui.statements.scale"))
	var items []fyne.CanvasObject
	for _, dim := range ref.Dimensions {
		items = append(items, v.dimensionHeading(dim))
		for _, st := range s.Data.StatementsOf(dim) {
			items = append(items, v.row(st), widget.NewSeparator())
		}
	}
	v.content = page(header, items...)
	v.refresh()
	return v
}

// Content is the view's canvas object.
func (v *statementsView) Content() fyne.CanvasObject { return v.content }

func (v *statementsView) dimensionHeading(dim ref.Dimension) fyne.CanvasObject {
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	v.counts[dim] = count
	title := container.NewBorder(nil, nil, nil, count, heading(v.s.Loc.T(ref.DimensionName(dim))))
	return container.NewVBox(title, note(v.s.Loc.T(ref.DimensionDesc(dim))))
}

func (v *statementsView) row(st ref.Statement) fyne.CanvasObject {
	loc := v.s.Loc
	source := para(loc.Tf("ui.rating.source", map[string]any{"Source": app.FormatCitation(st.Citation, loc)}),
		false, theme.ColorNamePlaceHolder)
	source.Style.TextStyle.Italic = true
	h := &statementHelp{text: block(para(loc.T(ref.StatementWhy(st.ID)), false, theme.ColorNameForeground), source)}
	h.text.Hide()
	h.button = widget.NewButtonWithIcon(loc.T("ui.rating.why_ask"), theme.QuestionIcon(), func() { v.ToggleHelp(st.ID) })
	h.button.Importance = widget.LowImportance
	v.helps[st.ID] = h
	// The help button sits beside the text, not beside the rating, so that
	// the rating row stays narrow enough for a small window.
	text := container.NewBorder(nil, nil, nil, container.NewVBox(h.button), textLabel(loc.T(ref.StatementText(st.ID))))
	value, set := v.s.Assessment().StatementRatings[st.ID]
	c := newControl(loc, value, set, func(r int, set bool) { v.rate(st.ID, r, set) })
	v.controls[st.ID] = c
	return container.NewVBox(text, h.text, c.box)
}

// ToggleHelp shows or hides why statement id is asked, and its source.
func (v *statementsView) ToggleHelp(id string) {
	h := v.helps[id]
	if h == nil {
		return
	}
	if h.text.Visible() {
		h.text.Hide()
		h.button.SetText(v.s.Loc.T("ui.rating.why_ask"))
	} else {
		h.text.Show()
		h.button.SetText(v.s.Loc.T("ui.rating.why_hide"))
	}
	v.content.Refresh()
}

// rate stores a rating 1–5 or app.DontKnow, or removes it when set is false.
func (v *statementsView) rate(id string, r int, set bool) {
	v.s.EditAssessment(func(a *app.Assessment) {
		a.StatementRatings = put(a.StatementRatings, id, r, set)
	})
	v.refresh()
}

func (v *statementsView) refresh() {
	loc, ratings := v.s.Loc, v.s.Assessment().StatementRatings
	done, total := statementsProgress(v.s)
	v.progress.SetText(loc.Tf("ui.rating.progress", map[string]any{"Done": done, "Total": total}))
	for dim, l := range v.counts {
		ids := itemIDs(v.s.Data.StatementsOf(dim), func(st ref.Statement) string { return st.ID })
		l.SetText(loc.Tf("ui.statements.dimension_count", map[string]any{"Done": count(ratings, ids), "Total": len(ids)}))
	}
}
