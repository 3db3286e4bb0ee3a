package api

import (
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"strconv"

	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/oidc"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
)

// OIDCProvider is the organisation's identity provider; *oidc.Provider
// has it.
type OIDCProvider interface {
	Public(ctx context.Context) (wire.OIDCConfig, error)
	Identify(ctx context.Context, req wire.OIDCLoginRequest) (oidc.Identity, error)
}

// oidcConfig tells the app where to send the advisor's browser, or 404
// when sign-in through a provider is not set up.
func (h *handler) oidcConfig(w http.ResponseWriter, r *http.Request) {
	if h.cfg.OIDC == nil {
		writeError(w, http.StatusNotFound, wire.ErrNotFound)
		return
	}
	cfg, err := h.cfg.OIDC.Public(r.Context())
	if err != nil {
		h.providerFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cfg)
}

// oidcLogin signs an advisor in with an authorization code from the
// identity provider and answers like the password login. The e-mail
// address the provider vouches for names the advisor; unknown addresses
// and disabled advisors are refused as in the password login. Refused
// codes count against the remote address, so nobody can make the server
// hammer the provider.
func (h *handler) oidcLogin(w http.ResponseWriter, r *http.Request) {
	if h.cfg.OIDC == nil {
		writeError(w, http.StatusNotFound, wire.ErrNotFound)
		return
	}
	var req wire.OIDCLoginRequest
	if !h.decodeBody(w, r, maxLoginBody, func(rd io.Reader) error { return wire.DecodeJSON(rd, &req) }) {
		return
	}
	device, err := auth.CleanName(req.Device)
	if err != nil {
		writeError(w, http.StatusBadRequest, wire.ErrBadRequest)
		return
	}
	addr, rl := h.remoteAddr(r), h.cfg.RateLimit
	blocked, err := h.store.LoginBlocked(r.Context(), "", addr, rl.Window, math.MaxInt, rl.PerAddress)
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	if blocked {
		h.log.Warn("oidc login rate-limited", "addr", addr)
		w.Header().Set("Retry-After", strconv.Itoa(int(rl.Window.Seconds())))
		writeError(w, http.StatusTooManyRequests, wire.ErrRateLimited)
		return
	}
	id, err := h.cfg.OIDC.Identify(r.Context(), req)
	switch {
	case errors.Is(err, oidc.ErrRefused):
		h.log.Info("oidc login refused", "addr", addr, "err", err)
		if err := h.store.RecordLoginFailure(r.Context(), "", addr, rl.Window); err != nil {
			h.internalError(w, r, err)
			return
		}
		writeError(w, http.StatusUnauthorized, wire.ErrBadCredentials)
		return
	case err != nil:
		h.providerFailed(w, r, err)
		return
	}
	h.oidcIssue(w, r, id, device)
}

// oidcIssue gives the advisor the identity names a device token.
func (h *handler) oidcIssue(w http.ResponseWriter, r *http.Request, id oidc.Identity, device string) {
	acct, err := h.store.LoginAccount(r.Context(), id.Email)
	if err == nil && h.cfg.OIDCOrgID != 0 && acct.OrgID != h.cfg.OIDCOrgID {
		err = pgstore.ErrNotFound // an advisor of another organisation on this server
	}
	switch {
	case errors.Is(err, pgstore.ErrNotFound):
		h.log.Info("oidc login: no such advisor", "email", id.Email, "subject", id.Subject)
		writeError(w, http.StatusUnauthorized, wire.ErrBadCredentials)
		return
	case err != nil:
		h.internalError(w, r, err)
		return
	case acct.Disabled:
		writeError(w, http.StatusForbidden, wire.ErrAccountDisabled)
		return
	}
	h.issueToken(w, r, acct, id.Email, device)
}

// providerFailed answers 502 when the identity provider failed or could
// not be reached: the advisor's account is not at fault.
func (h *handler) providerFailed(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, oidc.ErrUnavailable) {
		h.internalError(w, r, err)
		return
	}
	h.log.Error("identity provider failed", "path", r.URL.Path, "err", err)
	writeError(w, http.StatusBadGateway, wire.ErrIdentityProvider)
}
