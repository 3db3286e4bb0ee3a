package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// Shell is the window's content: tabs for the companies and the entry modes
// reference, with the language choice beside them. Switching the language
// rebuilds every screen at once, keeping the tab, the chosen mode and the
// search.
type Shell struct {
	data      *ref.Data
	repo      app.Repository
	loc       *locales.Localizer
	window    fyne.Window
	language  *widget.Select
	screen    *ModesScreen
	companies *CompaniesScreen
	tabs      *container.AppTabs
	root      *fyne.Container
	// openErr is why the database could not be opened, nil when it is open.
	openErr error
}

// NewShell fills window w with the screens in language lang. repo is the
// open database, or nil with openErr saying why it could not be opened.
func NewShell(w fyne.Window, d *ref.Data, lang string, repo app.Repository, openErr error) *Shell {
	sh := &Shell{data: d, repo: repo, window: w, root: container.NewStack(), openErr: openErr}
	sh.language = widget.NewSelect(languageNames(), func(name string) { sh.SetLanguage(languageOf(name)) })
	sh.SetLanguage(lang)
	w.SetContent(sh.root)
	return sh
}

// Screen returns the entry modes screen.
func (sh *Shell) Screen() *ModesScreen { return sh.screen }

// Companies returns the companies screen, nil without a database.
func (sh *Shell) Companies() *CompaniesScreen { return sh.companies }

// Language returns the language shown now.
func (sh *Shell) Language() string { return sh.loc.Lang() }

// SetLanguage shows everything in lang; an unknown language falls back to the default.
func (sh *Shell) SetLanguage(lang string) {
	if sh.loc != nil && sh.loc.Lang() == lang {
		return
	}
	loc, err := locales.New(lang)
	if err != nil {
		loc = locales.MustNew(locales.Default)
	}
	selected, tab, search := 0, 0, ""
	if sh.screen != nil {
		selected, tab = sh.screen.Selected(), sh.tabs.SelectedIndex()
	}
	if sh.companies != nil {
		search = sh.companies.Search().Text
	}
	sh.loc = loc
	sh.screen = NewModesScreen(sh.data, loc)
	sh.screen.Select(selected)
	sh.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(loc.T("ui.nav.companies"), theme.HomeIcon(), sh.companiesContent(search)),
		container.NewTabItemWithIcon(loc.T("ui.nav.modes"), theme.InfoIcon(), sh.modesContent()),
	)
	sh.tabs.SelectIndex(tab)
	sh.language.SetSelected(loc.T("language." + loc.Lang() + ".name"))
	language := container.NewHBox(widget.NewLabel(loc.T("window.language")), sh.language)
	// The language choice sits at the right end of the tab bar, which the
	// tabs leave empty; the row is transparent to taps outside its widgets.
	sh.root.Objects = []fyne.CanvasObject{container.NewStack(sh.tabs, container.NewVBox(container.NewHBox(layout.NewSpacer(), language)))}
	sh.root.Refresh()
	sh.window.SetTitle(loc.T("app.title"))
}

func (sh *Shell) companiesContent(search string) fyne.CanvasObject {
	if sh.repo == nil {
		problem := widget.NewLabel(StoreProblem(sh.openErr, sh.loc))
		problem.Wrapping = fyne.TextWrapWord
		return container.NewPadded(problem)
	}
	sh.companies = NewCompaniesScreen(sh.window, sh.repo, sh.data, sh.loc)
	sh.companies.Search().SetText(search) // reloads the list
	if search == "" {
		sh.companies.Reload()
	}
	return sh.companies.Content()
}

func (sh *Shell) modesContent() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(sh.loc.T("window.modes.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(heading, nil, nil, nil, sh.screen.Content())
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

// StoreProblem says in the user's language why the database could not be
// opened and what to do; the error itself goes to the log.
func StoreProblem(err error, loc *locales.Localizer) string {
	var locked *store.LockedError
	var corrupt *store.CorruptError
	var newer *store.NewerError
	switch {
	case errors.As(err, &locked):
		return loc.T("ui.store.locked")
	case errors.As(err, &corrupt) && corrupt.Backup != "":
		return loc.Tf("ui.store.corrupt_backup", map[string]any{"Backup": corrupt.Backup})
	case errors.As(err, &corrupt):
		return loc.T("ui.store.corrupt")
	case errors.As(err, &newer):
		return loc.T("ui.store.newer")
	}
	return loc.T("ui.store.failed")
}
