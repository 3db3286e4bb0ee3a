package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/wire"
)

func TestLoginGoodBadAndDisabled(t *testing.T) {
	e := newEnv(t, api.Config{})
	e.addAdvisor(e.org.ID, "Anna Berg", "anna@example.se")

	tok := e.login("  ANNA@example.se ", "Annas laptop")
	status, body := e.do("GET", "/v1/me", tok, nil)
	var me wire.Me
	mustUnmarshal(t, body, &me)
	if status != http.StatusOK || me.Email != "anna@example.se" || me.DeviceName != "Annas laptop" || me.OrganisationID != e.org.ID {
		t.Fatalf("me = %d %+v", status, me)
	}
	// Only the token's SHA-256 is stored.
	if n := e.queryInt("SELECT count(*) FROM devices WHERE token_hash = $1", auth.HashToken(tok)); n != 1 {
		t.Errorf("devices with the token's hash = %d", n)
	}
	if n := e.queryInt("SELECT count(*) FROM devices WHERE position($1::bytea in token_hash) > 0", []byte(tok)); n != 0 {
		t.Error("the token itself is stored")
	}

	for _, c := range []struct{ email, password string }{
		{"anna@example.se", "wrong password!"},
		{"nobody@example.se", password},
	} {
		status, body := e.do("POST", "/v1/login", "", wire.LoginRequest{Email: c.email, Password: c.password, Device: "x"})
		if status != http.StatusUnauthorized || errorCode(t, body) != wire.ErrBadCredentials {
			t.Errorf("login %s/%s = %d %s", c.email, c.password, status, body)
		}
	}

	if _, err := e.store.SetAdvisorDisabled(context.Background(), "anna@example.se", true); err != nil {
		t.Fatal(err)
	}
	status, body = e.do("POST", "/v1/login", "", wire.LoginRequest{Email: "anna@example.se", Password: password, Device: "x"})
	if status != http.StatusForbidden || errorCode(t, body) != wire.ErrAccountDisabled {
		t.Errorf("disabled advisor's login = %d %s", status, body)
	}
	status, body = e.do("GET", "/v1/me", tok, nil)
	if status != http.StatusUnauthorized || errorCode(t, body) != wire.ErrAccountDisabled {
		t.Errorf("disabled advisor's token = %d %s", status, body)
	}

	for _, bad := range []wire.LoginRequest{
		{Email: "not an address", Password: password, Device: "x"},
		{Email: "anna@example.se", Password: password, Device: ""},
		{Email: "anna@example.se", Password: password, Device: "a\x00b"},
	} {
		if status, body := e.do("POST", "/v1/login", "", bad); status != http.StatusBadRequest {
			t.Errorf("login %+v = %d %s", bad, status, body)
		}
	}
}

// Failed logins are counted in PostgreSQL: the limit holds across two
// servers sharing the database, per e-mail and per remote address.
func TestLoginRateLimitedAcrossServers(t *testing.T) {
	cfg := api.Config{RateLimit: auth.RateLimit{Window: time.Minute, PerEmail: 3, PerAddress: 6}}
	e := newEnv(t, cfg)
	e.addAdvisor(e.org.ID, "Anna", "anna@example.se")
	e.addAdvisor(e.org.ID, "Bo", "bo@example.se")
	other := &env{t: t, url: e.url, store: e.store, org: e.org}
	other.srv, other.client = startTLS(t, e.store, cfg)

	wrong := wire.LoginRequest{Email: "anna@example.se", Password: "wrong password!", Device: "x"}
	for i, srv := range []*env{e, other, e} {
		if status, _ := srv.do("POST", "/v1/login", "", wrong); status != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d", i, status)
		}
	}
	right := wire.LoginRequest{Email: "anna@example.se", Password: password, Device: "x"}
	status, body := other.do("POST", "/v1/login", "", right)
	if status != http.StatusTooManyRequests || errorCode(t, body) != wire.ErrRateLimited {
		t.Fatalf("fourth login, right password = %d %s", status, body)
	}
	// Another e-mail from the same address still works, until the
	// address has used up its own allowance.
	e.login("bo@example.se", "x")
	for i := range 3 {
		wrongBo := wire.LoginRequest{Email: "bo@example.se", Password: "wrong password!", Device: "x"}
		if status, _ := e.do("POST", "/v1/login", "", wrongBo); status != http.StatusUnauthorized {
			t.Fatalf("bo's failure %d = %d", i, status)
		}
	}
	status, body = e.do("POST", "/v1/login", "", wire.LoginRequest{Email: "someone@example.se", Password: password, Device: "x"})
	if status != http.StatusTooManyRequests {
		t.Fatalf("login after 6 failures from one address = %d %s", status, body)
	}
	// Failures older than the window no longer count.
	e.sql("UPDATE login_failures SET at = at - interval '2 minutes'")
	e.login("anna@example.se", "x")
}

func TestTokensWrongExpiredRevoked(t *testing.T) {
	e := newEnv(t, api.Config{})
	e.addAdvisor(e.org.ID, "Anna", "anna@example.se")
	tok := e.login("anna@example.se", "laptop")

	for _, c := range []struct{ header, code string }{
		{"", wire.ErrUnauthorized},
		{"Bearer " + tok + "x", wire.ErrUnauthorized},
		{"Bearer pomi_' OR '1'='1", wire.ErrUnauthorized},
		{"Basic " + tok, wire.ErrUnauthorized},
	} {
		req, _ := http.NewRequest("GET", e.srv.URL+"/v1/pull", nil)
		if c.header != "" {
			req.Header.Set("Authorization", c.header)
		}
		resp, err := e.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("header %q: %d", c.header, resp.StatusCode)
		}
	}

	e.sql("UPDATE devices SET expires_at = now() - interval '1 second'")
	if status, body := e.do("GET", "/v1/pull", tok, nil); status != http.StatusUnauthorized || errorCode(t, body) != wire.ErrTokenExpired {
		t.Errorf("expired token = %d %s", status, body)
	}

	tok2 := e.login("anna@example.se", "desktop")
	devs, err := e.store.ListDevices(context.Background(), e.org.ID, "")
	if err != nil || len(devs) != 2 {
		t.Fatalf("devices = %v %v", devs, err)
	}
	if _, err := e.store.RevokeDevice(context.Background(), e.org.ID, devs[1].ID); err != nil {
		t.Fatal(err)
	}
	if status, body := e.do("GET", "/v1/pull", tok2, nil); status != http.StatusUnauthorized || errorCode(t, body) != wire.ErrDeviceRevoked {
		t.Errorf("revoked device = %d %s", status, body)
	}

	tok3 := e.login("anna@example.se", "tablet")
	if status, _ := e.do("POST", "/v1/logout", tok3, nil); status != http.StatusNoContent {
		t.Errorf("logout = %d", status)
	}
	if status, _ := e.do("GET", "/v1/me", tok3, nil); status != http.StatusUnauthorized {
		t.Errorf("token after logout = %d", status)
	}
}
