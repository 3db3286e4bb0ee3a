package ratings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/pomi-planner/pomi/ui/session"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// ChecklistStep is step 6: where each export marketing planning activity
// (Bijmolt & Zwart 1994) stands.
func ChecklistStep() session.Step {
	return session.Step{
		ID: "checklist", TitleID: "ui.step.checklist",
		Build:    func(s *session.Session) session.StepView { return newChecklistView(s) },
		Progress: checklistProgress,
	}
}

// checklistProgress counts the activities with any status, "not started" included:
// the question has been answered.
func checklistProgress(s *session.Session) (int, int) {
	return app.ChecklistProgress(s.Data, s.Assessment())
}

func checklistIDs(d *ref.Data) []string {
	return itemIDs(d.Checklist, func(c ref.ChecklistItem) string { return c.ID })
}

// checklistStatuses are the statuses in the order the options are shown.
var checklistStatuses = []string{app.ChecklistNotStarted, app.ChecklistInProgress, app.ChecklistDone}

// checklistView sets the status of each planning activity and sums up how
// many are done.
type checklistView struct {
	s       *session.Session
	summary *widget.Label
	options []string
	groups  map[string]*widget.RadioGroup
	content fyne.CanvasObject
}

// newChecklistView builds the view over the session's assessment.
func newChecklistView(s *session.Session) *checklistView {
	v := &checklistView{s: s, summary: widget.NewLabel(""), groups: map[string]*widget.RadioGroup{}}
	loc := s.Loc
	for _, st := range checklistStatuses {
		v.options = append(v.options, loc.T("ui.checklist.status."+st))
	}
	header := header(v.summary, loc.T("ui.checklist.intro"))
	var items []fyne.CanvasObject
	for _, c := range s.Data.Checklist {
		items = append(items, v.row(c.ID), widget.NewSeparator())
	}
	if len(s.Data.Checklist) > 0 {
		source := app.FormatCitation(s.Data.Checklist[0].Citation, loc)
		items = append(items, note(loc.Tf("ui.rating.source", map[string]any{"Source": source})))
	}
	v.content = page(header, items...)
	v.refresh()
	return v
}

// Content is the view's canvas object.
func (v *checklistView) Content() fyne.CanvasObject { return v.content }

func (v *checklistView) row(id string) fyne.CanvasObject {
	g := widget.NewRadioGroup(v.options, func(option string) { v.set(id, option) })
	g.Horizontal = true // tapping the chosen status again takes the answer back
	g.Selected = v.optionOf(v.s.Assessment().Checklist[id])
	v.groups[id] = g
	name := textLabel(v.s.Loc.T(ref.ChecklistName(id)))
	name.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewVBox(name, g)
}

func (v *checklistView) optionOf(status string) string {
	for i, st := range checklistStatuses {
		if st == status {
			return v.options[i]
		}
	}
	return ""
}

// set stores an activity's status; no option removes it.
func (v *checklistView) set(id, option string) {
	status := ""
	for i, o := range v.options {
		if o == option {
			status = checklistStatuses[i]
		}
	}
	v.s.EditAssessment(func(a *app.Assessment) {
		a.Checklist = put(a.Checklist, id, status, status != "")
	})
	v.refresh()
}

func (v *checklistView) refresh() {
	done, inProgress := 0, 0
	for _, id := range checklistIDs(v.s.Data) {
		switch v.s.Assessment().Checklist[id] {
		case app.ChecklistDone:
			done++
		case app.ChecklistInProgress:
			inProgress++
		}
	}
	v.summary.SetText(v.s.Loc.Tf("report.checklist.progress", map[string]any{
		"Done": done, "Total": len(v.s.Data.Checklist), "InProgress": inProgress}))
}
