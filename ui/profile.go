package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// profileStep is step 1: every field of the company profile, validated as
// it is typed. Valid values go to the session at once (it autosaves);
// invalid text stays in its field with the reason under it and is never stored.
func profileStep() Step {
	return Step{
		ID: "profile", TitleID: "ui.step.profile",
		Build:    func(s *Session) StepView { return newProfileView(s) },
		Progress: profileProgress,
	}
}

// profileKeyFields are the fields the progress counts: who the company is
// (name, org.nr, city, contact), what the analysis and the plan use (sector,
// size, turnover, export share, export stage, orientation) and the
// management's experience abroad (travel or a language). Everything else is
// useful but optional.
var profileKeyFields = []func(c *app.Company) bool{
	func(c *app.Company) bool { return c.Name != "" },
	func(c *app.Company) bool { return c.OrgNr != "" },
	func(c *app.Company) bool { return c.Address.City != "" },
	func(c *app.Company) bool { return c.Sector != "" },
	func(c *app.Company) bool { return c.Employees != nil },
	func(c *app.Company) bool { return c.TurnoverSEK != nil },
	func(c *app.Company) bool { return c.ExportShare != nil },
	func(c *app.Company) bool { return c.ExportStage != "" },
	func(c *app.Company) bool { return c.Orientation != "" },
	func(c *app.Company) bool { return c.Contact.Name != "" },
	func(c *app.Company) bool { return c.Experience.Travel != "" || len(c.Experience.Languages) > 0 },
}

// profileProgress counts the key fields filled in.
func profileProgress(s *Session) (done, total int) {
	for _, filled := range profileKeyFields {
		if filled(s.Company()) {
			done++
		}
	}
	return done, len(profileKeyFields)
}

// profileView is the profile step. It keeps its widgets by the JSON name of
// their field ("contact.email") so tests can type and choose on them.
type profileView struct {
	s         *Session
	loc       *locales.Localizer
	entries   map[string]*profileEntry
	notes     map[string]*widget.Label
	selects   map[string]*widget.Select
	checks    map[string]*widget.Check
	languages *marketsPicker
	content   fyne.CanvasObject
}

// profileItem is one cell of the form.
type profileItem interface {
	build(v *profileView) fyne.CanvasObject
}

// profileWide is an item that needs the whole width: long option texts,
// notes, the language picker.
type profileWide interface {
	isWide() bool
}

func (f profileText) isWide() bool    { return f.multiLine }
func (f profileChoice) isWide() bool  { return f.wide }
func (profileLanguages) isWide() bool { return true }

// profileGroup is a card of the form; each row holds one or two items, and
// rows of short items share the width in two columns, so a lone short field
// does not stretch across the screen.
type profileGroup struct {
	title string
	rows  [][]profileItem
}

func newProfileView(s *Session) *profileView {
	v := &profileView{s: s, loc: s.Loc, entries: map[string]*profileEntry{}, notes: map[string]*widget.Label{},
		selects: map[string]*widget.Select{}, checks: map[string]*widget.Check{}}
	box := container.NewVBox(marketsText(v.loc.T("ui.profile.intro")))
	for _, g := range profileGroups() {
		body := container.NewVBox()
		for _, row := range g.rows {
			cells := make([]fyne.CanvasObject, len(row))
			for i, it := range row {
				cells[i] = it.build(v)
			}
			if w, ok := row[0].(profileWide); ok && w.isWide() {
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
func (v *profileView) Content() fyne.CanvasObject { return v.content }

// check validates text for f on a copy of the company and returns the
// reason in the UI language, or nil.
func (v *profileView) check(f profileText, text string) error {
	scratch := *v.s.Company()
	return v.reason(f.set(&scratch, text))
}

func (v *profileView) reason(err error) error {
	if err == nil {
		return nil
	}
	if fes := app.FieldErrors(err); len(fes) > 0 {
		return errors.New(v.loc.T(fes[0].MessageID()))
	}
	return errors.New(v.loc.T("error.unknown_value"))
}

func (f profileText) build(v *profileView) fyne.CanvasObject {
	e := newProfileEntry(f.multiLine)
	e.SetText(f.get(v.s.Company(), v.loc))
	note := marketsText("")
	v.entries[f.field], v.notes[f.field] = e, note
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
	return container.NewVBox(profileLabel(v.loc.T(f.label)), e, note)
}

// showNote shows under the field why its text is refused, once the person
// has left the field (not at the first key of an org.nr), else the hint.
func (v *profileView) showNote(f profileText, note *widget.Label, text string) {
	e := v.entries[f.field]
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

func (f profileChoice) build(v *profileView) fyne.CanvasObject {
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
	cell := container.NewVBox(profileLabel(v.loc.T(f.label)), sel)
	if f.hint != "" {
		hint := marketsText(v.loc.T(f.hint))
		hint.Importance = widget.LowImportance
		cell.Add(hint)
	}
	return cell
}

func (f profileFlag) build(v *profileView) fyne.CanvasObject {
	check := widget.NewCheck(v.loc.T(f.label), nil)
	check.SetChecked(f.get(v.s.Company()))
	check.OnChanged = func(on bool) { v.s.EditCompany(func(c *app.Company) { f.set(c, on) }) }
	v.checks[f.field] = check
	if f.caption != "" {
		return container.NewVBox(profileLabel(v.loc.T(f.caption)), check)
	}
	return check
}

// profileCaption is a label over a group of checks.
type profileCaption string

func (p profileCaption) build(v *profileView) fyne.CanvasObject {
	return profileLabel(v.loc.T(string(p)))
}

// profileLanguages chooses the languages management works in.
type profileLanguages struct{}

func (profileLanguages) build(v *profileView) fyne.CanvasObject {
	c := v.s.Company()
	v.languages = newMarketsPicker(v.loc, marketsLanguages(v.loc.Lang()), c.Experience.Languages,
		v.loc.T("ui.markets.search_language"), func(codes []string) {
			v.s.EditCompany(func(c *app.Company) { c.Experience.Languages = codes })
		})
	return container.NewVBox(profileLabel(v.loc.T("ui.profile.languages")), v.languages.Content())
}

// profileLabel names a field above it, bold, wrapping when narrow.
func profileLabel(text string) *widget.Label { return marketsLabel(text) }

// profileEntry is an Entry that knows when focus has left it, so that the
// reason for invalid text shows once the person has finished typing.
type profileEntry struct {
	widget.Entry
	onBlur func()
	// left is true once focus has left the entry.
	left bool
}

func newProfileEntry(multiLine bool) *profileEntry {
	e := &profileEntry{}
	e.ExtendBaseWidget(e)
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(5)
	}
	return e
}

// FocusLost shows the reason for invalid text, if any.
func (e *profileEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}
