package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
)

// EnableRecovery lets the shell offer a backup and a new try when the
// database in dataDir could not be opened; reopen opens it again.
func (sh *Shell) EnableRecovery(dataDir string, reopen func() (Store, error)) {
	sh.dataDir, sh.reopen = dataDir, reopen
	if sh.store == nil {
		sh.rebuild(sh.loc)
	}
}

// retryOpen opens the database again, after a restore or when another copy
// of the app has closed.
func (sh *Shell) retryOpen() {
	var st Store
	var err error
	runAsync(func() { st, err = sh.reopen() }, func() {
		sh.store, sh.openErr = st, err
		if err != nil {
			logError("open the database again", err)
			sh.store = nil
		}
		sh.rebuild(sh.loc)
		sh.loadSettings()
	})
}

// loadSettings applies the saved settings: the accent colour, and the first
// start page when nobody has said yet who uses the app.
func (sh *Shell) loadSettings() {
	if sh.store == nil {
		return
	}
	var st *app.Settings
	var err error
	runAsync(func() { st, err = sh.store.Settings(context.Background()) }, func() {
		if err != nil {
			logError("read settings", err)
			return
		}
		sh.applySettings(st)
		if st.UsedBy == "" {
			sh.showFirstStart()
		}
	})
}

// applySettings gives the window the organisation's colour.
func (sh *Shell) applySettings(st *app.Settings) {
	if a := fyne.CurrentApp(); a != nil {
		a.Settings().SetTheme(NewAccentTheme(st.Branding.PrimaryColor))
	}
}

// showFirstStart covers the window with the first start page until it is answered.
func (sh *Shell) showFirstStart() {
	sh.firstStart = true
	page := NewFirstStart(sh.loc, sh.store, sh.firstStartDone)
	sh.root.Objects = []fyne.CanvasObject{page}
	sh.root.Refresh()
}

func (sh *Shell) firstStartDone(choice FirstStartChoice) {
	sh.firstStart = false
	if choice.Language != "" && choice.Language != sh.loc.Lang() {
		sh.SetLanguage(choice.Language)
	} else {
		sh.rebuild(sh.loc)
	}
	if choice.LoadExamples && sh.companies != nil {
		sh.companies.LoadExamples()
	}
}

// FirstStartShown reports whether the first start page covers the window.
func (sh *Shell) FirstStartShown() bool { return sh.firstStart }

// Settings returns the settings screen, nil without a database.
func (sh *Shell) Settings() *SettingsScreen { return sh.settings }

func (sh *Shell) settingsContent() fyne.CanvasObject {
	sh.settings = nil
	if sh.store == nil {
		note := widget.NewLabel(StoreProblem(sh.openErr, sh.loc))
		note.Wrapping = fyne.TextWrapWord
		return container.NewPadded(note)
	}
	sh.settings = NewSettingsScreen(sh.window, sh.store, sh.loc)
	sh.settings.OnLanguage = sh.SetLanguage
	sh.settings.OnSaved = sh.applySettings
	sh.settings.OnRestored = sh.restored
	return sh.settings.Content()
}

// leftTab saves the settings when the user leaves their tab.
func (sh *Shell) leftTab(item *container.TabItem) {
	if sh.settings != nil && sh.tabs.Items[TabSettings] == item {
		logError("save settings", sh.settings.Flush())
	}
}

// restored shows the restored database: the open company's copy is out of
// date, so it is dropped without saving, and every screen is rebuilt.
func (sh *Shell) restored() {
	sh.session, sh.workspace = nil, nil
	tab := sh.tabs.SelectedIndex()
	sh.rebuild(sh.loc)
	sh.tabs.SelectIndex(tab)
	sh.loadSettings()
}
