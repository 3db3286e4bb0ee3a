package actions

import (
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// form is the open new/edit dialog, kept so that tests can fill and
// submit it.
type form struct {
	dialog      *dialog.FormDialog
	title       *widget.Entry
	description *widget.Entry
	dimension   *widget.Select
}

// move swaps the planned action at i with its neighbour in the plan, up
// (delta -1) or down (+1); dismissed actions in between keep their place.
func (v *view) move(i, delta int) {
	idx := v.planIndexes()
	for n, k := range idx {
		if k != i || n+delta < 0 || n+delta >= len(idx) {
			continue
		}
		j := idx[n+delta]
		v.s.EditAssessment(func(as *app.Assessment) { as.Actions[i], as.Actions[j] = as.Actions[j], as.Actions[i] })
		v.refresh()
		return
	}
}

// AskRemove asks before removing the action at i, naming it; one from the
// analysis may be suggested again afterwards.
func (v *view) AskRemove(i int) {
	loc := v.s.Loc
	a := v.s.Assessment().Actions[i]
	id := "ui.actions.delete_message"
	if a.Source != app.SourceCustom {
		id = "ui.actions.delete_message_suggested"
	}
	d := dialog.NewConfirm(loc.T("ui.actions.delete_title"), loc.Tf(id, map[string]any{"Title": v.title(a)}),
		func(ok bool) {
			if ok {
				v.remove(i)
			}
		}, v.s.Win)
	d.SetConfirmText(loc.T("ui.actions.delete_confirm"))
	d.SetDismissText(loc.T("ui.actions.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	v.confirm = d
	d.Show()
}

func (v *view) remove(i int) {
	v.s.EditAssessment(func(as *app.Assessment) {
		if i < len(as.Actions) {
			as.Actions = append(as.Actions[:i], as.Actions[i+1:]...)
		}
	})
	v.refresh()
}

// AskNew asks for a custom action: a title, optionally a description and
// the dimension it strengthens.
func (v *view) AskNew() {
	v.showForm("ui.actions.form.new", "ui.actions.form.add", app.Action{}, func(a app.Action) {
		a.Source, a.Status, a.Priority = app.SourceCustom, app.ActionOpen, app.PriorityMedium
		v.s.EditAssessment(func(as *app.Assessment) { as.Actions = append(as.Actions, a) })
		v.refresh()
	})
}

// AskEdit rewords the action at i: its title, description and dimension.
func (v *view) AskEdit(i int) {
	a := v.s.Assessment().Actions[i]
	a.Title = v.title(a)
	v.showForm("ui.actions.form.edit", "ui.actions.form.save", a, func(changed app.Action) {
		v.s.EditAssessment(func(as *app.Assessment) {
			as.Actions[i].Title, as.Actions[i].Description = changed.Title, changed.Description
			as.Actions[i].Dimension = changed.Dimension
		})
		v.refresh()
	})
}

// showForm shows the action dialog filled from a; done gets the action with
// the validated title, description and dimension.
func (v *view) showForm(titleID, confirmID string, a app.Action, done func(app.Action)) {
	loc := v.s.Loc
	f := &form{title: widget.NewEntry(), description: widget.NewMultiLineEntry()}
	f.title.SetText(a.Title)
	f.title.Validator = v.translated(validate.Name)
	f.description.SetText(a.Description)
	f.description.Wrapping = fyne.TextWrapWord
	f.description.SetMinRowsVisible(3)
	f.description.Validator = v.translated(validate.Notes)
	dims := []string{loc.T("ui.actions.form.no_dimension")}
	for _, d := range ref.Dimensions {
		dims = append(dims, v.tr.T(ref.DimensionName(d)))
	}
	f.dimension = widget.NewSelect(dims, nil)
	f.dimension.SetSelectedIndex(0)
	for k, d := range ref.Dimensions {
		if d == a.Dimension {
			f.dimension.SetSelectedIndex(k + 1)
		}
	}
	items := []*widget.FormItem{
		{Text: loc.T("report.col.action"), Widget: f.title},
		{Text: loc.T("ui.actions.form.description"), Widget: f.description},
		{Text: loc.T("report.col.dimension"), Widget: f.dimension},
	}
	f.dialog = dialog.NewForm(loc.T(titleID), loc.T(confirmID), loc.T("ui.actions.cancel"), items, func(ok bool) {
		if ok {
			v.submitForm(f, a, done)
		}
	}, v.s.Win)
	f.dialog.Resize(fyne.NewSize(560, 0))
	v.form = f
	f.dialog.Show()
}

// submitForm checks the form's values once more, since they reach the
// session, and hands them on.
func (v *view) submitForm(f *form, a app.Action, done func(app.Action)) {
	title, desc := strings.TrimSpace(f.title.Text), strings.TrimSpace(f.description.Text)
	if validate.Name(title) != nil || validate.Notes(desc) != nil {
		return
	}
	a.Title, a.Description, a.Dimension = title, desc, ""
	if k := f.dimension.SelectedIndex(); k > 0 {
		a.Dimension = ref.Dimensions[k-1]
	}
	done(a)
}
