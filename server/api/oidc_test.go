package api_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/oidc"
	"github.com/pomi-planner/pomi/server/wire"
)

// idp is a real OIDC provider on loopback (mockoidc) for the API tests.
type idp struct {
	t *testing.T
	m *mockoidc.MockOIDC
}

func newIDP(t *testing.T) *idp {
	t.Helper()
	m, err := mockoidc.Run()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Shutdown() })
	return &idp{t: t, m: m}
}

// provider trusts the IdP for its client.
func (p *idp) provider() *oidc.Provider {
	prov, err := oidc.New(oidc.Config{Issuer: p.m.Issuer(), ClientID: p.m.ClientID, ClientSecret: p.m.ClientSecret})
	if err != nil {
		p.t.Fatal(err)
	}
	return prov
}

const redirect = "http://127.0.0.1:49152/callback"

// code signs email in at the provider, as a browser would, and returns the
// code it sends to the redirect, for this nonce and PKCE verifier.
func (p *idp) code(email string, verified bool, nonce, verifier string) string {
	p.t.Helper()
	p.m.QueueUser(&mockoidc.MockUser{Subject: "sub-" + email, Email: email, EmailVerified: verified})
	q := url.Values{"response_type": {"code"}, "client_id": {p.m.ClientID}, "redirect_uri": {redirect},
		"scope": {"openid email profile"}, "state": {"st"}, "nonce": {nonce},
		"code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"}}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(p.m.AuthorizationEndpoint() + "?" + q.Encode())
	if err != nil {
		p.t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || resp.StatusCode != http.StatusFound || loc.Query().Get("code") == "" {
		p.t.Fatalf("authorize: %d %q %v", resp.StatusCode, resp.Header.Get("Location"), err)
	}
	return loc.Query().Get("code")
}

func challenge(verifier string) string {
	c, err := mockoidc.GenerateCodeChallenge("S256", verifier)
	if err != nil {
		panic(err)
	}
	return c
}

const verifier = "a-pkce-verifier-of-at-least-43-characters-long-enough"

func loginReq(code, nonce string) wire.OIDCLoginRequest {
	return wire.OIDCLoginRequest{Code: code, CodeVerifier: verifier, RedirectURI: redirect, Nonce: nonce, Device: "Annas laptop"}
}

func TestOIDCNotConfiguredIs404(t *testing.T) {
	e := newEnv(t, api.Config{})
	for _, c := range []struct {
		method, path string
		body         any
	}{{"GET", "/v1/oidc/config", nil}, {"POST", "/v1/login/oidc", loginReq("c", "n")}} {
		status, body := e.do(c.method, c.path, "", c.body)
		if status != http.StatusNotFound || errorCode(t, body) != wire.ErrNotFound {
			t.Errorf("%s %s = %d %s", c.method, c.path, status, body)
		}
	}
}

func TestOIDCConfigAndLogin(t *testing.T) {
	p := newIDP(t)
	e := newEnv(t, api.Config{OIDC: p.provider()})
	e.addAdvisor(e.org.ID, "Anna Berg", "anna@example.se")

	status, body := e.do("GET", "/v1/oidc/config", "", nil)
	var cfg wire.OIDCConfig
	mustUnmarshal(t, body, &cfg)
	if status != http.StatusOK || cfg.Issuer != p.m.Issuer() || cfg.ClientID != p.m.ClientID ||
		cfg.AuthorizationEndpoint != p.m.AuthorizationEndpoint() || len(cfg.Scopes) == 0 {
		t.Fatalf("config = %d %+v", status, cfg)
	}
	// The provider's e-mail address differs in case from the stored one.
	status, body = e.do("POST", "/v1/login/oidc", "", loginReq(p.code("Anna@Example.se", true, "n-1", verifier), "n-1"))
	var resp wire.LoginResponse
	mustUnmarshal(t, body, &resp)
	if status != http.StatusOK || resp.AdvisorName != "Anna Berg" || resp.Organisation != "Rådgivarna AB" || resp.Token == "" {
		t.Fatalf("oidc login = %d %s", status, body)
	}
	status, body = e.do("GET", "/v1/me", resp.Token, nil)
	var me wire.Me
	mustUnmarshal(t, body, &me)
	if status != http.StatusOK || me.Email != "anna@example.se" || me.DeviceName != "Annas laptop" {
		t.Fatalf("me = %d %+v", status, me)
	}
	// A code is good once.
	status, body = e.do("POST", "/v1/login/oidc", "", loginReq(p.code("anna@example.se", true, "n-2", verifier), "n-2"))
	if status != http.StatusOK {
		t.Fatalf("second login = %d %s", status, body)
	}
}

func TestOIDCLoginRefusals(t *testing.T) {
	p := newIDP(t)
	e := newEnv(t, api.Config{OIDC: p.provider()})
	e.addAdvisor(e.org.ID, "Anna Berg", "anna@example.se")
	e.addAdvisor(e.org.ID, "Bo Ek", "bo@example.se")
	if _, err := e.store.SetAdvisorDisabled(context.Background(), "bo@example.se", true); err != nil {
		t.Fatal(err)
	}
	refuse := func(name string, req wire.OIDCLoginRequest, wantStatus int, wantCode string) {
		t.Helper()
		status, body := e.do("POST", "/v1/login/oidc", "", req)
		if status != wantStatus || errorCode(t, body) != wantCode {
			t.Errorf("%s: %d %s, want %d %s", name, status, body, wantStatus, wantCode)
		}
	}
	refuse("wrong nonce", loginReq(p.code("anna@example.se", true, "n-1", verifier), "n-other"),
		http.StatusUnauthorized, wire.ErrBadCredentials)
	wrongVerifier := loginReq(p.code("anna@example.se", true, "n-1", verifier), "n-1")
	wrongVerifier.CodeVerifier = verifier + "x"
	refuse("wrong verifier", wrongVerifier, http.StatusUnauthorized, wire.ErrBadCredentials)
	refuse("unknown e-mail", loginReq(p.code("nobody@example.se", true, "n-1", verifier), "n-1"),
		http.StatusUnauthorized, wire.ErrBadCredentials)
	refuse("unverified e-mail", loginReq(p.code("anna@example.se", false, "n-1", verifier), "n-1"),
		http.StatusUnauthorized, wire.ErrBadCredentials)
	refuse("disabled advisor", loginReq(p.code("bo@example.se", true, "n-1", verifier), "n-1"),
		http.StatusForbidden, wire.ErrAccountDisabled)
	web := loginReq(p.code("anna@example.se", true, "n-1", verifier), "n-1")
	web.RedirectURI = "https://evil.example/callback"
	refuse("web redirect", web, http.StatusUnauthorized, wire.ErrBadCredentials)
	noDevice := loginReq("c", "n-1")
	noDevice.Device = ""
	refuse("no device name", noDevice, http.StatusBadRequest, wire.ErrBadRequest)

	// The provider's clock two hours behind: the ID token expired long ago.
	p.m.FastForward(-2 * time.Hour)
	refuse("expired ID token", loginReq(p.code("anna@example.se", true, "n-1", verifier), "n-1"),
		http.StatusUnauthorized, wire.ErrBadCredentials)
	p.m.FastForward(2 * time.Hour)

	if n := e.queryInt("SELECT count(*) FROM devices"); n != 0 {
		t.Errorf("%d devices after refused sign-ins", n)
	}
}

func TestOIDCOrganisationAndRateLimit(t *testing.T) {
	p := newIDP(t)
	rl := auth.RateLimit{Window: time.Minute, PerEmail: 100, PerAddress: 3}
	e := newEnv(t, api.Config{RateLimit: rl})
	other, err := e.store.CreateOrganisation(context.Background(), "Andra AB")
	if err != nil {
		t.Fatal(err)
	}
	e.addAdvisor(e.org.ID, "Anna Berg", "anna@example.se")
	e.addAdvisor(other.ID, "Cai Ode", "cai@example.se")
	// A second API on the same database, admitting only Rådgivarna AB.
	srv, hc := startTLS(t, e.store, api.Config{OIDC: p.provider(), OIDCOrgID: e.org.ID, RateLimit: rl})
	e.srv, e.client = srv, hc

	status, body := e.do("POST", "/v1/login/oidc", "", loginReq(p.code("cai@example.se", true, "n", verifier), "n"))
	if status != http.StatusUnauthorized || errorCode(t, body) != wire.ErrBadCredentials {
		t.Errorf("advisor of another organisation: %d %s", status, body)
	}
	for i := range rl.PerAddress {
		if status, _ := e.do("POST", "/v1/login/oidc", "", loginReq("forged", "n")); status != http.StatusUnauthorized {
			t.Fatalf("forged code %d = %d", i, status)
		}
	}
	// Past the limit even a good code waits: the provider is not asked.
	status, body = e.do("POST", "/v1/login/oidc", "", loginReq(p.code("anna@example.se", true, "n", verifier), "n"))
	if status != http.StatusTooManyRequests || errorCode(t, body) != wire.ErrRateLimited {
		t.Errorf("after %d forged codes: %d %s", rl.PerAddress, status, body)
	}
}

func TestOIDCProviderDownIs502(t *testing.T) {
	prov, err := oidc.New(oidc.Config{Issuer: "http://127.0.0.1:1/oidc", ClientID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, api.Config{OIDC: prov})
	for _, c := range []struct {
		method, path string
		body         any
	}{{"GET", "/v1/oidc/config", nil}, {"POST", "/v1/login/oidc", loginReq("c", "n")}} {
		status, body := e.do(c.method, c.path, "", c.body)
		if status != http.StatusBadGateway || errorCode(t, body) != wire.ErrIdentityProvider {
			t.Errorf("%s %s = %d %s", c.method, c.path, status, body)
		}
	}
}
