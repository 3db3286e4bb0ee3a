package client

import (
	"context"
	"errors"
	"net/http"

	"github.com/pomi-planner/pomi/server/wire"
)

// ErrNoOIDC means the server offers no sign-in through an identity provider
// (it answered 404 to GET /v1/oidc/config); sign in with a password.
var ErrNoOIDC = errors.New("server offers no sign-in through an identity provider")

// ErrIdentityProvider means the server could not reach the organisation's
// identity provider, or it failed; the account is not at fault.
var ErrIdentityProvider = errors.New("identity provider unavailable")

// oidcKind gives the failures only the OIDC calls have their own kinds.
func oidcKind(err error) {
	var ce *Error
	switch {
	case !errors.As(err, &ce):
	case ce.Status == http.StatusNotFound:
		ce.Kind = ErrNoOIDC
	case ce.Code == wire.ErrIdentityProvider:
		ce.Kind = ErrIdentityProvider
	}
}

// OIDCConfig asks the server where to send the advisor's browser to sign
// in through the organisation's identity provider. It returns an *Error
// of kind ErrNoOIDC when the server offers none, ErrIdentityProvider
// when the server cannot reach the provider.
func (c *Client) OIDCConfig(ctx context.Context) (wire.OIDCConfig, error) {
	var cfg wire.OIDCConfig
	err := c.call(ctx, call{op: "oidc config", method: http.MethodGet, path: "/v1/oidc/config", out: &cfg})
	oidcKind(err)
	return cfg, err
}

// LoginOIDC signs in on this device with the identity provider's
// authorization code and returns the new device token, as Login does. It
// is not retried: a code is good for one redemption.
func (c *Client) LoginOIDC(ctx context.Context, req wire.OIDCLoginRequest) (wire.LoginResponse, error) {
	var resp wire.LoginResponse
	err := c.call(ctx, call{op: "login", method: http.MethodPost, path: "/v1/login/oidc", in: req, out: &resp, once: true})
	oidcKind(err)
	return resp, err
}
