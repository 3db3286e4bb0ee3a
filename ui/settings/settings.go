package settings

import (
	"context"
	"fmt"
	"sync"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// Screen is where the organisation brands its plans and the user
// chooses languages, paper, and looks after the data and its backups. Every
// valid change is saved shortly after it is made; an invalid field keeps its
// text, says why, and is not saved.
type Screen struct {
	deps  *kit.Deps
	win   fyne.Window
	store kit.Store
	maint kit.Maintenance
	Loc   *locales.Localizer

	// OnLanguage is called with the new UI language once it is saved; the
	// window is rebuilt in that language.
	OnLanguage func(lang string)
	// OnSaved is called on the UI thread after settings were saved, e.g. to
	// apply the organisation's colour as the accent.
	OnSaved func(*app.Settings)
	// OnRestored is called after a backup replaced the database, so the
	// other screens can read it again.
	OnRestored func()

	// settings is the working copy; widgets change it only with valid values.
	settings app.Settings
	// filling is true while widgets are set from settings, so their change
	// callbacks do not count as edits.
	filling bool
	// Invalid names the fields whose text is not valid now.
	Invalid map[string]bool
	version int
	saver   *saver
	Auto    session.Autosave[Snapshot]
	State   *widget.Label
	header  *fyne.Container
	Scroll  *container.Scroll

	uiLang     *widget.Select
	reportLang *widget.Select
	paper      *widget.RadioGroup
	usedBy     *widget.RadioGroup
	usedByHint *widget.Label
	Branding   *branding
	data       *data
	content    fyne.CanvasObject
	// body holds the cards; AddSection appends to it.
	body *fyne.Container
}

// Snapshot is a copy of the settings to write, numbered so that a
// slow older save never overwrites a newer one.
type Snapshot struct {
	settings app.Settings
	version  int
}

// saver writes snapshots in order: a slow older save never
// overwrites a newer one.
type saver struct {
	mu    sync.Mutex
	store kit.Store
	saved int
}

func (sv *saver) save(snap Snapshot) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if snap.version <= sv.saved {
		return nil
	}
	if err := sv.store.SaveSettings(context.Background(), &snap.settings); err != nil {
		return err
	}
	sv.saved = snap.version
	return nil
}

// NewScreen builds the screen and loads the saved settings; deps runs the
// work off the UI thread and times the autosave; m lists the backups of
// st's folder and judges its place.
func NewScreen(w fyne.Window, deps *kit.Deps, st kit.Store, m kit.Maintenance, loc *locales.Localizer) *Screen {
	s := &Screen{deps: deps, win: w, store: st, maint: m, Loc: loc, Invalid: map[string]bool{}, saver: &saver{store: st}}
	s.Auto = session.Autosave[Snapshot]{Deps: deps, Take: s.snapshot, Write: s.saver.save, Done: s.saved}
	s.State = widget.NewLabel("")
	s.State.Importance = widget.LowImportance
	s.Branding = newBranding(s)
	s.data = newData(s)
	heading := widget.NewLabelWithStyle(loc.T("ui.settings.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(s.languageCard(), s.usedByCard(), s.Branding.card(), s.data.card())
	s.body = body
	s.header = container.NewHBox(heading, layout.NewSpacer(), s.State)
	s.Scroll = container.NewVScroll(container.NewPadded(body))
	s.content = container.NewBorder(s.header, nil, nil, nil, s.Scroll)
	s.Reload()
	return s
}

// Content is the screen's canvas object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Settings returns the working copy, with every valid change made so far.
func (s *Screen) Settings() app.Settings { return s.settings }

// Reload reads the settings and the backups again, e.g. after a restore.
func (s *Screen) Reload() {
	var st *app.Settings
	var err error
	s.deps.Async(func() { st, err = s.store.Settings(context.Background()) }, func() {
		if err != nil {
			kit.LogError("read settings", err)
			s.setState(s.Loc.T("ui.error.storage"), widget.DangerImportance)
			return
		}
		s.settings = *st
		s.fill()
		switch {
		case len(s.Invalid) > 0:
			s.showState() // a saved text the checks refuse
		case !s.Auto.Dirty:
			s.setState("", widget.LowImportance) // fill reset any invalid field
		}
	})
	s.data.reload()
}

// fill shows the working copy in the widgets.
func (s *Screen) fill() {
	s.filling = true
	defer func() { s.filling = false }()
	s.uiLang.SetSelected(languageName(s.Loc.Lang()))
	report := s.settings.ReportLanguage
	if !locales.Supported(report) {
		report = s.Loc.Lang()
	}
	s.reportLang.SetSelected(languageName(report))
	s.paper.SetSelected(s.paperOption(s.settings.PaperSize))
	s.usedBy.SetSelected(s.usedByOption(s.settings.UsedBy))
	s.showUsedBy()
	s.Branding.fill(&s.settings.Branding)
}

func (s *Screen) languageCard() fyne.CanvasObject {
	names := languageNames()
	s.uiLang = widget.NewSelect(names, func(name string) {
		if lang := languageOf(name); !s.filling && lang != s.settings.UILanguage {
			s.settings.UILanguage = lang
			s.Auto.SaveNow(func() {
				if s.OnLanguage != nil {
					s.OnLanguage(lang)
				}
			})
		}
	})
	s.reportLang = widget.NewSelect(names, func(name string) {
		s.edit(func(st *app.Settings) { st.ReportLanguage = languageOf(name) })
	})
	s.paper = widget.NewRadioGroup([]string{s.Loc.T("ui.settings.paper.a4"), s.Loc.T("ui.settings.paper.letter")}, func(opt string) {
		s.edit(func(st *app.Settings) { st.PaperSize = s.paperValue(opt) })
	})
	s.paper.Horizontal = true
	s.paper.Required = true // one of the two, never none
	return card(s.Loc.T("ui.settings.language.title"),
		field(s.Loc.T("ui.settings.language.ui"), container.NewHBox(s.uiLang), Hint(s.Loc.T("ui.settings.language.ui_hint"))),
		field(s.Loc.T("ui.settings.language.report"), container.NewHBox(s.reportLang), Hint(s.Loc.T("ui.settings.language.report_hint"))),
		field(s.Loc.T("ui.settings.paper"), s.paper, nil),
	)
}

func (s *Screen) usedByCard() fyne.CanvasObject {
	s.usedBy = widget.NewRadioGroup([]string{s.Loc.T("ui.settings.used_by.advisor"), s.Loc.T("ui.settings.used_by.company")}, func(opt string) {
		s.edit(func(st *app.Settings) { st.UsedBy = s.usedByValue(opt) })
		s.showUsedBy()
	})
	s.usedBy.Required = true
	s.usedByHint = Hint("")
	return card(s.Loc.T("ui.settings.used_by.title"), s.usedBy, s.usedByHint)
}

// showUsedBy explains who brands the plans, and names the person fields to fit.
func (s *Screen) showUsedBy() {
	switch s.settings.UsedBy {
	case app.UsedByAdvisor:
		s.usedByHint.SetText(s.Loc.T("ui.settings.used_by.advisor_hint"))
	case app.UsedByCompany:
		s.usedByHint.SetText(s.Loc.T("ui.settings.used_by.company_hint"))
	default:
		s.usedByHint.SetText(s.Loc.T("ui.settings.used_by.none_hint"))
	}
	s.Branding.showPerson(s.settings.UsedBy)
}

func (s *Screen) paperOption(size string) string {
	if size == report.PaperLetter {
		return s.Loc.T("ui.settings.paper.letter")
	}
	return s.Loc.T("ui.settings.paper.a4")
}

func (s *Screen) paperValue(opt string) string {
	if opt == s.Loc.T("ui.settings.paper.letter") {
		return report.PaperLetter
	}
	return report.PaperA4
}

func (s *Screen) usedByOption(v string) string {
	switch v {
	case app.UsedByAdvisor:
		return s.Loc.T("ui.settings.used_by.advisor")
	case app.UsedByCompany:
		return s.Loc.T("ui.settings.used_by.company")
	}
	return ""
}

func (s *Screen) usedByValue(opt string) string {
	switch opt {
	case s.Loc.T("ui.settings.used_by.advisor"):
		return app.UsedByAdvisor
	case s.Loc.T("ui.settings.used_by.company"):
		return app.UsedByCompany
	}
	return ""
}

// edit applies a valid change to the working copy and schedules a save;
// changes made while filling the widgets are not edits.
func (s *Screen) edit(fn func(*app.Settings)) {
	if s.filling {
		return
	}
	fn(&s.settings)
	s.Auto.Changed()
	s.showState()
}

// setInvalid records whether a field's text is invalid now, for the state line.
func (s *Screen) setInvalid(field string, bad bool) {
	if bad {
		s.Invalid[field] = true
	} else {
		delete(s.Invalid, field)
	}
	s.showState()
}

func (s *Screen) showState() {
	switch {
	case len(s.Invalid) > 0:
		s.setState(s.Loc.T("ui.settings.invalid"), widget.DangerImportance)
	case s.Auto.Pending():
		s.setState(s.Loc.T("ui.workspace.saving"), widget.LowImportance)
	}
}

// snapshot numbers a copy of the working settings for the writer.
func (s *Screen) snapshot() Snapshot {
	s.version++
	return Snapshot{settings: s.settings, version: s.version}
}

// Flush saves a pending change now and waits for it: before the window
// closes, and in tests.
func (s *Screen) Flush() error { return s.Auto.Flush() }

func (s *Screen) saved(snap Snapshot, err error) {
	for _, fe := range validate.FieldErrors(err) {
		// The store refused a field (app.Settings.Validate): say so under it.
		s.Branding.refused(fe)
	}
	if err != nil && len(s.Invalid) > 0 {
		s.showState()
		return
	}
	if err != nil {
		kit.LogError("save settings", fmt.Errorf("save settings: %w", err))
		s.setState(s.Loc.T("ui.workspace.save_failed"), widget.DangerImportance)
		return
	}
	if !s.Auto.Pending() && len(s.Invalid) == 0 {
		s.setState(s.Loc.T("ui.workspace.saved"), widget.LowImportance)
	}
	if s.OnSaved != nil {
		s.OnSaved(&snap.settings)
	}
}

// setState shows the save state; the header is laid out again because the
// text's width changes.
func (s *Screen) setState(text string, imp widget.Importance) {
	s.State.Importance = imp
	s.State.SetText(text)
	s.header.Refresh()
}

// languageName is a language in its own name, e.g. "Svenska".
func languageName(lang string) string {
	return locales.MustNew(lang).T("language." + lang + ".name")
}

// languageNames lists the languages, each in its own name.
func languageNames() []string {
	var names []string
	for _, l := range locales.Languages() {
		names = append(names, languageName(l))
	}
	return names
}

// languageOf is the code of a language shown in its own name.
func languageOf(name string) string {
	for _, l := range locales.Languages() {
		if languageName(l) == name {
			return l
		}
	}
	return locales.Default
}

// card is a headed card of the settings screen.
func card(title string, objs ...fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewCard(title, "", container.NewVBox(objs...))
}

// field is one labelled input with an optional hint or error below.
func field(label string, input fyne.CanvasObject, hint *widget.Label) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), input)
	if hint != nil {
		box.Add(hint)
	}
	return box
}

// Hint is a wrapping line under a field. It keeps the normal text
// colour: the low-importance grey is too faint to read on the light theme;
// the bold field labels above keep the hierarchy.
func Hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
