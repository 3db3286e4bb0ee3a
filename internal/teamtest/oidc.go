package teamtest

import (
	"testing"

	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/oidc"
)

// OIDCProvider runs a real OIDC provider on loopback, stopped when the
// test ends, and returns it with a Provider of pomi-server trusting it.
func OIDCProvider(t *testing.T) (*mockoidc.MockOIDC, *oidc.Provider) {
	t.Helper()
	m, err := mockoidc.Run()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Shutdown() })
	p, err := oidc.New(oidc.Config{Issuer: m.Issuer(), ClientID: m.ClientID, ClientSecret: m.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	return m, p
}

// NewOIDCServer is NewServer with sign-in through a real OIDC provider on
// loopback, which it returns too.
func NewOIDCServer(t *testing.T) (*Server, *mockoidc.MockOIDC) {
	t.Helper()
	m, p := OIDCProvider(t)
	return NewServerWith(t, api.Config{OIDC: p}), m
}
