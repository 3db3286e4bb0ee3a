package oidc_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"

	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/server/oidc"
	"github.com/pomi-planner/pomi/server/wire"
)

// provider runs a real OIDC provider on loopback and returns it with a
// Provider trusting it.
func provider(t *testing.T) (*mockoidc.MockOIDC, *oidc.Provider) {
	t.Helper()
	return teamtest.OIDCProvider(t)
}

// claims are a valid ID token's claims for m, changed by change.
func claims(m *mockoidc.MockOIDC, change func(jwt.MapClaims)) jwt.MapClaims {
	now := time.Now()
	c := jwt.MapClaims{
		"iss": m.Issuer(), "aud": m.ClientID, "sub": "s-1", "nonce": "n-1",
		"iat": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(),
		"email": "Anna@Example.se", "email_verified": true,
	}
	if change != nil {
		change(c)
	}
	return c
}

func TestVerifyChecksEveryClaim(t *testing.T) {
	m, p := provider(t)
	other, err := mockoidc.RandomKeypair(2048)
	if err != nil {
		t.Fatal(err)
	}
	sign := func(k *mockoidc.Keypair, c jwt.MapClaims) string {
		raw, err := k.SignJWT(c)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	ctx := context.Background()
	id, err := p.Verify(ctx, sign(m.Keypair, claims(m, nil)), "n-1")
	if err != nil || id.Email != "anna@example.se" || id.Subject != "s-1" {
		t.Fatalf("good token: %+v, %v", id, err)
	}
	// Entra ID sends no email_verified but may say the tenant owns the domain.
	for _, v := range []any{true, "true", "1", 1} {
		raw := sign(m.Keypair, claims(m, func(c jwt.MapClaims) { delete(c, "email_verified"); c["xms_edov"] = v }))
		if _, err := p.Verify(ctx, raw, "n-1"); err != nil {
			t.Errorf("xms_edov %v: %v", v, err)
		}
	}
	refused := map[string]string{
		"wrong audience":   sign(m.Keypair, claims(m, func(c jwt.MapClaims) { c["aud"] = "another-app" })),
		"wrong issuer":     sign(m.Keypair, claims(m, func(c jwt.MapClaims) { c["iss"] = "https://evil.example" })),
		"expired":          sign(m.Keypair, claims(m, func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Minute).Unix() })),
		"wrong nonce":      sign(m.Keypair, claims(m, func(c jwt.MapClaims) { c["nonce"] = "n-2" })),
		"no nonce":         sign(m.Keypair, claims(m, func(c jwt.MapClaims) { delete(c, "nonce") })),
		"unverified email": sign(m.Keypair, claims(m, func(c jwt.MapClaims) { c["email_verified"] = false })),
		"string false":     sign(m.Keypair, claims(m, func(c jwt.MapClaims) { c["email_verified"] = "false" })),
		"no email":         sign(m.Keypair, claims(m, func(c jwt.MapClaims) { delete(c, "email") })),
		"foreign key":      sign(other, claims(m, nil)),
		"not a token":      "abc.def.ghi",
	}
	for name, raw := range refused {
		if _, err := p.Verify(ctx, raw, "n-1"); !errors.Is(err, oidc.ErrRefused) {
			t.Errorf("%s: err = %v, want ErrRefused", name, err)
		}
	}
}

func TestProviderDownIsUnavailable(t *testing.T) {
	p, err := oidc.New(oidc.Config{Issuer: "http://127.0.0.1:1/oidc", ClientID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Public(context.Background()); !errors.Is(err, oidc.ErrUnavailable) {
		t.Errorf("Public = %v, want ErrUnavailable", err)
	}
	req := wire.OIDCLoginRequest{Code: "c", CodeVerifier: "v", Nonce: "n", RedirectURI: "http://127.0.0.1:5000"}
	if _, err := p.Identify(context.Background(), req); !errors.Is(err, oidc.ErrUnavailable) {
		t.Errorf("Identify = %v, want ErrUnavailable", err)
	}
	if _, err := oidc.New(oidc.Config{Issuer: "https://x"}); err == nil {
		t.Error("New without client id succeeded")
	}
}

func TestIdentifyRefusesIncompleteOrNonLoopback(t *testing.T) {
	_, p := provider(t)
	good := wire.OIDCLoginRequest{Code: "c", CodeVerifier: "v", Nonce: "n", RedirectURI: "http://127.0.0.1:5000"}
	for name, change := range map[string]func(*wire.OIDCLoginRequest){
		"web redirect":   func(r *wire.OIDCLoginRequest) { r.RedirectURI = "https://evil.example/cb" },
		"no verifier":    func(r *wire.OIDCLoginRequest) { r.CodeVerifier = "" },
		"no nonce":       func(r *wire.OIDCLoginRequest) { r.Nonce = "" },
		"bad code":       func(*wire.OIDCLoginRequest) {}, // the provider refuses it
		"no code":        func(r *wire.OIDCLoginRequest) { r.Code = "" },
		"redirect query": func(r *wire.OIDCLoginRequest) { r.RedirectURI += "/?x=1" },
	} {
		req := good
		change(&req)
		if _, err := p.Identify(context.Background(), req); !errors.Is(err, oidc.ErrRefused) {
			t.Errorf("%s: err = %v, want ErrRefused", name, err)
		}
	}
}

func TestLoopbackRedirect(t *testing.T) {
	for uri, want := range map[string]bool{
		"http://127.0.0.1:49152":          true,
		"http://127.0.0.1:49152/callback": true,
		"http://[::1]:8080/":              true,
		"http://127.0.0.1":                false, // no port: not a listener of the app's
		"https://127.0.0.1:443":           false,
		"http://localhost:8080":           false, // a name can be made to resolve elsewhere
		"http://evil.example:8080":        false,
		"http://u@127.0.0.1:8080":         false,
		"http://127.0.0.1:8080/#f":        false,
		"://":                             false,
	} {
		if got := oidc.LoopbackRedirect(uri); got != want {
			t.Errorf("LoopbackRedirect(%q) = %v, want %v", uri, got, want)
		}
	}
}
