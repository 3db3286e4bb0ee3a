package main

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/internal/teamtest"
)

// followBrowser stands in for the system browser: it follows the
// identity provider's redirect back to pomi-cli's loopback listener.
func followBrowser(t *testing.T) {
	t.Helper()
	orig := openBrowser
	t.Cleanup(func() { openBrowser = orig })
	openBrowser = func(u string) error {
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
}

// ssoServer is the real API trusting a real OIDC provider on loopback.
func ssoServer(t *testing.T) (*teamtest.Server, *mockoidc.MockOIDC) {
	t.Helper()
	return teamtest.NewOIDCServer(t)
}

func TestLoginSSOSignsInThroughTheIdentityProvider(t *testing.T) {
	followBrowser(t)
	srv, m := ssoServer(t)
	m.QueueUser(&mockoidc.MockUser{Subject: "s-bo", Email: "bo@example.se", EmailVerified: true})
	d := &device{t: t, dir: t.TempDir()}
	out := d.run("login", "--server", srv.URL, "--sso", "--device", "Bos laptop", "--ca", srv.CAFile, "--lang", "en")
	if !strings.Contains(out, "as Bo Ek (Rådgivarna AB)") {
		t.Errorf("login said:\n%s", out)
	}
	cfg, err := loadTeam(d.dir)
	must(t, err)
	if cfg.Email != "bo@example.se" || cfg.Device != "Bos laptop" || cfg.Token == "" {
		t.Errorf("team.json: %+v", cfg)
	}
	if st := d.status(); st.Connection != "ok" {
		t.Errorf("status after --sso: %+v", st)
	}

	// An account the server has no advisor for.
	m.QueueUser(&mockoidc.MockUser{Subject: "s-x", Email: "stranger@example.se", EmailVerified: true})
	d2 := &device{t: t, dir: t.TempDir()}
	if code, line := d2.fail("login", "--server", srv.URL, "--sso", "--ca", srv.CAFile); code != 1 || !strings.Contains(line, "no advisor with the email address") {
		t.Errorf("unknown account: %d %q", code, line)
	}
}

func TestLoginSSOWithoutProviderSaysSo(t *testing.T) {
	followBrowser(t)
	srv := teamtest.NewServer(t)
	d := &device{t: t, dir: t.TempDir()}
	code, line := d.fail("login", "--server", srv.URL, "--sso", "--ca", srv.CAFile)
	if code != 1 || !strings.Contains(line, "offers no sign-in with your organisation's account") {
		t.Errorf("en: %d %q", code, line)
	}
	var stderr bytes.Buffer
	code = cli([]string{"login", "--server", srv.URL, "--sso", "--ca", srv.CAFile, "--lang", "sv", "--data-dir", d.dir}, &bytes.Buffer{}, &stderr, env("sv_SE.UTF-8"))
	if code != 1 || !strings.Contains(stderr.String(), "erbjuder ingen inloggning med organisationens konto") {
		t.Errorf("sv: %d %q", code, stderr.String())
	}
}
