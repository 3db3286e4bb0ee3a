package oidclogin_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/oidclogin"
	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/server/wire"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// setup runs a real OIDC provider and the real pomi-server API trusting it,
// and returns a client of the API.
func setup(t *testing.T) (*mockoidc.MockOIDC, *client.Client) {
	t.Helper()
	srv, m := teamtest.NewOIDCServer(t)
	return m, apiClient(t, srv)
}

func apiClient(t *testing.T, srv *teamtest.Server) *client.Client {
	t.Helper()
	pem, err := os.ReadFile(srv.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	hc := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	c := client.New(srv.URL, hc, "")
	c.Attempts = 1
	return c
}

// browser stands in for the system browser: it follows the provider's
// redirect back to the loopback listener and keeps the page it shows.
type browser struct {
	opened  int
	lastURL string
	page    string
}

func (b *browser) open(u string) error {
	b.opened++
	b.lastURL = u
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	b.page = string(raw)
	return err
}

func TestSignInEndToEnd(t *testing.T) {
	m, c := setup(t)
	m.QueueUser(&mockoidc.MockUser{Subject: "s-anna", Email: "anna@example.se", EmailVerified: true})
	b := &browser{}
	f := &oidclogin.Flow{Client: c, Device: "Annas laptop", Open: b.open}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	resp, err := f.SignIn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if resp.AdvisorName != "Anna Berg" || resp.Organisation != "Rådgivarna AB" || !strings.HasPrefix(resp.Token, "pomi_") {
		t.Fatalf("sign-in = %+v", resp)
	}
	if !strings.Contains(b.page, "close this tab") {
		t.Errorf("the browser showed %q", b.page)
	}
	q := mustQuery(t, b.lastURL)
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("nonce") == "" ||
		!strings.HasPrefix(q.Get("redirect_uri"), "http://127.0.0.1:") {
		t.Errorf("authorize URL %s", b.lastURL)
	}
	c.Token = resp.Token
	me, err := c.Me(ctx)
	if err != nil || me.Email != "anna@example.se" || me.DeviceName != "Annas laptop" {
		t.Fatalf("me = %+v, %v", me, err)
	}
}

func TestSignInRefusedForUnknownAddress(t *testing.T) {
	m, c := setup(t)
	m.QueueUser(&mockoidc.MockUser{Subject: "s-x", Email: "stranger@example.se", EmailVerified: true})
	b := &browser{}
	_, err := (&oidclogin.Flow{Client: c, Device: "d", Open: b.open}).SignIn(context.Background())
	var ce *client.Error
	if !errors.Is(err, client.ErrUnauthorized) || !errors.As(err, &ce) || ce.Code != wire.ErrBadCredentials {
		t.Fatalf("err = %v, want unauthorized bad_credentials", err)
	}
}

func TestServerWithoutOIDC(t *testing.T) {
	c := apiClient(t, teamtest.NewServer(t))
	b := &browser{}
	_, err := (&oidclogin.Flow{Client: c, Device: "d", Open: b.open}).SignIn(context.Background())
	if !errors.Is(err, client.ErrNoOIDC) || b.opened != 0 {
		t.Fatalf("err = %v, browser opened %d times; want ErrNoOIDC and no browser", err, b.opened)
	}
}

func TestProviderDeniesOrBrowserNeverComesBack(t *testing.T) {
	_, c := setup(t)
	// The advisor cancels at the provider: it redirects back with an error.
	deny := func(u string) error {
		q := mustQuery(t, u)
		// A stray request (no state) is not taken for the answer.
		if resp, err := http.Get(q.Get("redirect_uri") + "/favicon.ico"); err != nil || resp.StatusCode != http.StatusNotFound {
			t.Errorf("stray request: %v %v", resp, err)
		}
		back := q.Get("redirect_uri") + "?" + url.Values{"error": {"access_denied"}, "state": {q.Get("state")}}.Encode()
		resp, err := http.Get(back)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	_, err := (&oidclogin.Flow{Client: c, Device: "d", Open: deny}).SignIn(context.Background())
	if !errors.Is(err, oidclogin.ErrDenied) || !strings.Contains(err.Error(), "access_denied") {
		t.Errorf("denied: err = %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err = (&oidclogin.Flow{Client: c, Device: "d", Open: func(string) error { return nil }}).SignIn(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("no answer: err = %v", err)
	}
}

func TestAuthorizeURL(t *testing.T) {
	cfg := wire.OIDCConfig{ClientID: "app", AuthorizationEndpoint: "https://idp.example/authorize?tenant=x", Scopes: []string{"openid", "email"}}
	u, err := oidclogin.AuthorizeURL(cfg, "http://127.0.0.1:5000", "st", "no", "ver")
	if err != nil {
		t.Fatal(err)
	}
	q := mustQuery(t, u)
	for k, want := range map[string]string{"tenant": "x", "client_id": "app", "scope": "openid email", "state": "st",
		"nonce": "no", "code_challenge": oidclogin.Challenge("ver"), "response_type": "code", "redirect_uri": "http://127.0.0.1:5000"} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, q.Get(k), want)
		}
	}
	// RFC 7636 appendix B's example.
	if got := oidclogin.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"); got != "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" {
		t.Errorf("Challenge = %s", got)
	}
	for _, bad := range []string{"http://idp.example/authorize", "javascript:alert(1)", "::"} {
		cfg.AuthorizationEndpoint = bad
		if _, err := oidclogin.AuthorizeURL(cfg, "http://127.0.0.1:5000", "s", "n", "v"); err == nil {
			t.Errorf("endpoint %q accepted", bad)
		}
	}
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}
