package e2e

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
	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/ui/shell"
	"github.com/pomi-planner/pomi/ui/team"
)

func TestMain(m *testing.M) {
	team.TuneClients = func(c *client.Client) { c.Backoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond }
	teamtest.Main(m)
}

var bg = context.Background()

func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(bg, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveSettings(bg, &app.Settings{UsedBy: app.UsedByAdvisor}); err != nil {
		t.Fatal(err)
	}
	return st, dir
}

// annaEdits changes the company on Anna's device and syncs it.
func annaEdits(t *testing.T, st *store.Store, svc *team.Service, id app.CompanyID, fn func(c *app.Company)) {
	t.Helper()
	c, err := st.Company(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	fn(&c.Company)
	if err := st.UpdateCompany(bg, id, &c.Company); err != nil {
		t.Fatal(err)
	}
	svc.SyncNow()
}

func TestTheWindowSignsInPullsAndFollowsTheTeam(t *testing.T) {
	srv := teamtest.NewServer(t)
	test.NewTempApp(t)
	// Anna's device, without a window.
	annaStore, annaDir := openStore(t)
	anna := team.New(uitest.Deps(t), annaDir, annaStore.SyncStore())
	var err error
	anna.SignIn(team.Credentials{Server: srv.URL, Email: "anna@example.se", Password: teamtest.Password, CAFile: srv.CAFile}, func(e error) { err = e })
	if err != nil {
		t.Fatal(err)
	}
	annaID, err := annaStore.CreateCompany(bg, &app.Company{Name: "Göteborg Medtech AB"})
	if err != nil {
		t.Fatal(err)
	}
	anna.SyncNow()

	// Bo's window signs in from the settings and gets the company.
	boStore, _ := openStore(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1180, 700))
	sh := shell.NewShell(w, uitest.Deps(t), ref.MustLoad(), "sv", boStore, nil, store.Maintenance{})
	sh.ShowSettings()
	s := sh.TeamSection()
	s.Server.SetText(srv.URL)
	s.Email.SetText("bo@example.se")
	s.Password.SetText(teamtest.Password)
	s.CA.SetText(srv.CAFile)
	test.Tap(s.SignInButton)
	if s.Message.Visible() || sh.TeamStatus() == nil || sh.TeamStatus().Link.Text != "Synkad nyss" {
		t.Fatalf("signed in: %q, status %+v", s.Message.Text, sh.TeamStatus())
	}
	rows := sh.Companies().Rows()
	if len(rows) != 1 || rows[0].Name != "Göteborg Medtech AB" {
		t.Fatalf("the table after the first round: %+v", rows)
	}

	// The open company, changed by Anna, is read again when nothing waits.
	sh.OpenCompany(rows[0].ID)
	annaEdits(t, annaStore, anna, annaID, func(c *app.Company) { c.Contact.Email = "anna@medtech.se" })
	sh.SyncNow()
	if got := sh.Workspace().Session().Company().Contact.Email; got != "anna@medtech.se" {
		t.Errorf("the open company after Anna's change: %q", got)
	}

	// With an unsaved edit the advisor's copy stays, and the state says so.
	sh.Workspace().Session().EditCompany(func(c *app.Company) { c.Notes = "Bo's note" })
	annaEdits(t, annaStore, anna, annaID, func(c *app.Company) { c.Contact.Phone = "070-111 22 33" })
	sh.SyncNow()
	if got := sh.Workspace().Session().Company().Notes; got != "Bo's note" {
		t.Errorf("Bo's unsaved note: %q", got)
	}
	if got := sh.TeamStatus().Link.Text; got != "Företaget har ändrats av teamet – öppna det igen" {
		t.Errorf("status with the company changed under an edit: %q", got)
	}
}
