package actions

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pomi-planner/pomi/ui/session"

	"github.com/pomi-planner/pomi/app"
)

// Step is step 8: the suggested actions and the agreed action plan.
//
// Its progress counts what makes a plan a plan – someone responsible and a
// date: done is the actions in the plan (not dismissed) that have both an
// owner and a due date, total is the actions in the plan, at least 1, so an
// empty plan shows 0/1 and a plan with loose ends shows how many are left.
func Step() session.Step {
	return session.Step{ID: "actions", TitleID: "ui.step.actions", Build: func(s *session.Session) session.StepView { return newView(s) },
		Progress: progress}
}

func progress(s *session.Session) (done, total int) {
	return app.ActionsProgress(s.Assessment())
}

// view shows the analysis' suggestions, to accept or dismiss, above
// the plan itself, whose rows edit owner, due date, status and priority in
// place. Structural changes (add, remove, move) rebuild the lists; typing
// does not, so the focus stays in the field.
type view struct {
	s *session.Session
	// tr is the UI localizer with the organisation's own texts laid over.
	tr app.Translator

	accordion   *widget.Accordion
	suggestions *fyne.Container
	dismissed   *fyne.Container
	planTitle   *widget.Label
	plan        *fyne.Container
	newButton   *widget.Button
	rows        []*row
	// accepts and dismisses are the suggestions' buttons, restores the
	// dismissed ones', in order.
	accepts, dismisses, restores []*widget.Button
	suggested                    []app.Action
	analysis                     *app.Analysis
	// form and confirm are the dialogs last shown, for tests.
	form    *form
	confirm *dialog.ConfirmDialog
	content fyne.CanvasObject
}

func newView(s *session.Session) *view {
	v := &view{s: s, tr: app.WithTexts(s.Loc, s.Texts(s.Loc.Lang()))}
	loc := s.Loc
	intro := widget.NewLabel(loc.T("ui.actions.intro"))
	intro.Wrapping = fyne.TextWrapWord
	v.suggestions = container.NewVBox()
	v.dismissed = container.NewVBox()
	v.accordion = widget.NewAccordion(
		widget.NewAccordionItem("", v.suggestions),
		widget.NewAccordionItem("", v.dismissed),
	)
	v.accordion.MultiOpen = true
	v.planTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.planTitle.SizeName = theme.SizeNameSubHeadingText
	v.newButton = widget.NewButtonWithIcon(loc.T("ui.actions.new"), theme.ContentAddIcon(), v.AskNew)
	v.plan = container.NewVBox()
	planHead := container.NewBorder(nil, nil, nil, v.newButton, v.planTitle)
	v.content = container.NewVScroll(container.NewVBox(intro, v.accordion, widget.NewSeparator(), planHead, v.plan))
	v.refresh()
	if len(v.planIndexes()) == 0 {
		v.accordion.Open(0) // a first visit starts from the suggestions
	}
	return v
}

// Content is the step's canvas object.
func (v *view) Content() fyne.CanvasObject { return v.content }

// refresh rebuilds the suggestions, the dismissed list and the plan's rows
// from the working assessment.
func (v *view) refresh() {
	loc := v.s.Loc
	v.analysis = v.s.Analysis()
	v.suggested = v.analysis.SuggestedActions
	v.suggestions.Objects = v.suggestionCards()
	v.dismissed.Objects = v.dismissedRows()
	v.accordion.Items[0].Title = loc.Tf("ui.actions.suggestions", map[string]any{"Count": len(v.suggested)})
	v.accordion.Items[1].Title = loc.Tf("ui.actions.dismissed", map[string]any{"Count": len(v.dismissed.Objects)})
	v.suggestions.Refresh()
	v.dismissed.Refresh()
	v.accordion.Refresh()
	idx := v.planIndexes()
	v.planTitle.SetText(loc.N("ui.actions.plan", len(idx), map[string]any{"Count": len(idx)}))
	v.rows = v.rows[:0]
	objs := []fyne.CanvasObject{}
	if len(idx) == 0 {
		empty := widget.NewLabel(loc.T("ui.actions.plan_empty"))
		empty.Wrapping = fyne.TextWrapWord
		objs = append(objs, empty)
	} else {
		objs = append(objs, v.columnHeader())
	}
	for n, i := range idx {
		r := v.newRow(i, n == 0, n == len(idx)-1)
		v.rows = append(v.rows, r)
		objs = append(objs, r.box)
	}
	v.plan.Objects = objs
	v.plan.Refresh()
	if v.content != nil {
		v.content.Refresh()
	}
}

// planIndexes are the positions in Assessment.Actions of the actions in the
// plan, in plan order; dismissed ones are left out.
func (v *view) planIndexes() []int {
	var out []int
	for i, a := range v.s.Assessment().Actions {
		if a.Status != app.ActionDismissed {
			out = append(out, i)
		}
	}
	return out
}

// title is an action's title in the UI language: a suggestion's is its
// recommendation's.
func (v *view) title(a app.Action) string {
	return app.ExplainAction(a, v.tr).Title
}
