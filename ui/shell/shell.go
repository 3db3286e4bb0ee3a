package shell

import (
	"context"
	"errors"

	"github.com/pomi-planner/pomi/ui/clientbook"
	"github.com/pomi-planner/pomi/ui/companies"
	"github.com/pomi-planner/pomi/ui/fynelang"
	"github.com/pomi-planner/pomi/ui/help"
	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/recovery"
	"github.com/pomi-planner/pomi/ui/session"
	"github.com/pomi-planner/pomi/ui/settings"
	"github.com/pomi-planner/pomi/ui/team"
	"github.com/pomi-planner/pomi/ui/workspace"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// Tab indexes of the shell.
const (
	tabCompanies = iota
	tabModes
	tabSettings
	tabHelp
)

// Shell is the window's content: tabs for the companies (the list, or the
// workspace of an open company), the entry modes reference, the settings and
// help, with the language choice beside them. Switching the language
// rebuilds every screen at once, keeping the tab, the open company and its
// step, the chosen mode and the search.
type Shell struct {
	deps      *kit.Deps
	data      *ref.Data
	store     kit.Store
	maint     kit.Maintenance
	loc       *locales.Localizer
	window    fyne.Window
	language  *widget.Select
	screen    *help.ModesScreen
	companies *companies.Screen
	// book is the portfolio in memory, kept across rebuilds; bookOf is the
	// store it was read from.
	book   *clientbook.Book
	bookOf kit.Store
	// texts are the organisation's own reference texts per language.
	texts     func(lang string) map[string]string
	workspace *workspace.Workspace
	session   *session.Session
	settings  *settings.Screen
	host      *fyne.Container
	tabs      *container.AppTabs
	root      *fyne.Container
	// openErr is why the database could not be opened, nil when it is open.
	openErr error
	// dataDir and reopen let the recovery screen restore a backup and try
	// again when the database could not be opened.
	dataDir string
	reopen  func() (kit.Store, error)
	// firstStart is true while the first start page is shown.
	firstStart bool
	// modeSelected is the entry mode chosen on the modes tab, kept across
	// rebuilds.
	modeSelected int
	// team is team mode (nil without a database); langBar is the row of
	// the language choice, where teamStatus shows the sync state while
	// signed in (teamShown); teamCard is the settings' Team card and
	// conflicts the conflict view shown last.
	team       *team.Service
	langBar    *fyne.Container
	teamStatus *team.Status
	teamShown  bool
	teamCard   *team.Section
	conflicts  *team.ConflictView
}

// NewShell fills window w with the screens in language lang. deps is what
// every screen takes from outside (kit.NewDeps in the app); st is the open
// database, or nil with openErr saying why it could not be opened; m looks
// after the data folder's backups, also when st is nil.
func NewShell(w fyne.Window, deps *kit.Deps, d *ref.Data, lang string, st kit.Store, openErr error, m kit.Maintenance) *Shell {
	sh := &Shell{deps: deps, data: d, store: st, maint: m, window: w, root: container.NewStack(), openErr: openErr}
	sh.language = widget.NewSelect(kit.LanguageNames(), func(name string) { sh.SetLanguage(kit.LanguageOf(name)) })
	sh.SetLanguage(lang)
	w.SetContent(sh.root)
	w.SetCloseIntercept(sh.close)
	sh.loadSettings()
	sh.startTeam()
	return sh
}

// Screen returns the entry modes screen, nil until its tab was first shown.
func (sh *Shell) Screen() *help.ModesScreen { return sh.screen }

// Companies returns the companies screen, nil without a database.
func (sh *Shell) Companies() *companies.Screen { return sh.companies }

// Workspace returns the open company's workspace, nil when none is open.
func (sh *Shell) Workspace() *workspace.Workspace { return sh.workspace }

// Tabs returns the shell's tabs.
func (sh *Shell) Tabs() *container.AppTabs { return sh.tabs }

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
	fynelang.ApplyFyneLanguage(loc.Lang())
	sh.rebuild(loc)
}

// rebuild makes every screen anew in loc's language.
func (sh *Shell) rebuild(loc *locales.Localizer) {
	tab, search, step := 0, "", ""
	if sh.tabs != nil {
		tab = sh.tabs.SelectedIndex()
	}
	if sh.screen != nil {
		sh.modeSelected = sh.screen.Selected()
	}
	if sh.companies != nil {
		search = sh.companies.Search().Text
	}
	if sh.workspace != nil {
		step = sh.workspace.Steps()[sh.workspace.Current()].ID
	}
	sh.loc = loc
	sh.screen, sh.settings = nil, nil
	sh.host = container.NewStack(sh.companiesContent(search))
	if sh.session != nil {
		sh.session.Loc = loc
		sh.showWorkspace(step)
	}
	// The other tabs are built when first shown: the window appears sooner.
	sh.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(loc.T("ui.nav.companies"), theme.HomeIcon(), sh.host),
		container.NewTabItemWithIcon(loc.T("ui.nav.modes"), theme.InfoIcon(), container.NewStack()),
		container.NewTabItemWithIcon(loc.T("ui.nav.settings"), theme.SettingsIcon(), container.NewStack()),
		container.NewTabItemWithIcon(loc.T("ui.nav.help"), theme.HelpIcon(), container.NewStack()),
	)
	sh.tabs.OnSelected = sh.fillTab
	sh.tabs.OnUnselected = sh.leftTab
	sh.tabs.SelectIndex(tab)
	sh.language.SetSelected(loc.T("language." + loc.Lang() + ".name"))
	if sh.deps.Busy == nil {
		sh.deps.Busy = kit.NewBusyIndicator()
	}
	bar := sh.deps.Busy.Bar
	working := container.NewCenter(container.NewGridWrap(fyne.NewSize(120, bar.MinSize().Height), bar))
	language := container.NewHBox(working, widget.NewLabel(loc.T("window.language")), sh.language)
	sh.langBar = language
	sh.addTeamStatus()
	// The language choice sits at the right end of the tab bar, which the
	// tabs leave empty; the row is transparent to taps outside its widgets.
	if !sh.firstStart {
		sh.root.Objects = []fyne.CanvasObject{container.NewStack(sh.tabs, container.NewVBox(container.NewHBox(layout.NewSpacer(), language)))}
		sh.root.Refresh()
	}
	sh.window.SetTitle(loc.T("app.title"))
	sh.window.SetMainMenu(sh.mainMenu())
}

func (sh *Shell) companiesContent(search string) fyne.CanvasObject {
	if sh.store == nil {
		sh.companies = nil
		if sh.reopen != nil {
			return recovery.NewScreen(sh.deps, sh.loc, sh.maint, sh.openErr, sh.dataDir, sh.retryOpen)
		}
		problem := widget.NewLabel(recovery.StoreProblem(sh.openErr, sh.loc))
		problem.Wrapping = fyne.TextWrapWord
		return container.NewPadded(problem)
	}
	if sh.companies != nil {
		sh.companies.Close()
	}
	fresh := sh.book == nil || sh.bookOf != sh.store
	if fresh {
		sh.newBook()
	}
	sh.companies = companies.NewScreen(sh.window, sh.deps, sh.store, sh.book, sh.loc)
	sh.companies.OnOpen = sh.OpenCompany
	sh.addPortfolioViews()
	sh.companies.Search().SetText(search)
	if fresh {
		sh.book.LoadFirstNow() // the window's first frame shows the table's first rows
	} else {
		sh.companies.Reload()
	}
	return sh.companies.Content()
}

// fillTab builds a tab's screen the first time it is shown.
func (sh *Shell) fillTab(item *container.TabItem) {
	host, ok := item.Content.(*fyne.Container)
	if !ok || len(host.Objects) > 0 || item == sh.tabs.Items[tabCompanies] {
		return
	}
	switch item {
	case sh.tabs.Items[tabModes]:
		host.Objects = []fyne.CanvasObject{sh.modesContent()}
	case sh.tabs.Items[tabSettings]:
		host.Objects = []fyne.CanvasObject{sh.settingsContent()}
	case sh.tabs.Items[tabHelp]:
		host.Objects = []fyne.CanvasObject{help.NewScreen(sh.loc, sh.data)}
	}
	host.Refresh()
}

func (sh *Shell) modesContent() fyne.CanvasObject {
	sh.screen = help.NewModesScreen(sh.data, sh.loc)
	sh.screen.Select(sh.modeSelected)
	heading := widget.NewLabelWithStyle(sh.loc.T("window.modes.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(heading, nil, nil, nil, sh.screen.Content())
}

// OpenCompany opens a company in the workspace, at its first step.
func (sh *Shell) OpenCompany(id app.CompanyID) { sh.OpenCompanyAt(id, "", nil) }

// OpenCompanyAt opens a company in the workspace at the step with id (the
// first when ""), then calls then with the session, when not nil.
func (sh *Shell) OpenCompanyAt(id app.CompanyID, step string, then func(*session.Session)) {
	if sh.session != nil && sh.session.Flush() != nil {
		return // keep the open company until its work is saved
	}
	var s *session.Session
	var err error
	loc := sh.loc
	sh.deps.Async(func() {
		s, err = session.OpenSession(context.Background(), sh.deps, sh.store, sh.data, loc, id)
	}, func() {
		if err != nil {
			kit.LogError("open company", err)
			dialog.ShowError(errors.New(sh.loc.T("ui.workspace.open_failed")), sh.window)
			return
		}
		s.Loc, s.Win = sh.loc, sh.window
		s.OnChange(sh.teamChanged)
		sh.session = s
		sh.showWorkspace(step)
		sh.tabs.SelectIndex(tabCompanies)
		if then != nil {
			then(s)
		}
	})
}

// showWorkspace shows the open session's workspace at the step with id, or
// at the first step.
func (sh *Shell) showWorkspace(step string) {
	sh.workspace = workspace.NewWorkspace(sh.session)
	sh.workspace.OnBack = sh.closeCompany
	if step != "" {
		sh.workspace.ShowStep(step)
	}
	sh.host.Objects = []fyne.CanvasObject{sh.workspace.Content()}
	sh.host.Refresh()
}

// closeCompany returns to the list; the workspace has saved.
func (sh *Shell) closeCompany() {
	sh.session, sh.workspace = nil, nil
	if sh.team != nil {
		sh.team.CompanyClosed()
	}
	sh.host.Objects = []fyne.CanvasObject{sh.companies.Content()}
	sh.host.Refresh()
	sh.companies.Reload()
}

// close saves the open company before the window closes; when it cannot be
// saved, the window stays open and the indicator says why.
func (sh *Shell) close() {
	if sh.settings != nil {
		kit.LogError("save settings on close", sh.settings.Flush())
	}
	if sh.session != nil && sh.session.Flush() != nil {
		dialog.ShowError(errors.New(sh.loc.T("ui.error.storage")), sh.window)
		return
	}
	sh.stopTeam()
	if a := fyne.CurrentApp(); a != nil {
		rememberWindowSize(sh.window, a.Preferences())
	}
	sh.window.Close()
}
