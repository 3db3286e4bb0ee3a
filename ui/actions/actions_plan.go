package actions

import (
	"errors"
	"image/color"
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// The choices of the status and priority selects, in their order.
var (
	statuses   = []string{app.ActionOpen, app.ActionInProgress, app.ActionDone}
	priorities = []string{app.PriorityHigh, app.PriorityMedium, app.PriorityLow}
)

// row is one action of the plan; index is its position in
// Assessment.Actions, valid until the next structural change rebuilds the rows.
type row struct {
	index    int
	box      *fyne.Container
	title    string
	text     *widget.RichText
	owner    *widget.Entry
	due      *widget.Entry
	status   *widget.Select
	priority *widget.Select
	// problem says why a field was not saved; hidden when all are fine.
	problem  *widget.Label
	ownerErr error
	dueErr   error
	up, down *widget.Button
	edit     *widget.Button
	remove   *widget.Button
}

// columnHeader names the columns of the rows' field line; a blank as wide
// as a row's buttons keeps the columns in line with the rows'.
func (v *view) columnHeader() fyne.CanvasObject {
	loc := v.s.Loc
	var cells []fyne.CanvasObject
	for _, id := range []string{"report.col.owner", "report.col.due", "report.col.status", "ui.actions.col.priority"} {
		l := widget.NewLabelWithStyle(loc.T(id), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, l)
	}
	blank := canvas.NewRectangle(color.Transparent)
	blank.SetMinSize(rowButtons(nil, nil, nil, nil).MinSize())
	return container.New(columns{}, append(cells, blank)...)
}

// rowButtons lines up a row's move, edit and remove buttons.
func rowButtons(up, down, edit, remove *widget.Button) *fyne.Container {
	box := container.NewHBox()
	for k, b := range []*widget.Button{up, down, edit, remove} {
		if b == nil {
			b = widget.NewButtonWithIcon("", []fyne.Resource{theme.MoveUpIcon(), theme.MoveDownIcon(),
				theme.DocumentCreateIcon(), theme.DeleteIcon()}[k], nil)
		}
		b.Importance = widget.LowImportance
		box.Add(b)
	}
	return box
}

func (v *view) newRow(i int, first, last bool) *row {
	a := v.s.Assessment().Actions[i]
	r := &row{index: i, title: v.title(a)}
	r.text = widget.NewRichText(v.rowText(r.title, a)...)
	r.text.Wrapping = fyne.TextWrapWord
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.move(i, -1) })
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.move(i, 1) })
	r.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { v.AskEdit(i) })
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.AskRemove(i) })
	if first {
		r.up.Disable()
	}
	if last {
		r.down.Disable()
	}
	v.rowFields(r, a)
	r.problem = widget.NewLabel("")
	r.problem.Wrapping = fyne.TextWrapWord
	r.problem.Importance = widget.DangerImportance
	r.problem.Hide()
	fields := container.New(columns{}, r.owner, r.due, r.status, r.priority,
		rowButtons(r.up, r.down, r.edit, r.remove))
	r.box = container.NewVBox(r.text, fields, r.problem, widget.NewSeparator())
	return r
}

// descriptionRunes caps the description shown in a row; the edit
// dialog shows all of it.
const descriptionRunes = 240

// rowText is a row's title in bold, its description and the facts line.
func (v *view) rowText(title string, a app.Action) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: strongParagraph()}}
	if d := strings.TrimSpace(a.Description); d != "" {
		if r := []rune(d); len(r) > descriptionRunes {
			d = string(r[:descriptionRunes]) + " …"
		}
		segs = append(segs, &widget.TextSegment{Text: strings.Join(strings.Fields(d), " "), Style: widget.RichTextStyleParagraph})
	}
	return append(segs, &widget.TextSegment{Text: v.rowFacts(a), Style: mutedParagraph()})
}

// rowFacts is the line under a planned action's title: its dimension,
// where it came from and the support organisations.
func (v *view) rowFacts(a app.Action) string {
	loc := v.s.Loc
	var parts []string
	if a.Dimension != "" {
		parts = append(parts, v.tr.T(ref.DimensionName(a.Dimension)))
	}
	if a.Source == app.SourceCustom {
		parts = append(parts, loc.T("ui.actions.source_custom"))
	} else {
		parts = append(parts, loc.T("ui.actions.source_suggested"))
	}
	if names := actorNames(app.ExplainAction(a, v.tr)); names != "" {
		parts = append(parts, loc.Tf("ui.actions.support", map[string]any{"Names": names}))
	}
	return strings.Join(parts, " · ")
}

// rowFields makes the row's owner and due date entries and its status and
// priority selects; every valid change goes to the session at once.
func (v *view) rowFields(r *row, a app.Action) {
	loc := v.s.Loc
	i := r.index
	r.owner = widget.NewEntry()
	// A suggested action names a role, e.g. "Exportansvarig"; the advisor
	// writes the person in its place.
	hint := loc.T("ui.actions.owner_placeholder")
	if a.OwnerRole != "" {
		hint = v.tr.T(ref.VocabName("owner", a.OwnerRole))
	}
	r.owner.SetPlaceHolder(hint)
	r.owner.SetText(a.Owner)
	r.owner.AlwaysShowValidationError = true
	r.owner.OnChanged = func(s string) {
		r.ownerErr = validate.Text(s, validate.MaxShortLen)
		r.owner.SetValidationError(r.ownerErr)
		if r.ownerErr == nil {
			v.s.EditAssessment(func(as *app.Assessment) { as.Actions[i].Owner = strings.TrimSpace(s) })
		}
		v.showProblem(r)
	}
	r.due = widget.NewEntry()
	r.due.SetPlaceHolder(loc.T("ui.actions.due_placeholder"))
	r.due.SetText(a.Due)
	r.due.AlwaysShowValidationError = true
	r.due.OnChanged = func(s string) {
		r.dueErr = checkDue(s)
		r.due.SetValidationError(r.dueErr)
		if r.dueErr == nil {
			v.s.EditAssessment(func(as *app.Assessment) { as.Actions[i].Due = normalDue(s) })
		}
		v.showProblem(r)
	}
	r.status = v.choiceSelect("ui.actions.status.", statuses, a.Status, func(val string) {
		v.s.EditAssessment(func(as *app.Assessment) { as.Actions[i].Status = val })
	})
	r.priority = v.choiceSelect("ui.actions.priority.", priorities, a.Priority, func(val string) {
		v.s.EditAssessment(func(as *app.Assessment) { as.Actions[i].Priority = val })
	})
}

// checkDue accepts an empty due date or a valid YYYY-MM-DD one.
func checkDue(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := validate.ParseDate(s)
	return err
}

func normalDue(s string) string {
	if t, err := validate.ParseDate(s); err == nil {
		return t.Format(validate.DateLayout)
	}
	return ""
}

// choiceSelect is a select over values shown by their messages prefix+value;
// onPick gets the value chosen.
func (v *view) choiceSelect(prefix string, values []string, current string, onPick func(string)) *widget.Select {
	labels := make([]string, len(values))
	for k, val := range values {
		labels[k] = v.s.Loc.T(prefix + val)
	}
	sel := widget.NewSelect(labels, nil)
	// The placeholder sets the select's minimum width; every action has a
	// value, so a dash keeps the rows narrow enough for a small screen.
	sel.PlaceHolder = "–"
	for k, val := range values {
		if val == current {
			sel.SetSelectedIndex(k)
		}
	}
	sel.OnChanged = func(string) {
		if k := sel.SelectedIndex(); k >= 0 {
			onPick(values[k])
		}
	}
	return sel
}

// translated wraps a validator so that the entry shows its reason in the
// UI language.
func (v *view) translated(check func(string) error) func(string) error {
	return func(s string) error {
		if err := check(s); err != nil {
			return errors.New(v.message(err))
		}
		return nil
	}
}

// message is the translated reason for a validation error.
func (v *view) message(err error) string {
	if fe := validate.FieldErrors(err); len(fe) > 0 {
		return v.s.Loc.T(fe[0].MessageID())
	}
	return v.s.Loc.T("error.unknown_value")
}

func (v *view) showProblem(r *row) {
	var msgs []string
	for _, err := range []error{r.ownerErr, r.dueErr} {
		if err != nil {
			msgs = append(msgs, v.message(err))
		}
	}
	r.problem.SetText(strings.Join(msgs, " "))
	if len(msgs) == 0 {
		r.problem.Hide()
	} else {
		r.problem.Show()
	}
}

// columns lays a row's four fields side by side in fixed shares of
// the width, and its buttons at the end, so that every row and the header
// line up whatever their texts.
type columns struct{}

var columnShares = [4]float32{0.32, 0.22, 0.24, 0.22}

// Layout gives the first four objects their share of the width and a
// fifth, the buttons, its minimum width at the end.
func (columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(len(objs)-1)
	if len(objs) == 5 {
		w := objs[4].MinSize().Width
		free -= w
		objs[4].Resize(fyne.NewSize(w, size.Height))
		objs[4].Move(fyne.NewPos(size.Width-w, 0))
	}
	x := float32(0)
	for k, o := range objs[:min(4, len(objs))] {
		w := free * columnShares[k]
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}

// MinSize is the objects' minimum widths side by side: on a narrow screen
// the columns keep their shares and the selects shorten their text.
func (columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w, h = w+m.Width, max(h, m.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}
