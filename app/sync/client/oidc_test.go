package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/pomi-planner/pomi/server/wire"
)

// The OIDC calls tell "no provider here" and "the provider is down" from
// the other failures, and a login with a code is never sent twice.
func TestOIDCErrorKinds(t *testing.T) {
	for _, tt := range []struct {
		status int
		body   string
		kind   error
	}{
		{http.StatusNotFound, `{"error":"not_found"}`, ErrNoOIDC},
		{http.StatusBadGateway, `{"error":"identity_provider"}`, ErrIdentityProvider},
		{http.StatusUnauthorized, `{"error":"bad_credentials"}`, ErrUnauthorized},
		{http.StatusForbidden, `{"error":"account_disabled"}`, ErrUnauthorized},
	} {
		var logins atomic.Int32
		c := newTest(t, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/v1/login/oidc" {
				logins.Add(1)
			}
			w.WriteHeader(tt.status)
			_, _ = io.WriteString(w, tt.body)
		})
		_, err := c.LoginOIDC(context.Background(), wire.OIDCLoginRequest{Code: "c"})
		if !errors.Is(err, tt.kind) || logins.Load() != 1 {
			t.Errorf("login %d: err %v after %d calls, want %v once", tt.status, err, logins.Load(), tt.kind)
		}
		if _, err := c.OIDCConfig(context.Background()); !errors.Is(err, tt.kind) {
			t.Errorf("config %d: err %v, want %v", tt.status, err, tt.kind)
		}
	}
}
