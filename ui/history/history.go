package history

import (
	"errors"
	"sort"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/results"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
)

// Step is step 10: the company's assessments by date, switching
// between them, starting a follow-up and comparing two.
func Step() session.Step {
	return session.Step{ID: "history", TitleID: "ui.step.history", Build: func(s *session.Session) session.StepView { return newView(s) }}
}

// entry is one assessment in the list, newest first.
type entry struct {
	// index is the assessment's place in Session.History, -1 for a new one not saved yet.
	index int
	id    app.AssessmentID
	a     *app.Assessment
	// editing marks the assessment the workspace edits now.
	editing bool
	// label names it in the compare choices, unique within the list.
	label string
}

// view lists the assessments and compares two of them. It rebuilds
// itself after switching or starting a follow-up; the workspace hears of the
// change through Session.OnChange.
type view struct {
	s *session.Session

	entries     []entry
	rows        *fyne.Container
	openButtons map[app.AssessmentID]*widget.Button
	followUp    *widget.Button
	confirm     *dialog.ConfirmDialog
	from, to    *widget.Select
	comparison  *fyne.Container
	// lastError is the translated message of the last failure shown, for tests.
	lastError string

	body    *fyne.Container
	content fyne.CanvasObject
}

func newView(s *session.Session) *view {
	v := &view{s: s, body: container.NewVBox()}
	v.content = container.NewVScroll(container.NewPadded(v.body))
	v.refresh()
	return v
}

// Content is the view's canvas object.
func (v *view) Content() fyne.CanvasObject { return v.content }

// refresh rebuilds the list and the comparison from the session.
func (v *view) refresh() {
	loc := v.s.Loc
	v.entries = entries(v.s)
	v.followUp = widget.NewButtonWithIcon(loc.T("ui.history.follow_up"), theme.ContentAddIcon(), v.askFollowUp)
	v.followUp.Importance = widget.HighImportance
	lead := results.Wrapped(loc.Tf("ui.history.lead", map[string]any{"Company": v.s.Company().Name}), fyne.TextStyle{})
	v.rows = container.NewVBox()
	v.openButtons = map[app.AssessmentID]*widget.Button{}
	for _, e := range v.entries {
		v.rows.Add(v.row(e))
	}
	if len(v.entries) == 0 {
		v.rows.Add(results.Wrapped(loc.T("ui.history.none"), fyne.TextStyle{}))
	}
	v.body.Objects = []fyne.CanvasObject{
		results.Heading(loc.T("ui.step.history")), lead,
		container.NewHBox(v.followUp), v.rows,
		results.Heading(loc.T("ui.history.compare.heading")), v.compareSection(),
	}
	v.body.Refresh()
}

// entries lists the stored assessments newest first, the one being
// edited as its working copy (it may have edits not saved yet), and a new
// unsaved one first when that is what the workspace edits.
func entries(s *session.Session) []entry {
	var out []entry
	for i := range s.History() {
		h := &s.History()[i]
		e := entry{index: i, id: h.ID, a: &h.Assessment}
		if i == s.Editing() {
			e.a, e.editing = s.Assessment(), true
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].a.Date != out[j].a.Date {
			return out[i].a.Date > out[j].a.Date
		}
		return out[i].index > out[j].index
	})
	if s.Editing() < 0 {
		out = append([]entry{{index: -1, a: s.Assessment(), editing: true}}, out...)
	}
	seen := map[string]int{}
	for i := range out {
		label := date(s, out[i].a.Date, false)
		if out[i].a.Assessor != "" {
			label += " · " + out[i].a.Assessor
		}
		if seen[label]++; seen[label] > 1 {
			label += " (" + s.Loc.Number(float64(seen[label]), 0) + ")"
		}
		out[i].label = label
	}
	return out
}

// date writes a stored date long ("10 november 2026") or short
// ("10 nov. 2026"); a date that does not parse is shown as it is.
func date(s *session.Session, date string, long bool) string {
	t, err := validate.ParseDate(date)
	switch {
	case err != nil:
		return date
	case long:
		return s.Loc.DateLong(t)
	}
	return s.Loc.DateShort(t)
}

// row shows one assessment: its date, who assessed, the POMI average, the
// actions, and an Open button unless it is the one being edited.
func (v *view) row(e entry) fyne.CanvasObject {
	loc := v.s.Loc
	title := date(v.s, e.a.Date, true)
	if e.index < 0 {
		title += " · " + loc.T("ui.history.unsaved")
	}
	head := container.NewHBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if e.editing {
		mark := widget.NewLabelWithStyle(loc.T("ui.history.editing"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		mark.Importance = widget.HighImportance
		head.Add(widget.NewIcon(theme.DocumentCreateIcon()))
		head.Add(mark)
	}
	detail := results.Wrapped(v.rowDetail(e.a), fyne.TextStyle{})
	var right fyne.CanvasObject
	if e.id != 0 {
		id := e.id
		open := widget.NewButtonWithIcon(loc.T("ui.history.open"), theme.FolderOpenIcon(), func() { v.open(id) })
		if e.editing {
			open.Disable()
		}
		v.openButtons[id] = open
		right = container.NewCenter(open)
	}
	return container.NewVBox(container.NewBorder(nil, nil, nil, right, container.NewVBox(head, detail)), widget.NewSeparator())
}

// rowDetail says who assessed, how far the POMI scores have come and where
// the actions stand, in one line.
func (v *view) rowDetail(a *app.Assessment) string {
	loc := v.s.Loc
	assessor := loc.T("ui.history.no_assessor")
	if a.Assessor != "" {
		assessor = loc.Tf("ui.history.assessor", map[string]any{"Name": a.Assessor})
	}
	return assessor + " · " + v.averageText(a) + " · " + actionsText(v.s, a)
}

// averageText is the mean score of the assessed dimensions, saying how many
// of them are assessed when not all are.
func (v *view) averageText(a *app.Assessment) string {
	loc := v.s.Loc
	an := app.Analyze(v.s.Data, v.s.Company(), a)
	sum, n := 0.0, 0
	for _, d := range an.Dimensions {
		if d.Assessed() {
			sum, n = sum+*d.Score, n+1
		}
	}
	switch {
	case n == 0:
		return loc.T("ui.history.not_assessed")
	case n < len(an.Dimensions):
		return loc.Tf("ui.history.average_partial", map[string]any{
			"Score": loc.Number(sum/float64(n), 0), "Assessed": n, "Total": len(an.Dimensions)})
	}
	return loc.Tf("ui.history.average", map[string]any{"Score": loc.Number(sum/float64(n), 0)})
}

func actionsText(s *session.Session, a *app.Assessment) string {
	done, open := 0, 0
	for _, act := range a.Actions {
		switch act.Status {
		case app.ActionDone:
			done++
		case app.ActionOpen, app.ActionInProgress:
			open++
		}
	}
	if done+open == 0 {
		return s.Loc.T("ui.history.no_actions")
	}
	return s.Loc.Tf("ui.history.actions", map[string]any{"Done": done, "Open": open})
}

// open makes the workspace edit assessment id.
func (v *view) open(id app.AssessmentID) {
	v.s.SwitchTo(id, func(err error) {
		if err != nil {
			v.fail("switch assessment", "ui.history.error.open", err)
		}
		v.refresh()
	})
}

// askFollowUp says what a follow-up copies and starts it on confirmation.
func (v *view) askFollowUp() {
	loc := v.s.Loc
	// StartFollowUp saves a new, unsaved assessment first, so then that one is the latest.
	latest := v.s.Assessment().Date
	if n := len(v.s.History()); n > 0 && v.s.Editing() >= 0 {
		latest = v.s.History()[n-1].Date
	}
	from := loc.Tf("ui.history.follow_up.from", map[string]any{"Date": date(v.s, latest, true)})
	msg := loc.Tf("ui.history.follow_up.confirm", map[string]any{"Date": loc.DateLong(v.s.Deps.Now()), "From": from})
	v.confirm = dialog.NewConfirm(loc.T("ui.history.follow_up"), msg, func(ok bool) {
		if ok {
			v.startFollowUp()
		}
	}, v.s.Win)
	v.confirm.SetConfirmText(loc.T("ui.history.follow_up.start"))
	v.confirm.SetDismissText(loc.T("ui.history.cancel"))
	v.confirm.Show()
}

// startFollowUp makes and saves the next assessment from the latest one.
func (v *view) startFollowUp() {
	v.s.StartFollowUp(v.s.Deps.Now(), func(err error) {
		if err != nil {
			v.fail("start a follow-up assessment", "ui.history.error.follow_up", err)
		}
		v.refresh()
	})
}

// fail logs the detail and shows a short translated message.
func (v *view) fail(what, msgID string, err error) {
	kit.LogError(what, err)
	v.lastError = v.s.Loc.T(msgID)
	if v.s.Win != nil {
		dialog.ShowError(errors.New(v.lastError), v.s.Win)
	}
}
