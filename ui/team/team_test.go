package team

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/uitest"
)

// fill types the sign-in into the section and taps "Logga in".
func fill(s *Section, server, email, pw, ca string) {
	s.Server.SetText(server)
	s.Email.SetText(email)
	s.Password.SetText(pw)
	s.CA.SetText(ca)
	test.Tap(s.SignInButton)
}

func TestSignInFromTheSettingsWritesTeamJSONAndShowsWho(t *testing.T) {
	e := newServer(t)
	d := newDevice(t, "sv")
	s := NewSection(d.win, d.svc, d.loc)
	d.win.SetContent(s.Content())
	if s.Device.Text == "" {
		t.Error("the computer's name is not filled in from the host name")
	}
	fill(s, e.URL, "anna@example.se", password, e.CAFile)
	if s.Message.Visible() {
		t.Fatalf("sign-in failed: %s", s.Message.Text)
	}
	fi, err := os.Stat(teamfile.Path(d.dir))
	if err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Fatalf("team.json: %v %v", fi, err)
	}
	cfg, err := teamfile.Load(d.dir)
	if err != nil || cfg.Advisor != "Anna Berg" || cfg.Organisation != "Rådgivarna AB" || cfg.Token == "" || cfg.CA == "" {
		t.Fatalf("team.json: %+v %v", cfg, err)
	}
	if s.Password.Text != "" {
		t.Error("the password field keeps the password after signing in")
	}
	if !uitest.ContainsText(d.win.Canvas().Content(), "Inloggad som Anna Berg (anna@example.se) i Rådgivarna AB.") ||
		!uitest.ContainsText(d.win.Canvas().Content(), e.URL) ||
		!uitest.ContainsText(d.win.Canvas().Content(), "Datorns nyckel till servern sparas i team.json i datamappen, som bara du kan läsa.") {
		t.Errorf("signed in, the section shows %q", uitest.AllTexts(d.win.Canvas().Content()))
	}
	if st := d.svc.State(); st.LastSynced.IsZero() || st.Running {
		t.Errorf("no first round after signing in: %+v", st)
	}
	test.Tap(s.SignOutButton)
	if teamfile.Exists(d.dir) || d.svc.SignedIn() || !s.SignInButton.Visible() {
		t.Errorf("after signing out: team.json %v, signed in %v", teamfile.Exists(d.dir), d.svc.SignedIn())
	}
}

func TestFailedSignInsSayWhyInOneSentenceAndWriteNothing(t *testing.T) {
	e := newServer(t)
	d := newDevice(t, "sv")
	s := NewSection(d.win, d.svc, d.loc)
	d.win.SetContent(s.Content())
	for _, c := range []struct{ server, pw, ca, want string }{
		{e.URL, "wrong password", e.CAFile, "Fel e-postadress eller lösenord."},
		{e.URL, password, "", "Serverns certifikat är inte betrott. Välj certifikatfilen om servern har ett eget."},
		{"https://127.0.0.1:1", password, e.CAFile, "Servern går inte att nå. Kontrollera adressen och nätverket."},
		{"pomi.example.se", password, "", "Skriv serverns adress, som börjar med https://."},
	} {
		fill(s, c.server, "anna@example.se", c.pw, c.ca)
		if !s.Message.Visible() || s.Message.Text != c.want {
			t.Errorf("%s %q: message %q, want %q", c.server, c.pw, s.Message.Text, c.want)
		}
		if teamfile.Exists(d.dir) || d.svc.SignedIn() {
			t.Fatalf("%s %q: signed in anyway", c.server, c.pw)
		}
		if !s.SignInButton.Visible() || s.SignInButton.Disabled() {
			t.Errorf("the sign-in button is not back")
		}
	}
}

func TestRateLimitedSaysWhenToTryAgain(t *testing.T) {
	e := newServer(t)
	d := newDevice(t, "en")
	var last string
	for range 12 {
		d.svc.SignIn(Credentials{Server: e.URL, Email: "anna@example.se", Password: "nope", CAFile: e.CAFile},
			func(err error) { last = Sentence(d.loc, err) })
		if strings.HasPrefix(last, "Too many attempts") {
			break
		}
	}
	if !strings.HasPrefix(last, "Too many attempts. Try again in ") || !strings.Contains(last, "minute") {
		t.Errorf("after many wrong passwords: %q", last)
	}
}

// twoAdvisors signs Anna and Bo in on a device each, with a company
// Anna made that both have.
func twoAdvisors(t *testing.T) (e *server, anna, bo *device) {
	e = newServer(t)
	anna, bo = newDevice(t, "en"), newDevice(t, "sv")
	anna.signIn(e, "anna@example.se")
	bo.signIn(e, "bo@example.se")
	anna.company("Göteborg Medtech AB")
	anna.svc.SyncNow()
	bo.svc.SyncNow()
	bo.companyNamed("Göteborg Medtech AB")
	return e, anna, bo
}

func TestTheStatusAfterARoundOfflineAndWithAConflict(t *testing.T) {
	e, anna, bo := twoAdvisors(t)
	status := NewStatus(bo.svc, bo.loc, bo.deps.Now)
	if got := status.Link.Text; got != "Synkad nyss" || !status.Link.Visible() {
		t.Errorf("after a round: %q", got)
	}
	bo.clock.Advance(2 * time.Minute)
	if got := status.Link.Text; got != "Synkad för 2 min sedan" {
		t.Errorf("two minutes later: %q", got)
	}
	e.HTTP.Close()
	id := bo.companyNamed("Göteborg Medtech AB")
	bo.setEmail(id, "bo@medtech.se")
	bo.svc.SyncNow()
	if got := status.Link.Text; got != "Offline – 1 ändring väntar" {
		t.Errorf("with the server stopped: %q", got)
	}
	e.Start()
	anna.setEmail(anna.companyNamed("Göteborg Medtech AB"), "anna@medtech.se")
	anna.svc.SyncNow()
	bo.svc.SyncNow()
	if got := status.Link.Text; got != "1 konflikt att lösa" {
		t.Errorf("with a conflict: %q (%+v)", got, bo.svc.State())
	}
	opened := false
	status.OnConflicts = func() { opened = true }
	test.Tap(status.Link)
	if !opened {
		t.Error("tapping the conflict does not open the conflict view")
	}
}

func TestTheConflictViewShowsBothValuesAndResolvingClearsTheConflict(t *testing.T) {
	_, anna, bo := twoAdvisors(t)
	bo.setEmail(bo.companyNamed("Göteborg Medtech AB"), "bo@medtech.se")
	anna.setEmail(anna.companyNamed("Göteborg Medtech AB"), "anna@medtech.se")
	anna.svc.SyncNow()
	bo.svc.SyncNow()
	var v *ConflictView
	bo.svc.ShowConflicts(bo.win, bo.st, bo.loc, func(cv *ConflictView) { v = cv })
	if v == nil || len(v.Records) != 1 {
		t.Fatalf("conflict view: %+v", v)
	}
	overlay := bo.win.Canvas().Overlays().Top()
	// The other version is named after the colleague who made it.
	for _, want := range []string{"Göteborg Medtech AB", "Kontaktperson: e-post", "Din version", "Version från Anna Berg", "bo@medtech.se", "anna@medtech.se"} {
		if !uitest.ContainsText(overlay, want) {
			t.Errorf("the conflict view lacks %q: %q", want, uitest.AllTexts(overlay))
		}
	}
	v.Choices[0][0].Theirs.SetSelected("Version från Anna Berg")
	if v.Choices[0][0].Mine.Selected != "" {
		t.Error("both versions are chosen")
	}
	test.Tap(v.Apply)
	if n, err := bo.st.SyncStore().ConflictCount(bg); err != nil || n != 0 {
		t.Fatalf("conflicts after resolving: %d %v", n, err)
	}
	c, err := bo.st.Company(bg, bo.companyNamed("Göteborg Medtech AB"))
	if err != nil || c.Contact.Email != "anna@medtech.se" {
		t.Fatalf("after taking the server's version: %q %v", c.Contact.Email, err)
	}
	if st := bo.svc.State(); st.Conflicts != 0 {
		t.Errorf("the state still counts %d conflicts", st.Conflicts)
	}
	bo.svc.SyncNow()
	if n, _ := bo.st.SyncStore().PendingCount(bg); n != 0 {
		t.Errorf("%d changes still wait after the round", n)
	}
}

func TestAnEditIsPushedFiveSecondsAfterTheLastOne(t *testing.T) {
	_, anna, bo := twoAdvisors(t)
	id := anna.companyNamed("Göteborg Medtech AB")
	anna.setEmail(id, "first@medtech.se")
	anna.svc.Changed()
	anna.clock.Advance(3 * time.Second)
	anna.setEmail(id, "second@medtech.se")
	anna.svc.Changed()
	anna.clock.Advance(4 * time.Second)
	if n, _ := anna.st.SyncStore().PendingCount(bg); n != 1 {
		t.Fatalf("pushed before five quiet seconds: %d pending", n)
	}
	anna.clock.Advance(time.Second)
	if n, _ := anna.st.SyncStore().PendingCount(bg); n != 0 {
		t.Fatalf("not pushed five seconds after the last edit: %d pending", n)
	}
	pulled := false
	bo.svc.OnPulled = func() { pulled = true }
	bo.svc.SyncNow()
	c, _ := bo.st.Company(bg, bo.companyNamed("Göteborg Medtech AB"))
	if !pulled || c.Contact.Email != "second@medtech.se" {
		t.Errorf("Bo's copy: %q, told %v", c.Contact.Email, pulled)
	}
}

// In the window rounds run on a goroutine of their own: a second request
// while one runs waits for it, and never two run at once. The UI thread
// is a lock here: the test reads the state only while holding it.
func TestRoundsRunOffTheUIThreadOneAtATime(t *testing.T) {
	e := newServer(t)
	d := newDevice(t, "en")
	d.signIn(e, "anna@example.se")
	d.company("Göteborg Medtech AB")
	var ui sync.Mutex
	onUI := func(fn func()) {
		ui.Lock()
		defer ui.Unlock()
		fn()
	}
	deps := uitest.BackgroundDeps(t, 400*time.Millisecond)
	deps.OnUIThread = onUI
	svc := New(deps, d.dir, d.st.SyncStore())
	rounds, busy := 0, true
	onUI(func() {
		t.Cleanup(svc.Stop)
		svc.Listen(func(st State) {
			if !st.Running {
				rounds++
			}
		})
		svc.SyncNow()
		if !svc.State().Running {
			t.Error("the round ran on the calling goroutine")
		}
		svc.SyncNow()
		svc.SyncNow()
	})
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		onUI(func() { busy = svc.State().Running || rounds < 2 })
		if !busy {
			break
		}
	}
	onUI(func() {
		if svc.State().Running || rounds != 2 || svc.State().Pending != 0 {
			t.Errorf("after three requests: %d rounds, %+v", rounds, svc.State())
		}
	})
}

// A token the server no longer accepts asks for a new sign-in: the state
// says so and leads to the form, filled in but for the password.
func TestARefusedTokenAsksToSignInAgain(t *testing.T) {
	e := newServer(t)
	d := newDevice(t, "sv")
	d.signIn(e, "anna@example.se")
	cfg, err := teamfile.Load(d.dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Token = "not-a-token"
	if err := teamfile.Save(d.dir, cfg); err != nil {
		t.Fatal(err)
	}
	d.svc = New(d.deps, d.dir, d.st.SyncStore())
	status := NewStatus(d.svc, d.loc, d.deps.Now)
	d.svc.SyncNow()
	if status.Link.Text != "Logga in igen" {
		t.Fatalf("with a refused token: %q", status.Link.Text)
	}
	asked := false
	status.OnSignIn = func() { asked = true }
	test.Tap(status.Link)
	s := NewSection(d.win, d.svc, d.loc)
	if !asked || s.Email.Text != "anna@example.se" || s.Server.Text != e.URL || !s.SignInButton.Visible() {
		t.Fatalf("sign in again: asked %v, e-mail %q", asked, s.Email.Text)
	}
	d.win.SetContent(s.Content())
	s.Password.SetText(password)
	test.Tap(s.SignInButton)
	if got := d.svc.State(); got.Unauthorized || got.LastSynced.IsZero() || status.Link.Text != "Synkad nyss" {
		t.Errorf("signed in again: %+v %q", got, status.Link.Text)
	}
}
