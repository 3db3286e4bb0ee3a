// Package oidclogin signs the app in through the organisation's identity
// provider, as a public native client (RFC 8252): it listens on a loopback
// port, sends the advisor's browser to the provider's authorization
// endpoint with PKCE (S256), a state and a nonce, takes the code the
// provider redirects back, and hands it to pomi-server, which redeems it
// and answers with a device token as the password sign-in does.
//
// It is pure Go: how the browser is opened is the caller's (OpenBrowser,
// Fyne's OpenURL, or a test's http.Client).
package oidclogin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/server/wire"
)

// ErrDenied means the provider sent the browser back without a code (the
// advisor cancelled, or the provider refused the app).
var ErrDenied = errors.New("the identity provider gave no sign-in")

// Flow is one sign-in through the identity provider.
type Flow struct {
	// Client talks to pomi-server; Login's answer does not set its Token.
	Client *client.Client
	// Device is this computer's name on the server.
	Device string
	// Open opens the provider's page in the system browser.
	Open func(url string) error
	// Page is what the browser shows once it is back (English by default).
	Page Page
}

// Page is the small page the loopback listener answers the browser with.
type Page struct {
	Title, Done, Failed string
}

var defaultPage = Page{
	Title:  "POMI Planner",
	Done:   "Thank you. You can close this tab: POMI Planner finishes the sign-in.",
	Failed: "The sign-in did not succeed. Go back to POMI Planner to see why.",
}

// callback is what came back to the loopback redirect.
type callback struct {
	code string
	err  error
}

// SignIn runs the whole sign-in: it asks the server for the provider,
// lets the advisor sign in there in the browser, and returns the server's
// answer. ctx bounds the wait for the browser; give it a deadline.
func (f *Flow) SignIn(ctx context.Context) (wire.LoginResponse, error) {
	cfg, err := f.Client.OIDCConfig(ctx)
	if err != nil {
		return wire.LoginResponse{}, err
	}
	req, err := f.authorize(ctx, cfg)
	if err != nil {
		return wire.LoginResponse{}, err
	}
	req.Device = f.Device
	return f.Client.LoginOIDC(ctx, req)
}

// authorize takes the advisor through the provider and returns the code
// with what the server needs to redeem it.
func (f *Flow) authorize(ctx context.Context, cfg wire.OIDCConfig) (wire.OIDCLoginRequest, error) {
	state, nonce, verifier := random(), random(), random()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return wire.OIDCLoginRequest{}, fmt.Errorf("listen for the sign-in's redirect: %w", err)
	}
	redirect := fmt.Sprintf("http://127.0.0.1:%d", ln.Addr().(*net.TCPAddr).Port)
	authURL, err := AuthorizeURL(cfg, redirect, state, nonce, verifier)
	if err != nil {
		ln.Close()
		return wire.OIDCLoginRequest{}, err
	}
	got := make(chan callback, 1)
	srv := &http.Server{Handler: f.receiver(state, got), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln) //nolint:errcheck // ends with Close below
	defer srv.Close()
	if err := f.Open(authURL); err != nil {
		return wire.OIDCLoginRequest{}, fmt.Errorf("open the browser: %w", err)
	}
	select {
	case <-ctx.Done():
		return wire.OIDCLoginRequest{}, fmt.Errorf("wait for the identity provider: %w", ctx.Err())
	case cb := <-got:
		if cb.err != nil {
			return wire.OIDCLoginRequest{}, cb.err
		}
		return wire.OIDCLoginRequest{Code: cb.code, CodeVerifier: verifier, RedirectURI: redirect, Nonce: nonce}, nil
	}
}

// receiver answers the browser's return to the loopback address and
// passes on the first answer that carries this sign-in's state; anything
// else (a favicon, a stray request) gets 404.
func (f *Flow) receiver(state string, got chan<- callback) http.Handler {
	page := f.Page
	if page.Done == "" {
		page = defaultPage
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/" || q.Get("state") != state {
			http.NotFound(w, r)
			return
		}
		cb := callback{code: q.Get("code")}
		if cb.code == "" {
			cb.err = fmt.Errorf("%w: %s %s", ErrDenied, q.Get("error"), q.Get("error_description"))
		}
		select {
		case got <- cb:
		default: // answered already
		}
		writePage(w, page, cb.err == nil)
	})
}

// AuthorizeURL is the provider's authorization URL for a code sent to
// redirect, with PKCE's S256 challenge of verifier.
func AuthorizeURL(cfg wire.OIDCConfig, redirect, state, nonce, verifier string) (string, error) {
	u, err := url.Parse(cfg.AuthorizationEndpoint)
	if err != nil || (u.Scheme != "https" && !loopbackHTTP(u)) {
		return "", fmt.Errorf("the server names an unusable authorization endpoint %q", cfg.AuthorizationEndpoint)
	}
	q := u.Query()
	q.Set("response_type", "code")
	q.Set("client_id", cfg.ClientID)
	q.Set("redirect_uri", redirect)
	q.Set("scope", strings.Join(cfg.Scopes, " "))
	q.Set("state", state)
	q.Set("nonce", nonce)
	q.Set("code_challenge", Challenge(verifier))
	q.Set("code_challenge_method", "S256")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// loopbackHTTP admits plain http only for a provider on this computer
// (a test's).
func loopbackHTTP(u *url.URL) bool {
	ip := net.ParseIP(u.Hostname())
	return u.Scheme == "http" && ip != nil && ip.IsLoopback()
}

// Challenge is PKCE's S256 code challenge of a verifier (RFC 7636).
func Challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// random is 256 random bits, URL-safe: a state, nonce or PKCE verifier
// (43 characters, as RFC 7636 asks).
func random() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}
