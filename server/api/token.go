package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
)

type principalKey struct{}

// principal returns who the request's token speaks for.
func principal(ctx context.Context) pgstore.Principal {
	p, _ := ctx.Value(principalKey{}).(pgstore.Principal)
	return p
}

// authed lets a request through only with a valid device token; it
// answers 401 with the reason's code otherwise.
func (h *handler) authed(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := auth.BearerToken(r.Header.Get("Authorization"))
		if !ok {
			unauthorized(w, wire.ErrUnauthorized)
			return
		}
		p, err := h.store.Authenticate(r.Context(), auth.HashToken(token))
		if code, refused := refusal(err); refused {
			h.log.Info("token refused", "reason", err, "addr", h.remoteAddr(r))
			unauthorized(w, code)
			return
		}
		if err != nil {
			h.internalError(w, r, err)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}

// refusal maps the store's reasons to refuse a token to error codes.
func refusal(err error) (string, bool) {
	switch {
	case errors.Is(err, pgstore.ErrTokenUnknown):
		return wire.ErrUnauthorized, true
	case errors.Is(err, pgstore.ErrTokenExpired):
		return wire.ErrTokenExpired, true
	case errors.Is(err, pgstore.ErrDeviceRevoked):
		return wire.ErrDeviceRevoked, true
	case errors.Is(err, pgstore.ErrAdvisorDisabled):
		return wire.ErrAccountDisabled, true
	}
	return "", false
}

func unauthorized(w http.ResponseWriter, code string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="pomi"`)
	writeError(w, http.StatusUnauthorized, code)
}

func (h *handler) me(w http.ResponseWriter, r *http.Request) {
	p := principal(r.Context())
	writeJSON(w, http.StatusOK, wire.Me{
		OrganisationID: p.OrgID, Organisation: p.OrgName, AdvisorID: p.AdvisorID, AdvisorName: p.AdvisorName,
		Email: p.Email, DeviceID: p.DeviceID, DeviceName: p.DeviceName, ExpiresAt: p.ExpiresAt,
	})
}

func (h *handler) logout(w http.ResponseWriter, r *http.Request) {
	if err := h.store.RevokeOwnDevice(r.Context(), principal(r.Context())); err != nil {
		h.internalError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
