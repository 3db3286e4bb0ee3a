package api

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
)

// login signs an advisor in on a device: e-mail and password in, a new
// device token out. Failures count against the e-mail address and the
// remote address; past the limit the answer is 429 before any password
// is checked.
func (h *handler) login(w http.ResponseWriter, r *http.Request) {
	var req wire.LoginRequest
	if !h.decodeBody(w, r, maxLoginBody, func(rd io.Reader) error { return wire.DecodeJSON(rd, &req) }) {
		return
	}
	email, err1 := auth.CleanEmail(req.Email)
	device, err2 := auth.CleanName(req.Device)
	if err1 != nil || err2 != nil || len(req.Password) > auth.MaxPasswordLen {
		writeError(w, http.StatusBadRequest, wire.ErrBadRequest)
		return
	}
	addr, rl := h.remoteAddr(r), h.cfg.RateLimit
	blocked, err := h.store.LoginBlocked(r.Context(), email, addr, rl.Window, rl.PerEmail, rl.PerAddress)
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	if blocked {
		h.log.Warn("login rate-limited", "email", email, "addr", addr)
		w.Header().Set("Retry-After", strconv.Itoa(int(rl.Window.Seconds())))
		writeError(w, http.StatusTooManyRequests, wire.ErrRateLimited)
		return
	}
	acct, ok, err := h.checkPassword(r.Context(), email, req.Password)
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	if !ok {
		h.loginFailed(w, r, email, addr)
		return
	}
	if acct.Disabled {
		writeError(w, http.StatusForbidden, wire.ErrAccountDisabled)
		return
	}
	h.issueToken(w, r, acct, email, device)
}

// checkPassword verifies a password against the advisor's hash, spending
// the same time when there is no such advisor.
func (h *handler) checkPassword(ctx context.Context, email, password string) (pgstore.LoginAccount, bool, error) {
	select {
	case h.hashes <- struct{}{}:
		defer func() { <-h.hashes }()
	case <-ctx.Done():
		return pgstore.LoginAccount{}, false, ctx.Err()
	}
	acct, err := h.store.LoginAccount(ctx, email)
	if errors.Is(err, pgstore.ErrNotFound) {
		auth.SpendVerifyTime(password)
		return pgstore.LoginAccount{}, false, nil
	}
	if err != nil {
		return pgstore.LoginAccount{}, false, err
	}
	ok, err := auth.VerifyPassword(password, acct.PasswordHash)
	if err != nil {
		return pgstore.LoginAccount{}, false, err
	}
	return acct, ok, nil
}

func (h *handler) loginFailed(w http.ResponseWriter, r *http.Request, email, addr string) {
	if err := h.store.RecordLoginFailure(r.Context(), email, addr, h.cfg.RateLimit.Window); err != nil {
		h.internalError(w, r, err)
		return
	}
	h.log.Info("login failed", "email", email, "addr", addr)
	writeError(w, http.StatusUnauthorized, wire.ErrBadCredentials)
}

func (h *handler) issueToken(w http.ResponseWriter, r *http.Request, acct pgstore.LoginAccount, email, device string) {
	token, hash, err := auth.NewToken()
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	d, err := h.store.CreateDevice(r.Context(), acct.OrgID, acct.AdvisorID, device, hash)
	if errors.Is(err, pgstore.ErrNotFound) { // disabled in the meantime
		writeError(w, http.StatusForbidden, wire.ErrAccountDisabled)
		return
	}
	if err == nil {
		err = h.store.ClearLoginFailures(r.Context(), email)
	}
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	h.log.Info("signed in", "advisor", acct.AdvisorID, "device", d.ID)
	writeJSON(w, http.StatusOK, wire.LoginResponse{
		Token: token, ExpiresAt: d.ExpiresAt, DeviceID: d.ID,
		AdvisorID: acct.AdvisorID, AdvisorName: acct.Name, Organisation: acct.OrgName,
	})
}
