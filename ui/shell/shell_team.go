package shell

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/pomi-planner/pomi/ui/session"
	"github.com/pomi-planner/pomi/ui/team"
)

// shortcutSyncNow runs a team sync round at once; only in the menu while
// signed in to a team server.
var shortcutSyncNow = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}

// Team returns team mode's service, nil without a database.
func (sh *Shell) Team() *team.Service { return sh.team }

// TeamStatus returns the sync state beside the language choice, nil while
// not signed in to a team server.
func (sh *Shell) TeamStatus() *team.Status { return sh.teamStatus }

// startTeam makes team mode's service over the open store and starts it:
// without a team.json it only waits for a sign-in.
func (sh *Shell) startTeam() {
	sh.stopTeam()
	if sh.store == nil || sh.store.Path() == "" {
		return
	}
	x, ok := team.FromStore(sh.store)
	if !ok {
		return
	}
	sh.team = team.New(sh.deps, filepath.Dir(sh.store.Path()), x)
	sh.team.OpenCompany = sh.openCompanyID
	sh.team.OnPulled = sh.syncBook
	sh.team.Listen(func(team.State) { sh.showTeamStatus() })
	sh.showTeamStatus()
	sh.team.Start()
}

// stopTeam ends the service's timers and takes its state away: the store
// is going away.
func (sh *Shell) stopTeam() {
	if sh.team != nil {
		sh.team.Stop()
		sh.team = nil
	}
	if sh.teamStatus != nil {
		sh.teamStatus.Close()
		if sh.langBar != nil {
			sh.langBar.Remove(sh.teamStatus.Link)
		}
		sh.teamStatus = nil
	}
	sh.teamShown = false
}

// teamChanged is told after every edit: a round pushes it soon after.
func (sh *Shell) teamChanged() {
	if sh.team != nil {
		sh.team.Changed()
	}
}

func (sh *Shell) openCompanyID() (company, assessment int64, ok bool) {
	if sh.session == nil {
		return 0, 0, false
	}
	return int64(sh.session.CompanyID()), int64(sh.session.AssessmentID()), true
}

// syncBook reads again the companies a round changed, and the open
// company when the team changed it (see reopenChanged).
func (sh *Shell) syncBook() {
	if sh.book != nil {
		sh.book.Sync()
	}
	sh.reopenChanged()
}

// reopenChanged opens the open company again, at the same step, when the
// team changed it and nothing of the advisor's waits to be saved: the
// workspace then shows the team's change. With unsaved edits it keeps the
// advisor's copy, and the state asks to open the company again.
func (sh *Shell) reopenChanged() {
	if sh.team == nil || sh.session == nil || sh.workspace == nil || !sh.team.State().CompanyChanged ||
		sh.session.Autosave.Pending() || sh.tabs.SelectedIndex() != tabCompanies {
		return
	}
	step := sh.workspace.Steps()[sh.workspace.Current()].ID
	sh.OpenCompanyAt(sh.session.CompanyID(), step, func(*session.Session) { sh.team.CompanyClosed() })
}

// showTeamStatus shows the sync state beside the language choice, and the
// menu item to sync now, once signed in; until then neither is there.
func (sh *Shell) showTeamStatus() {
	signedIn := sh.team != nil && sh.team.SignedIn()
	if signedIn == sh.teamShown || sh.langBar == nil {
		return
	}
	sh.teamShown = signedIn
	sh.window.SetMainMenu(sh.mainMenu())
	if signedIn && sh.teamStatus == nil {
		sh.addTeamStatus()
	}
}

// addTeamStatus puts a new state label in the language row (after a
// rebuild in another language too).
func (sh *Shell) addTeamStatus() {
	if sh.teamStatus != nil {
		sh.teamStatus.Close()
		sh.teamStatus = nil
	}
	if sh.team == nil || !sh.team.SignedIn() || sh.langBar == nil {
		return
	}
	sh.teamStatus = team.NewStatus(sh.team, sh.loc, sh.deps.Now)
	sh.teamStatus.OnConflicts = sh.ShowConflicts
	sh.teamStatus.OnSignIn = sh.ShowSettings
	// After the working indicator, right before the language: the
	// indicator's slot stays where it was.
	objs := sh.langBar.Objects
	sh.langBar.Objects = append(append(objs[:1:1], sh.teamStatus.Link), objs[1:]...)
	sh.langBar.Refresh()
	sh.teamShown = true
}

// syncMenuItems is the menu's "Sync now", only while signed in.
func (sh *Shell) syncMenuItems(item func(id string, sc fyne.Shortcut, action func()) *fyne.MenuItem) []*fyne.MenuItem {
	if sh.team == nil || !sh.team.SignedIn() {
		return nil
	}
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(), item("ui.team.menu.sync_now", shortcutSyncNow, sh.SyncNow)}
}

// SyncNow runs a team sync round now (after the running one).
func (sh *Shell) SyncNow() {
	if sh.team != nil {
		sh.team.SyncNow()
	}
}

// ShowConflicts opens the conflict view; resolved, the table is read again.
func (sh *Shell) ShowConflicts() {
	if sh.team == nil || sh.store == nil {
		return
	}
	sh.team.ShowConflicts(sh.window, sh.store, sh.loc, func(v *team.ConflictView) {
		sh.conflicts = v
		v.OnResolved = sh.syncBook
	})
}

// Conflicts returns the conflict view shown last, nil before.
func (sh *Shell) Conflicts() *team.ConflictView { return sh.conflicts }

// teamSection is the settings' Team card, nil without team mode.
func (sh *Shell) teamSection() fyne.CanvasObject {
	if sh.teamCard != nil {
		sh.teamCard.Close()
		sh.teamCard = nil
	}
	if sh.team == nil {
		return nil
	}
	sh.teamCard = team.NewSection(sh.window, sh.team, sh.loc)
	return sh.teamCard.Content()
}

// TeamSection returns the settings' Team card, nil until the settings were shown.
func (sh *Shell) TeamSection() *team.Section { return sh.teamCard }
