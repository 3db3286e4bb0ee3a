package shell

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/ui/team"
)

// menuHas reports whether the main menu has an item labelled label.
func menuHas(sh *Shell, label string) bool {
	for _, m := range sh.mainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return true
			}
		}
	}
	return false
}

// Without a team.json nothing of team mode shows or runs, except the
// sign-in card in the settings.
func TestWithoutATeamServerNothingNewShows(t *testing.T) {
	sh, _, w := withExamples(t, "sv")
	if sh.Team() == nil || sh.Team().SignedIn() || sh.TeamStatus() != nil {
		t.Fatalf("team mode: service %v, status %v", sh.Team(), sh.TeamStatus())
	}
	if menuHas(sh, "Synka nu") {
		t.Error("the menu offers to sync without a server")
	}
	if uitest.ContainsText(w.Canvas().Content(), "Synkad") || uitest.ContainsText(w.Canvas().Content(), "Inte synkad än") {
		t.Error("a sync state shows without a server")
	}
	if st := sh.Team().State(); st.Running || !st.LastSynced.IsZero() {
		t.Errorf("a round ran without a server: %+v", st)
	}
	sh.ShowSettings()
	if sh.TeamSection() == nil || !uitest.ContainsText(w.Canvas().Content(), "Logga in") {
		t.Error("the settings have no sign-in")
	}
}

// With a team.json whose server does not answer, the state says offline
// beside the language choice, calmly, and the menu can sync now.
func TestWithATeamServerTheStateShowsBesideTheLanguage(t *testing.T) {
	team.TuneClients = func(c *client.Client) { c.Attempts = 1 }
	defer func() { team.TuneClients = nil }()
	test.NewTempApp(t)
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveSettings(context.Background(), &app.Settings{UsedBy: app.UsedByAdvisor}); err != nil {
		t.Fatal(err)
	}
	cfg := &teamfile.Config{Server: "https://127.0.0.1:1", Email: "anna@example.se", Advisor: "Anna Berg", Organisation: "Rådgivarna AB", Token: "t"}
	if err := teamfile.Save(dir, cfg); err != nil {
		t.Fatal(err)
	}
	deps, clock := uitest.NewDeps(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1180, 700))
	sh := NewShell(w, deps, ref.MustLoad(), "en", st, nil, store.Maintenance{})
	if sh.TeamStatus() == nil || sh.TeamStatus().Link.Text != "Offline" {
		t.Fatalf("status: %+v", sh.TeamStatus())
	}
	if !uitest.ContainsText(w.Canvas().Content(), "Offline") || !menuHas(sh, "Sync now") {
		t.Error("the state or the menu item is missing")
	}
	sh.SetLanguage("sv")
	if sh.TeamStatus().Link.Text != "Offline" || !menuHas(sh, "Synka nu") {
		t.Errorf("in Swedish: %q", sh.TeamStatus().Link.Text)
	}
	clock.Advance(time.Minute) // the tick tries again while offline
	sh.ShowSettings()
	if !uitest.ContainsText(w.Canvas().Content(), "Inloggad som Anna Berg (anna@example.se) i Rådgivarna AB.") {
		t.Error("the settings do not say who is signed in")
	}
	test.Tap(sh.TeamSection().SignOutButton)
	if sh.TeamStatus().Link.Visible() || menuHas(sh, "Synka nu") || teamfile.Exists(dir) {
		t.Error("signed out, the state or the menu item stays")
	}
}
