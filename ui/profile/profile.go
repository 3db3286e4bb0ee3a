package profile

import (
	"errors"
	"slices"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/markets"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// Step is step 1: every field of the company profile, validated as
// it is typed. Valid values go to the session at once (it autosaves);
// invalid text stays in its field with the reason under it and is never stored.
func Step() session.Step {
	return session.Step{
		ID: "profile", TitleID: "ui.step.profile",
		Build:    func(s *session.Session) session.StepView { return newView(s) },
		Progress: progress,
	}
}

// progress counts the key profile fields filled in (app.ProfileProgress).
func progress(s *session.Session) (done, total int) {
	return app.ProfileProgress(s.Company())
}

// View is the profile step. It keeps its widgets by the JSON name of
// their field ("contact.email") so tests can type and choose on them.
type View struct {
	s         *session.Session
	loc       *locales.Localizer
	Entries   map[string]*entry
	Notes     map[string]*widget.Label
	selects   map[string]*widget.Select
	checks    map[string]*widget.Check
	languages *markets.Picker
	content   fyne.CanvasObject
}

// item is one cell of the form.
type item interface {
	build(v *View) fyne.CanvasObject
}

// wide is an item that needs the whole width: long option texts,
// notes, the language picker.
type wide interface {
	isWide() bool
}

func (f textField) isWide() bool { return f.multiLine }
func (f choice) isWide() bool    { return f.wide }
func (languages) isWide() bool   { return true }

// group is a card of the form; each row holds one or two items, and
// rows of short items share the width in two columns, so a lone short field
// does not stretch across the screen.
type group struct {
	title string
	rows  [][]item
}

func newView(s *session.Session) *View {
	v := &View{s: s, loc: s.Loc, Entries: map[string]*entry{}, Notes: map[string]*widget.Label{},
		selects: map[string]*widget.Select{}, checks: map[string]*widget.Check{}}
	box := container.NewVBox(markets.Text(v.loc.T("ui.profile.intro")))
	for _, g := range groups(s.Deps.Now) {
		body := container.NewVBox()
		for _, row := range g.rows {
			cells := make([]fyne.CanvasObject, len(row))
			for i, it := range row {
				cells[i] = it.build(v)
			}
			if w, ok := row[0].(wide); ok && w.isWide() {
				body.Add(container.NewVBox(cells...))
				continue
			}
			body.Add(container.NewGridWithColumns(2, cells...))
		}
		box.Add(widget.NewCard(v.loc.T(g.title), "", body))
	}
	v.content = container.NewVScroll(box)
	return v
}

// Content is the step's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// check validates text for f on a copy of the company and returns the
// reason in the UI language, or nil.
func (v *View) check(f textField, text string) error {
	scratch := *v.s.Company()
	return v.reason(f.set(&scratch, text))
}

func (v *View) reason(err error) error {
	if err == nil {
		return nil
	}
	if fes := validate.FieldErrors(err); len(fes) > 0 {
		return errors.New(v.loc.T(fes[0].MessageID()))
	}
	return errors.New(v.loc.T("error.unknown_value"))
}

func (f textField) build(v *View) fyne.CanvasObject {
	e := newEntry(f.multiLine)
	e.SetText(f.get(v.s.Company(), v.loc))
	note := markets.Text("")
	v.Entries[f.field], v.Notes[f.field] = e, note
	e.Validator = func(text string) error { return v.check(f, text) }
	e.onBlur = func() {
		e.left = true
		v.showNote(f, note, e.Text)
	}
	e.OnChanged = func(text string) {
		v.showNote(f, note, text)
		if v.check(f, text) == nil {
			v.s.EditCompany(func(c *app.Company) { _ = f.set(c, text) })
		}
	}
	v.showNote(f, note, e.Text)
	return container.NewVBox(label(v.loc.T(f.label)), e, note)
}

// showNote shows under the field why its text is refused, once the person
// has left the field (not at the first key of an org.nr), else the hint.
func (v *View) showNote(f textField, note *widget.Label, text string) {
	e := v.Entries[f.field]
	if err := v.check(f, text); err != nil && e.left {
		note.Importance = widget.DangerImportance
		note.SetText(err.Error())
		note.Show()
		return
	}
	note.Importance = widget.LowImportance
	if f.hint == "" {
		note.SetText("")
		note.Hide()
		return
	}
	note.SetText(v.loc.T(f.hint))
	note.Show()
}

func (f choice) build(v *View) fyne.CanvasObject {
	options := []string{v.loc.T("ui.profile.unset")}
	for _, id := range f.ids {
		options = append(options, v.loc.T(f.name(id)))
	}
	sel := widget.NewSelect(options, nil)
	sel.PlaceHolder = v.loc.T("ui.profile.choose")
	if i := slices.Index(f.ids, f.get(v.s.Company())); i >= 0 {
		sel.SetSelectedIndex(i + 1)
	}
	sel.OnChanged = func(string) {
		id := ""
		if i := sel.SelectedIndex(); i > 0 {
			id = f.ids[i-1]
		}
		v.s.EditCompany(func(c *app.Company) { f.set(c, id) })
	}
	v.selects[f.field] = sel
	cell := container.NewVBox(label(v.loc.T(f.label)), sel)
	if f.hint != "" {
		hint := markets.Text(v.loc.T(f.hint))
		hint.Importance = widget.LowImportance
		cell.Add(hint)
	}
	return cell
}

func (f flagField) build(v *View) fyne.CanvasObject {
	check := widget.NewCheck(v.loc.T(f.label), nil)
	check.SetChecked(f.get(v.s.Company()))
	check.OnChanged = func(on bool) { v.s.EditCompany(func(c *app.Company) { f.set(c, on) }) }
	v.checks[f.field] = check
	if f.caption != "" {
		return container.NewVBox(label(v.loc.T(f.caption)), check)
	}
	return check
}

// caption is a label over a group of checks.
type caption string

func (p caption) build(v *View) fyne.CanvasObject {
	return label(v.loc.T(string(p)))
}

// languages chooses the languages management works in.
type languages struct{}

func (languages) build(v *View) fyne.CanvasObject {
	c := v.s.Company()
	v.languages = markets.NewPicker(v.loc, markets.Languages(v.loc.Lang()), c.Experience.Languages,
		v.loc.T("ui.markets.search_language"), func(codes []string) {
			v.s.EditCompany(func(c *app.Company) { c.Experience.Languages = codes })
		})
	return container.NewVBox(label(v.loc.T("ui.profile.languages")), v.languages.Content())
}

// label names a field above it, bold, wrapping when narrow.
func label(text string) *widget.Label { return markets.Label(text) }

// entry is an Entry that knows when focus has left it, so that the
// reason for invalid text shows once the person has finished typing.
type entry struct {
	widget.Entry
	onBlur func()
	// left is true once focus has left the entry.
	left bool
}

func newEntry(multiLine bool) *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(5)
	}
	return e
}

// FocusLost shows the reason for invalid text, if any.
func (e *entry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}
