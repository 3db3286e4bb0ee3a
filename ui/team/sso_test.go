package team

import (
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/app/sync/oidclogin"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/internal/uitest"
)

// ssoServer is the real API trusting a real OIDC provider on loopback.
func ssoServer(t *testing.T) (*server, *mockoidc.MockOIDC) {
	t.Helper()
	return teamtest.NewOIDCServer(t)
}

// follow stands in for the browser: it follows the provider's redirect
// back to the window's loopback listener.
func follow(u *url.URL) error {
	resp, err := http.Get(u.String())
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// typeServer types a server's address and waits out the pause after which
// the section asks it whether it offers the sign-in.
func typeServer(d *device, s *Section, e *server) {
	s.Server.SetText(e.URL)
	s.CA.SetText(e.CAFile)
	d.clock.Advance(time.Second)
}

func TestSSOButtonSignsInThroughTheIdentityProvider(t *testing.T) {
	e, m := ssoServer(t)
	d := newDevice(t, "sv")
	s := NewSection(d.win, d.svc, d.loc)
	s.OpenURL = follow
	d.win.SetContent(s.Content())
	if s.SSOButton.Visible() {
		t.Fatal("the button shows before a server is typed in")
	}
	typeServer(d, s, e)
	if !s.SSOButton.Visible() || s.SSOButton.Text != "Logga in med organisationens konto" {
		t.Fatalf("the server offers the sign-in but the button is visible=%v %q", s.SSOButton.Visible(), s.SSOButton.Text)
	}
	// Shown after the form was laid out, it gets its room in the row.
	if got, want := s.SSOButton.Size().Width, s.SSOButton.MinSize().Width; got < want {
		t.Errorf("the button is %v wide, needs %v", got, want)
	}

	m.QueueUser(&mockoidc.MockUser{Subject: "s-x", Email: "stranger@example.se", EmailVerified: true})
	test.Tap(s.SSOButton)
	if want := "Servern har ingen rådgivare med det kontots e-postadress. Be den som sköter servern att lägga till dig."; s.Message.Text != want || !s.Message.Visible() {
		t.Errorf("unknown account: message %q", s.Message.Text)
	}
	if teamfile.Exists(d.dir) {
		t.Fatal("signed in with an unknown account")
	}

	m.QueueUser(&mockoidc.MockUser{Subject: "s-bo", Email: "bo@example.se", EmailVerified: true})
	test.Tap(s.SSOButton)
	cfg, err := teamfile.Load(d.dir)
	if err != nil || cfg.Email != "bo@example.se" || cfg.Advisor != "Bo Ek" || cfg.Token == "" || cfg.CA == "" {
		t.Fatalf("team.json: %+v %v", cfg, err)
	}
	if !uitest.ContainsText(d.win.Canvas().Content(), "Inloggad som Bo Ek (bo@example.se) i Rådgivarna AB.") {
		t.Errorf("signed in, the section shows %q", uitest.AllTexts(d.win.Canvas().Content()))
	}
	if st := d.svc.State(); st.LastSynced.IsZero() {
		t.Errorf("no first round after signing in: %+v", st)
	}
}

func TestNoSSOButtonWhenTheServerOffersNone(t *testing.T) {
	e := newServer(t)
	d := newDevice(t, "en")
	s := NewSection(d.win, d.svc, d.loc)
	d.win.SetContent(s.Content())
	typeServer(d, s, e)
	if s.SSOButton.Visible() {
		t.Error("the button shows for a server without an identity provider")
	}
	// Should the window try anyway, it says so in one sentence.
	var got error
	d.svc.SignInSSO(Credentials{Server: e.URL, CAFile: e.CAFile, Device: "x"}, follow0, oidclogin.Page{}, func(err error) { got = err })
	want := "This server offers no sign-in with your organisation's account. Sign in with your email address and password."
	if got == nil || Sentence(d.loc, got) != want {
		t.Errorf("sign-in without a provider: %v → %q", got, Sentence(d.loc, got))
	}
}

func follow0(string) error { return nil }
