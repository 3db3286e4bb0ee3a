package shell

import (
	"context"
	"errors"

	"github.com/pomi-planner/pomi/ui/firststart"
	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/recovery"
	"github.com/pomi-planner/pomi/ui/settings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
)

// EnableRecovery lets the shell offer a backup and a new try when the
// database in dataDir could not be opened; reopen opens it again.
func (sh *Shell) EnableRecovery(dataDir string, reopen func() (kit.Store, error)) {
	sh.dataDir, sh.reopen = dataDir, reopen
	if sh.store == nil {
		sh.rebuild(sh.loc)
	}
}

// retryOpen opens the database again, after a restore or when another copy
// of the app has closed.
func (sh *Shell) retryOpen() {
	var st kit.Store
	var err error
	sh.deps.Async(func() { st, err = sh.reopen() }, func() {
		sh.store, sh.openErr = st, err
		if err != nil {
			kit.LogError("open the database again", err)
			sh.store = nil
		}
		sh.rebuild(sh.loc)
		sh.loadSettings()
		sh.startTeam()
		sh.Maintain()
	})
}

// maintainer is a store opened with store.OpenQuick, which leaves its
// integrity check and the day's backup for after the window shows.
type maintainer interface {
	Maintain(ctx context.Context) error
	Close() error
}

// Maintain runs the store's deferred integrity check and daily backup off
// the UI thread, once the first rows of the table are shown (the check
// reads the whole file, on the store's one connection). A damaged file
// closes the store, unsaved, and shows the recovery screen; a failed backup
// is only logged.
func (sh *Shell) Maintain() {
	if sh.book != nil && sh.book.Loading() {
		sh.book.WhenShown(sh.maintainNow)
		return
	}
	sh.maintainNow()
}

// maintainNow runs the check and backup of Maintain at once.
func (sh *Shell) maintainNow() {
	st := sh.store
	m, ok := st.(maintainer)
	if !ok {
		return
	}
	var err error
	sh.deps.Async(func() { err = m.Maintain(context.Background()) }, func() {
		var corrupt *app.CorruptError
		if err == nil || sh.store != st {
			return
		}
		kit.LogError("check the database", err)
		if !errors.As(err, &corrupt) {
			return
		}
		// Nothing more may be written into a damaged file.
		sh.session, sh.workspace = nil, nil
		sh.stopTeam()
		kit.LogError("close the damaged database", m.Close())
		sh.store, sh.openErr = nil, err
		sh.rebuild(sh.loc)
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
	sh.deps.Async(func() { st, err = sh.store.Settings(context.Background()) }, func() {
		if err != nil {
			kit.LogError("read settings", err)
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
	ApplyAccent(st.Branding.PrimaryColor)
}

// appliedAccent is the colour appliedTo's theme has now.
var (
	appliedAccent string
	appliedTo     fyne.App
)

// ApplyAccent makes hex the app's accent colour. Changing the theme redraws
// every widget, so the same colour again changes nothing; cmd/pomi applies
// the saved colour before the window shows, and the shell's later call
// with it is free.
func ApplyAccent(hex string) {
	a := fyne.CurrentApp()
	if a == nil || (a == appliedTo && appliedAccent == hex) {
		return
	}
	appliedAccent, appliedTo = hex, a
	a.Settings().SetTheme(newAccentTheme(hex))
}

// showFirstStart covers the window with the first start page until it is answered.
func (sh *Shell) showFirstStart() {
	sh.firstStart = true
	page := firststart.NewFirstStart(sh.deps, sh.loc, sh.store, sh.firstStartDone)
	sh.root.Objects = []fyne.CanvasObject{page}
	sh.root.Refresh()
}

func (sh *Shell) firstStartDone(choice firststart.Choice) {
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

// Settings returns the settings screen, nil without a database or until
// its tab was first shown.
func (sh *Shell) Settings() *settings.Screen { return sh.settings }

func (sh *Shell) settingsContent() fyne.CanvasObject {
	sh.settings = nil
	if sh.store == nil {
		note := widget.NewLabel(recovery.StoreProblem(sh.openErr, sh.loc))
		note.Wrapping = fyne.TextWrapWord
		return container.NewPadded(note)
	}
	sh.settings = settings.NewScreen(sh.window, sh.deps, sh.store, sh.maint, sh.loc)
	sh.settings.OnLanguage = sh.SetLanguage
	sh.settings.OnSaved = sh.applySettings
	sh.settings.OnRestored = sh.restored
	if card := sh.teamSection(); card != nil {
		sh.settings.AddSection(card)
	}
	return sh.settings.Content()
}

// leftTab saves the settings when the user leaves their tab.
func (sh *Shell) leftTab(item *container.TabItem) {
	if sh.settings != nil && sh.tabs.Items[tabSettings] == item {
		kit.LogError("save settings", sh.settings.Flush())
	}
}

// restored shows the restored database: the open company's copy is out of
// date, so it is dropped without saving, and every screen is rebuilt.
func (sh *Shell) restored() {
	sh.session, sh.workspace, sh.book = nil, nil, nil
	tab := sh.tabs.SelectedIndex()
	sh.rebuild(sh.loc)
	sh.tabs.SelectIndex(tab)
	sh.loadSettings()
	sh.startTeam()
}
