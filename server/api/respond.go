package api

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
)

// TLSConfig is the TLS configuration every pomi-server listener uses.
func TLSConfig() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code string) {
	writeJSON(w, status, wire.Error{Error: code})
}

// internalError logs err and answers without details: 503 with a
// Retry-After when the database is out of reach (restarting, failing
// over), which the app treats like being offline, else 500.
func (h *handler) internalError(w http.ResponseWriter, r *http.Request, err error) {
	if pgstore.Unavailable(err) {
		h.log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", retryAfterUnavailable)
		writeError(w, http.StatusServiceUnavailable, wire.ErrUnavailable)
		return
	}
	h.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, wire.ErrInternal)
}

// retryAfterUnavailable is the wait, in seconds, asked for while the
// database is out of reach: a restart or a fail-over takes about as long.
const retryAfterUnavailable = "5"

// decodeBody reads a JSON body of at most limit bytes into v, answering
// 413 or 400 itself when it cannot; ok says whether to go on.
func (h *handler) decodeBody(w http.ResponseWriter, r *http.Request, limit int64, decode func(io.Reader) error) bool {
	err := decode(http.MaxBytesReader(w, r.Body, limit))
	if err == nil {
		return true
	}
	var tooLarge *http.MaxBytesError
	var bad *wire.DecodeError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, wire.ErrTooLarge)
	case errors.As(err, &bad):
		h.log.Info("bad request", "path", r.URL.Path, "err", err)
		body := wire.Error{Error: bad.Code}
		if bad.Index >= 0 {
			body.Index = &bad.Index
		}
		writeJSON(w, http.StatusBadRequest, body)
	default:
		h.log.Info("unreadable request", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusBadRequest, wire.ErrBadRequest)
	}
	return false
}

// remoteAddr is the client's address: the connection's, or the last entry
// of X-Forwarded-For when the load balancer in front is trusted to add it.
func (h *handler) remoteAddr(r *http.Request) string {
	if h.cfg.TrustForwardedFor {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			if last := strings.TrimSpace(parts[len(parts)-1]); net.ParseIP(last) != nil {
				return last
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
