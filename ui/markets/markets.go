package markets

import (
	"slices"
	"strings"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// ModesStep is step 2: which entry modes the company uses or plans, and
// where it sells today and wants to sell.
func ModesStep() session.Step {
	return session.Step{
		ID: "modes", TitleID: "ui.step.modes",
		Build:    func(s *session.Session) session.StepView { return newView(s) },
		Progress: progress,
	}
}

// progress counts two things: at least one entry mode chosen, and at
// least one market today or target market named.
func progress(s *session.Session) (done, total int) {
	return app.ModesProgress(s.Company(), s.Assessment())
}

// view is the entry modes and markets step. It keeps its widgets so
// tests can choose and type on them.
type view struct {
	s   *session.Session
	loc *locales.Localizer
	// modes maps an entry mode id to its choice.
	modes   map[string]*widget.RadioGroup
	current *Picker
	target  *Picker
	content fyne.CanvasObject
}

func newView(s *session.Session) *view {
	v := &view{s: s, loc: s.Loc, modes: map[string]*widget.RadioGroup{}}
	modes := container.NewVBox(Text(v.loc.T("ui.markets.modes_intro")))
	for _, m := range s.Data.EntryModes {
		modes.Add(widget.NewSeparator())
		modes.Add(v.modeRow(m))
	}
	countries := countryNames(v.loc.Lang())
	c := s.Company()
	v.current = NewPicker(v.loc, countries, c.CurrentMarkets, v.loc.T("ui.markets.search_country"),
		func(codes []string) { s.EditCompany(func(c *app.Company) { c.CurrentMarkets = codes }) })
	v.target = NewPicker(v.loc, countries, c.TargetMarkets, v.loc.T("ui.markets.search_country"),
		func(codes []string) { s.EditCompany(func(c *app.Company) { c.TargetMarkets = codes }) })
	markets := container.NewVBox(Text(v.loc.T("ui.markets.intro")),
		Label(v.loc.T("report.fact.current_markets")), v.current.Content(),
		Label(v.loc.T("report.fact.target_markets")), v.target.Content(),
	)
	v.content = container.NewVScroll(container.NewVBox(
		widget.NewCard(v.loc.T("ui.markets.modes_heading"), "", modes),
		widget.NewCard(v.loc.T("ui.markets.heading"), "", markets)))
	return v
}

// Content is the step's canvas object.
func (v *view) Content() fyne.CanvasObject { return v.content }

// modeRow shows one entry mode: name, what it is, the competences it
// requires (Katwalo 2006, table 11) and the choice of status.
func (v *view) modeRow(m ref.EntryMode) fyne.CanvasObject {
	options := []string{v.loc.T("ui.markets.status.none"), v.loc.T("ui.markets.status.current"), v.loc.T("ui.markets.status.planned")}
	statuses := []string{"", app.ModeCurrent, app.ModePlanned}
	radio := widget.NewRadioGroup(options, nil)
	radio.Horizontal = true
	radio.Required = true // "not relevant" is a choice too; a second tap must not clear it
	radio.SetSelected(options[max(0, slices.Index(statuses, v.s.Assessment().ModeStatus(m.ID)))])
	id := m.ID
	radio.OnChanged = func(chosen string) {
		status := statuses[max(0, slices.Index(options, chosen))]
		v.s.EditAssessment(func(a *app.Assessment) { a.Modes = setMode(v.s.Data, a.Modes, id, status) })
	}
	v.modes[m.ID] = radio
	names := make([]string, len(m.Competences))
	for i, c := range m.Competences {
		names[i] = v.loc.T(ref.CompetenceName(c))
	}
	// One RichText instead of three labels keeps the eleven modes compact.
	text := widget.NewRichText(
		&widget.TextSegment{Text: v.loc.T(ref.ModeName(m.ID)), Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: v.loc.T(ref.ModeDesc(m.ID)), Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: v.loc.Tf("ui.markets.requires", map[string]any{"Competences": strings.Join(names, ", ")}),
			Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}}},
	)
	text.Wrapping = fyne.TextWrapWord
	return container.NewVBox(text, radio)
}

// setMode returns modes with mode set to status ("" removes it),
// ordered as the reference data lists the modes; choices of modes the data
// no longer has stay at the end, so nothing stored is lost.
func setMode(d *ref.Data, modes []app.ModeChoice, mode, status string) []app.ModeChoice {
	byMode := map[string]string{}
	for _, m := range modes {
		byMode[m.Mode] = m.Status
	}
	byMode[mode] = status
	out := []app.ModeChoice{}
	known := map[string]bool{}
	for _, m := range d.EntryModes {
		known[m.ID] = true
		if st := byMode[m.ID]; st != "" {
			out = append(out, app.ModeChoice{Mode: m.ID, Status: st})
		}
	}
	for _, m := range modes {
		if !known[m.Mode] && byMode[m.Mode] != "" {
			out = append(out, app.ModeChoice{Mode: m.Mode, Status: byMode[m.Mode]})
		}
		known[m.Mode] = true
	}
	return out
}

// Label names a field above it.
func Label(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Text is a paragraph that wraps to the width it gets.
func Text(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
