// Package oidc signs advisors in through the organisation's identity
// provider (OpenID Connect, such as Microsoft Entra ID) for pomi-server.
//
// The app is a public native client: it sends the advisor's browser to the
// provider with PKCE and a loopback redirect (RFC 8252), then hands the
// code to the server. The server redeems the code at the provider (holding
// the client secret, if there is one), verifies the ID token with go-oidc
// (signature, issuer, audience, expiry, and the nonce the app chose) and
// names the advisor by the token's verified e-mail address.
package oidc

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/pomi-planner/pomi/server/wire"
)

// Why a sign-in through the provider failed.
var (
	// ErrRefused: the code or the ID token was refused (forged, expired,
	// for another client, wrong nonce, no verified e-mail address).
	ErrRefused = errors.New("identity provider sign-in refused")
	// ErrUnavailable: the provider could not be reached or failed.
	ErrUnavailable = errors.New("identity provider unavailable")
)

// DefaultScopes are asked for when Config.Scopes is empty: the ID token
// must carry the e-mail address.
var DefaultScopes = []string{gooidc.ScopeOpenID, "email", "profile"}

// Config says which provider to trust for which client.
type Config struct {
	// Issuer is the provider's issuer URL, exactly as in its discovery
	// document (for Entra ID https://login.microsoftonline.com/TENANT/v2.0).
	Issuer string
	// ClientID is the app registration's client (application) id.
	ClientID string
	// ClientSecret is the registration's secret, "" for a public client.
	ClientSecret string
	// Scopes asked for (DefaultScopes).
	Scopes []string
	// HTTP talks to the provider (a client with a 15 s timeout).
	HTTP *http.Client
}

// Identity is who the provider vouches for.
type Identity struct {
	Subject string
	// Email is the verified e-mail address, in lower case.
	Email string
}

// Provider is one configured identity provider. Its discovery document is
// fetched on first use and kept, so pomi-server starts even while the
// provider is unreachable.
type Provider struct {
	cfg Config

	mu       sync.Mutex
	provider *gooidc.Provider
}

// New returns the provider cfg describes; it contacts nothing yet.
func New(cfg Config) (*Provider, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" {
		return nil, errors.New("oidc: issuer and client id are required")
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = DefaultScopes
	}
	if !slices.Contains(cfg.Scopes, gooidc.ScopeOpenID) {
		cfg.Scopes = append([]string{gooidc.ScopeOpenID}, cfg.Scopes...)
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 15 * time.Second}
	}
	return &Provider{cfg: cfg}, nil
}

// discover returns the provider's discovery, fetching it the first time.
func (p *Provider) discover(ctx context.Context) (*gooidc.Provider, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.provider != nil {
		return p.provider, nil
	}
	op, err := gooidc.NewProvider(p.ctx(ctx), p.cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("%w: discovery of %s: %w", ErrUnavailable, p.cfg.Issuer, err)
	}
	p.provider = op
	return op, nil
}

func (p *Provider) ctx(ctx context.Context) context.Context {
	return gooidc.ClientContext(context.WithValue(ctx, oauth2.HTTPClient, p.cfg.HTTP), p.cfg.HTTP)
}

// Public is what the app needs to start a sign-in.
func (p *Provider) Public(ctx context.Context) (wire.OIDCConfig, error) {
	op, err := p.discover(ctx)
	if err != nil {
		return wire.OIDCConfig{}, err
	}
	return wire.OIDCConfig{
		Issuer: p.cfg.Issuer, ClientID: p.cfg.ClientID,
		AuthorizationEndpoint: op.Endpoint().AuthURL, Scopes: slices.Clone(p.cfg.Scopes),
	}, nil
}

// Identify redeems an authorization code with its PKCE verifier at the
// provider and returns who the verified ID token names.
func (p *Provider) Identify(ctx context.Context, req wire.OIDCLoginRequest) (Identity, error) {
	if !LoopbackRedirect(req.RedirectURI) || req.Code == "" || req.CodeVerifier == "" || req.Nonce == "" {
		return Identity{}, fmt.Errorf("%w: incomplete request or redirect %q is not loopback", ErrRefused, req.RedirectURI)
	}
	op, err := p.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	oc := oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret,
		Endpoint: op.Endpoint(), RedirectURL: req.RedirectURI, Scopes: p.cfg.Scopes}
	tok, err := oc.Exchange(p.ctx(ctx), req.Code, oauth2.VerifierOption(req.CodeVerifier))
	if err != nil {
		return Identity{}, exchangeError(err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return Identity{}, fmt.Errorf("%w: the token answer holds no ID token", ErrRefused)
	}
	return p.Verify(ctx, raw, req.Nonce)
}

// exchangeError tells a refused code (the provider said no) from a
// provider that failed or could not be reached.
func exchangeError(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode < 500 {
		return fmt.Errorf("%w: redeem code: %w", ErrRefused, err)
	}
	return fmt.Errorf("%w: redeem code: %w", ErrUnavailable, err)
}

// Verify checks a raw ID token (signature, issuer, audience, expiry, and
// nonce) and returns its identity, which must have a verified e-mail.
func (p *Provider) Verify(ctx context.Context, raw, nonce string) (Identity, error) {
	op, err := p.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	tok, err := op.Verifier(&gooidc.Config{ClientID: p.cfg.ClientID}).Verify(p.ctx(ctx), raw)
	if err != nil {
		return Identity{}, fmt.Errorf("%w: ID token: %w", ErrRefused, err)
	}
	if nonce == "" || subtle.ConstantTimeCompare([]byte(tok.Nonce), []byte(nonce)) != 1 {
		return Identity{}, fmt.Errorf("%w: ID token nonce does not match", ErrRefused)
	}
	email, err := verifiedEmail(tok)
	if err != nil {
		return Identity{}, err
	}
	return Identity{Subject: tok.Subject, Email: email}, nil
}
