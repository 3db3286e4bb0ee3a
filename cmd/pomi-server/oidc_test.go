package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/selfsigned"
	"github.com/pomi-planner/pomi/server/wire"
)

func TestServeOffersSignInThroughTheIdentityProvider(t *testing.T) {
	m, err := mockoidc.Run()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Shutdown() })
	db := pgtest.NewDB(t)
	pomi(t, db, "", "org", "create", "--name", "Rådgivarna AB")
	cert, err := selfsigned.New()
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile, err := cert.WriteFiles(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tlsArgs := []string{"serve", "--listen", "127.0.0.1:0", "--cert", certFile, "--key", keyFile}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--oidc-issuer", m.Issuer()}, exitUsage, "--oidc-client-id"},
		{[]string{"--oidc-client-id", "x"}, exitUsage, "--oidc-issuer"},
		{[]string{"--oidc-issuer", m.Issuer(), "--oidc-client-id", "x", "--oidc-organisation", "Nobody AB"}, exitNotFound, "Nobody AB"},
	} {
		if code, _, errOut := pomi(t, db, "", append(tlsArgs, c.args...)...); code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("serve %v = %d %s", c.args, code, errOut)
		}
	}

	t.Setenv(envOIDCClientSecret, m.ClientSecret) // a secret stays out of the process list
	srv := startServe(t, append(tlsArgs, "--database-url", db, "--oidc-issuer", m.Issuer(), "--oidc-client-id", m.ClientID,
		"--oidc-organisation", "Rådgivarna AB"), cert.Pool)
	resp, err := srv.client.Get(srv.base + "/v1/oidc/config")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var cfg wire.OIDCConfig
	if err := json.NewDecoder(resp.Body).Decode(&cfg); err != nil || resp.StatusCode != http.StatusOK ||
		cfg.Issuer != m.Issuer() || cfg.ClientID != m.ClientID || cfg.AuthorizationEndpoint != m.AuthorizationEndpoint() {
		t.Errorf("oidc config = %d %+v %v", resp.StatusCode, cfg, err)
	}
	srv.stop(t)
}
