package ui

import (
	"context"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// SettingsScreen is where the organisation brands its plans and the user
// chooses languages, paper, and looks after the data and its backups. Every
// valid change is saved shortly after it is made; an invalid field keeps its
// text, says why, and is not saved.
type SettingsScreen struct {
	win   fyne.Window
	store Store
	loc   *locales.Localizer

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
	// invalid names the fields whose text is not valid now.
	invalid map[string]bool
	version int
	saver   *settingsSaver
	auto    autosave[settingsSnapshot]
	state   *widget.Label
	header  *fyne.Container
	scroll  *container.Scroll

	uiLang     *widget.Select
	reportLang *widget.Select
	paper      *widget.RadioGroup
	usedBy     *widget.RadioGroup
	usedByHint *widget.Label
	branding   *settingsBranding
	data       *settingsData
	content    fyne.CanvasObject
}

// settingsSnapshot is a copy of the settings to write, numbered so that a
// slow older save never overwrites a newer one.
type settingsSnapshot struct {
	settings app.Settings
	version  int
}

// settingsSaver writes snapshots in order: a slow older save never
// overwrites a newer one.
type settingsSaver struct {
	mu    sync.Mutex
	store Store
	saved int
}

func (sv *settingsSaver) save(snap settingsSnapshot) error {
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

// NewSettingsScreen builds the screen and loads the saved settings.
func NewSettingsScreen(w fyne.Window, st Store, loc *locales.Localizer) *SettingsScreen {
	s := &SettingsScreen{win: w, store: st, loc: loc, invalid: map[string]bool{}, saver: &settingsSaver{store: st}}
	s.auto = autosave[settingsSnapshot]{take: s.snapshot, write: s.saver.save, done: s.saved}
	s.state = widget.NewLabel("")
	s.state.Importance = widget.LowImportance
	s.branding = newSettingsBranding(s)
	s.data = newSettingsData(s)
	heading := widget.NewLabelWithStyle(loc.T("ui.settings.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(s.languageCard(), s.usedByCard(), s.branding.card(), s.data.card())
	s.header = container.NewHBox(heading, layout.NewSpacer(), s.state)
	s.scroll = container.NewVScroll(container.NewPadded(body))
	s.content = container.NewBorder(s.header, nil, nil, nil, s.scroll)
	s.Reload()
	return s
}

// Content is the screen's canvas object.
func (s *SettingsScreen) Content() fyne.CanvasObject { return s.content }

// Settings returns the working copy, with every valid change made so far.
func (s *SettingsScreen) Settings() app.Settings { return s.settings }

// Reload reads the settings and the backups again, e.g. after a restore.
func (s *SettingsScreen) Reload() {
	var st *app.Settings
	var err error
	runAsync(func() { st, err = s.store.Settings(context.Background()) }, func() {
		if err != nil {
			logError("read settings", err)
			s.setState(s.loc.T("ui.error.storage"), widget.DangerImportance)
			return
		}
		s.settings = *st
		s.fill()
		switch {
		case len(s.invalid) > 0:
			s.showState() // a saved text the checks refuse
		case !s.auto.dirty:
			s.setState("", widget.LowImportance) // fill reset any invalid field
		}
	})
	s.data.reload()
}

// fill shows the working copy in the widgets.
func (s *SettingsScreen) fill() {
	s.filling = true
	defer func() { s.filling = false }()
	s.uiLang.SetSelected(settingsLanguageName(s.loc.Lang()))
	report := s.settings.ReportLanguage
	if !locales.Supported(report) {
		report = s.loc.Lang()
	}
	s.reportLang.SetSelected(settingsLanguageName(report))
	s.paper.SetSelected(s.paperOption(s.settings.PaperSize))
	s.usedBy.SetSelected(s.usedByOption(s.settings.UsedBy))
	s.showUsedBy()
	s.branding.fill(&s.settings.Branding)
}

func (s *SettingsScreen) languageCard() fyne.CanvasObject {
	names := settingsLanguageNames()
	s.uiLang = widget.NewSelect(names, func(name string) {
		if lang := settingsLanguageOf(name); !s.filling && lang != s.settings.UILanguage {
			s.settings.UILanguage = lang
			s.auto.saveNow(func() {
				if s.OnLanguage != nil {
					s.OnLanguage(lang)
				}
			})
		}
	})
	s.reportLang = widget.NewSelect(names, func(name string) {
		s.edit(func(st *app.Settings) { st.ReportLanguage = settingsLanguageOf(name) })
	})
	s.paper = widget.NewRadioGroup([]string{s.loc.T("ui.settings.paper.a4"), s.loc.T("ui.settings.paper.letter")}, func(opt string) {
		s.edit(func(st *app.Settings) { st.PaperSize = s.paperValue(opt) })
	})
	s.paper.Horizontal = true
	s.paper.Required = true // one of the two, never none
	return settingsCard(s.loc.T("ui.settings.language.title"),
		settingsField(s.loc.T("ui.settings.language.ui"), container.NewHBox(s.uiLang), settingsHint(s.loc.T("ui.settings.language.ui_hint"))),
		settingsField(s.loc.T("ui.settings.language.report"), container.NewHBox(s.reportLang), settingsHint(s.loc.T("ui.settings.language.report_hint"))),
		settingsField(s.loc.T("ui.settings.paper"), s.paper, nil),
	)
}

func (s *SettingsScreen) usedByCard() fyne.CanvasObject {
	s.usedBy = widget.NewRadioGroup([]string{s.loc.T("ui.settings.used_by.advisor"), s.loc.T("ui.settings.used_by.company")}, func(opt string) {
		s.edit(func(st *app.Settings) { st.UsedBy = s.usedByValue(opt) })
		s.showUsedBy()
	})
	s.usedBy.Required = true
	s.usedByHint = settingsHint("")
	return settingsCard(s.loc.T("ui.settings.used_by.title"), s.usedBy, s.usedByHint)
}

// showUsedBy explains who brands the plans, and names the person fields to fit.
func (s *SettingsScreen) showUsedBy() {
	switch s.settings.UsedBy {
	case app.UsedByAdvisor:
		s.usedByHint.SetText(s.loc.T("ui.settings.used_by.advisor_hint"))
	case app.UsedByCompany:
		s.usedByHint.SetText(s.loc.T("ui.settings.used_by.company_hint"))
	default:
		s.usedByHint.SetText(s.loc.T("ui.settings.used_by.none_hint"))
	}
	s.branding.showPerson(s.settings.UsedBy)
}

func (s *SettingsScreen) paperOption(size string) string {
	if size == report.PaperLetter {
		return s.loc.T("ui.settings.paper.letter")
	}
	return s.loc.T("ui.settings.paper.a4")
}

func (s *SettingsScreen) paperValue(opt string) string {
	if opt == s.loc.T("ui.settings.paper.letter") {
		return report.PaperLetter
	}
	return report.PaperA4
}

func (s *SettingsScreen) usedByOption(v string) string {
	switch v {
	case app.UsedByAdvisor:
		return s.loc.T("ui.settings.used_by.advisor")
	case app.UsedByCompany:
		return s.loc.T("ui.settings.used_by.company")
	}
	return ""
}

func (s *SettingsScreen) usedByValue(opt string) string {
	switch opt {
	case s.loc.T("ui.settings.used_by.advisor"):
		return app.UsedByAdvisor
	case s.loc.T("ui.settings.used_by.company"):
		return app.UsedByCompany
	}
	return ""
}

// edit applies a valid change to the working copy and schedules a save;
// changes made while filling the widgets are not edits.
func (s *SettingsScreen) edit(fn func(*app.Settings)) {
	if s.filling {
		return
	}
	fn(&s.settings)
	s.auto.changed()
	s.showState()
}

// setInvalid records whether a field's text is invalid now, for the state line.
func (s *SettingsScreen) setInvalid(field string, bad bool) {
	if bad {
		s.invalid[field] = true
	} else {
		delete(s.invalid, field)
	}
	s.showState()
}

func (s *SettingsScreen) showState() {
	switch {
	case len(s.invalid) > 0:
		s.setState(s.loc.T("ui.settings.invalid"), widget.DangerImportance)
	case s.auto.pending():
		s.setState(s.loc.T("ui.workspace.saving"), widget.LowImportance)
	}
}

// snapshot numbers a copy of the working settings for the writer.
func (s *SettingsScreen) snapshot() settingsSnapshot {
	s.version++
	return settingsSnapshot{settings: s.settings, version: s.version}
}

// Flush saves a pending change now and waits for it: before the window
// closes, and in tests.
func (s *SettingsScreen) Flush() error { return s.auto.flush() }

func (s *SettingsScreen) saved(snap settingsSnapshot, err error) {
	for _, fe := range app.FieldErrors(err) {
		// The store refused a field (app.Settings.Validate): say so under it.
		s.branding.refused(fe)
	}
	if err != nil && len(s.invalid) > 0 {
		s.showState()
		return
	}
	if err != nil {
		logError("save settings", fmt.Errorf("save settings: %w", err))
		s.setState(s.loc.T("ui.workspace.save_failed"), widget.DangerImportance)
		return
	}
	if !s.auto.pending() && len(s.invalid) == 0 {
		s.setState(s.loc.T("ui.workspace.saved"), widget.LowImportance)
	}
	if s.OnSaved != nil {
		s.OnSaved(&snap.settings)
	}
}

// setState shows the save state; the header is laid out again because the
// text's width changes.
func (s *SettingsScreen) setState(text string, imp widget.Importance) {
	s.state.Importance = imp
	s.state.SetText(text)
	s.header.Refresh()
}

// settingsLanguageName is a language in its own name, e.g. "Svenska".
func settingsLanguageName(lang string) string {
	return locales.MustNew(lang).T("language." + lang + ".name")
}

// settingsLanguageNames lists the languages, each in its own name.
func settingsLanguageNames() []string {
	var names []string
	for _, l := range locales.Languages() {
		names = append(names, settingsLanguageName(l))
	}
	return names
}

// settingsLanguageOf is the code of a language shown in its own name.
func settingsLanguageOf(name string) string {
	for _, l := range locales.Languages() {
		if settingsLanguageName(l) == name {
			return l
		}
	}
	return locales.Default
}

// settingsCard is a headed card of the settings screen.
func settingsCard(title string, objs ...fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewCard(title, "", container.NewVBox(objs...))
}

// settingsField is one labelled input with an optional hint or error below.
func settingsField(label string, input fyne.CanvasObject, hint *widget.Label) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), input)
	if hint != nil {
		box.Add(hint)
	}
	return box
}

// settingsHint is a wrapping line under a field. It keeps the normal text
// colour: the low-importance grey is too faint to read on the light theme;
// the bold field labels above keep the hierarchy.
func settingsHint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
