package firststart

import (
	"context"
	"errors"
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/fynelang"
	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// firstStartWidth is the widest the page's column grows, so that lines stay
// easy to read on a wide screen; narrower windows get the whole width.
const firstStartWidth = 640

// Choice is what the person chose on the first start page.
type Choice struct {
	// Language is the UI language chosen, e.g. "sv".
	Language string
	// UsedBy is "advisor" or "company", as app.Settings.UsedBy.
	UsedBy string
	// Organisation is the advisor's organisation, "" when not given.
	Organisation string
	// LoadExamples is whether to load the three example companies.
	LoadExamples bool
}

// firstStart is the welcome page; it keeps its widgets so tests can drive it.
type firstStart struct {
	deps   *kit.Deps
	loc    *locales.Localizer
	st     kit.Store
	onDone func(Choice)

	usedBy          string
	examplesTouched bool // the person ticked or unticked it: keep their choice
	saving          bool
	problemID       string // message shown under the button, "" for none

	title, intro, langLabel, who *widget.Label
	language                     *widget.Select
	advisor, company             *widgets.ChoiceOption
	orgLabel                     *widget.Label
	org                          *widget.Entry
	orgBox                       *fyne.Container
	examples                     *widget.Check
	later, problem               *widget.Label
	start                        *widgets.ChoiceButton
	column                       *fyne.Container
	content                      fyne.CanvasObject
}

// NewFirstStart returns the welcome page shown instead of the app until the
// person has said who uses it. It starts in loc's language (the caller takes
// it from the OS); choosing another language re-renders the page in place,
// keeping what was chosen and the focus, and switches Fyne's own labels
// (ApplyFyneLanguage). "Kom igång" saves UsedBy, UILanguage and, if given,
// the organisation's name in the settings (off the UI thread, keeping the
// other settings), then calls onDone on the UI thread; the caller applies
// the language to the app, loads the examples if asked and shows the app.
func NewFirstStart(deps *kit.Deps, loc *locales.Localizer, st kit.Store, onDone func(Choice)) fyne.CanvasObject {
	return newFirstStart(deps, loc, st, onDone).content
}

func newFirstStart(deps *kit.Deps, loc *locales.Localizer, st kit.Store, onDone func(Choice)) *firstStart {
	p := &firstStart{deps: deps, loc: loc, st: st, onDone: onDone}
	p.buildUI()
	p.setTexts()
	return p
}

// buildUI lays the page out in reading order, which is also the Tab order.
func (p *firstStart) buildUI() {
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.SizeName = theme.SizeNameHeadingText
	p.title.Wrapping = fyne.TextWrapWord
	p.intro = wrapped()
	p.langLabel = widget.NewLabel("")
	p.language = widget.NewSelect(languageNames(), func(name string) { p.setLanguage(languageOf(name)) })
	p.who = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.who.SizeName = theme.SizeNameSubHeadingText
	p.advisor = widgets.NewChoiceOption(func() { p.choose(app.UsedByAdvisor) })
	p.company = widgets.NewChoiceOption(func() { p.choose(app.UsedByCompany) })
	p.orgLabel = widget.NewLabel("")
	p.org = widget.NewEntry()
	p.org.Validator = p.validateOrganisation
	p.org.OnSubmitted = func(string) { p.submit() }
	p.orgBox = container.NewVBox(p.orgLabel, p.org)
	p.orgBox.Hide()
	p.examples = widget.NewCheck("", func(bool) { p.examplesTouched = true })
	p.later = wrapped()
	p.later.TextStyle = fyne.TextStyle{Italic: true}
	p.problem = wrapped()
	p.problem.Importance = widget.DangerImportance
	p.problem.Hide()
	p.start = widgets.NewChoiceButton(p.submit)
	language := container.NewHBox(p.langLabel, p.language)
	p.column = container.NewVBox(p.title, p.intro, language, widget.NewSeparator(), p.who,
		p.advisor.Content, p.company.Content, p.orgBox, p.examples, widget.NewSeparator(), p.later,
		container.NewHBox(layout.NewSpacer(), p.start), p.problem)
	p.content = container.NewVScroll(container.New(widgets.Column{Width: firstStartWidth, Middle: true}, p.column))
}

// setTexts writes every text in the page's language.
func (p *firstStart) setTexts() {
	t := p.loc.T
	p.title.SetText(t("ui.first_start.title"))
	p.intro.SetText(t("ui.first_start.intro"))
	p.langLabel.SetText(t("window.language"))
	p.language.SetSelected(t("language." + p.loc.Lang() + ".name"))
	p.who.SetText(t("ui.first_start.who"))
	p.advisor.SetText(t("ui.first_start.advisor"), t("ui.first_start.advisor_hint"))
	p.company.SetText(t("ui.first_start.company"), t("ui.first_start.company_hint"))
	p.orgLabel.SetText(t("ui.first_start.organisation"))
	p.org.SetPlaceHolder(t("ui.first_start.organisation_placeholder"))
	p.examples.SetText(t("ui.first_start.examples"))
	p.later.SetText(t("ui.first_start.later"))
	p.start.SetText(t("ui.first_start.start"))
	if p.problemID != "" {
		p.problem.SetText(t(p.problemID))
	}
	if p.org.Text != "" {
		_ = p.org.Validate() // the reason, if any, in the new language
	}
}

// setLanguage shows the page in lang and switches Fyne's own labels with it.
func (p *firstStart) setLanguage(lang string) {
	if lang == p.loc.Lang() {
		return
	}
	loc, err := locales.New(lang)
	if err != nil {
		return
	}
	p.loc = loc
	fynelang.ApplyFyneLanguage(lang)
	p.setTexts()
}

// choose records who uses the program. Advisors get the example companies
// ticked, a company its own plan only, unless the box was set by hand.
func (p *firstStart) choose(usedBy string) {
	p.usedBy = usedBy
	p.advisor.SetSelected(usedBy == app.UsedByAdvisor)
	p.company.SetSelected(usedBy == app.UsedByCompany)
	if usedBy == app.UsedByAdvisor {
		p.orgBox.Show()
	} else {
		p.orgBox.Hide()
	}
	p.column.Refresh() // lay out again around the organisation field
	if !p.examplesTouched {
		p.examples.SetChecked(usedBy == app.UsedByAdvisor)
		p.examplesTouched = false // SetChecked ran OnChanged
	}
	if p.problemID == "ui.first_start.choose" {
		p.showProblem("")
	}
}

// validateOrganisation refuses what the settings cannot keep, in words.
func (p *firstStart) validateOrganisation(s string) error {
	var fe *validate.FieldError
	if err := validate.Text(s, validate.MaxShortLen); errors.As(err, &fe) {
		return errors.New(p.loc.T(fe.MessageID()))
	}
	return nil
}

// choice is what the page says now.
func (p *firstStart) choice() Choice {
	c := Choice{Language: p.loc.Lang(), UsedBy: p.usedBy, LoadExamples: p.examples.Checked}
	if p.usedBy == app.UsedByAdvisor {
		c.Organisation = strings.TrimSpace(p.org.Text)
	}
	return c
}

// submit saves the choice and hands it on; an invalid or missing answer
// stays on the page with the reason.
func (p *firstStart) submit() {
	if p.saving {
		return
	}
	if p.usedBy == "" {
		p.showProblem("ui.first_start.choose")
		return
	}
	if p.usedBy == app.UsedByAdvisor && p.org.Validate() != nil {
		return // the field shows why
	}
	c := p.choice()
	p.saving = true
	p.start.Disable()
	var err error
	p.deps.Async(func() { err = save(p.st, c) }, func() {
		p.saving = false
		p.start.Enable()
		if err != nil {
			kit.LogError("save first start", err)
			p.showProblem("ui.first_start.save_failed")
			return
		}
		p.showProblem("")
		if p.onDone != nil {
			p.onDone(c)
		}
	})
}

func (p *firstStart) showProblem(id string) {
	p.problemID = id
	if id == "" {
		p.problem.Hide()
	} else {
		p.problem.SetText(p.loc.T(id))
		p.problem.Show()
	}
	p.column.Refresh()
}

// save writes the choice into the settings, keeping the others.
func save(st kit.Store, c Choice) error {
	ctx := context.Background()
	s, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	s.UsedBy, s.UILanguage = c.UsedBy, c.Language
	if c.Organisation != "" {
		s.Branding.Organisation = c.Organisation
	}
	return st.SaveSettings(ctx, s)
}

func wrapped() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// languageNames lists each language in its own name, e.g. "Svenska".
func languageNames() []string {
	var names []string
	for _, l := range locales.Languages() {
		names = append(names, locales.MustNew(l).T("language."+l+".name"))
	}
	return names
}

func languageOf(name string) string {
	for _, l := range locales.Languages() {
		if locales.MustNew(l).T("language."+l+".name") == name {
			return l
		}
	}
	return locales.Default
}
