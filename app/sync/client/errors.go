package client

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Kinds of failure, for errors.Is on any error the Client returns.
var (
	// ErrOffline: the server could not be reached or did not answer in
	// time (no network, DNS, refused, reset, timeout). Try again later;
	// nothing was lost.
	ErrOffline = errors.New("server unreachable")
	// ErrUnauthorized: the token (or the password, at login) was refused;
	// Error.Code says why (wire.ErrTokenExpired, wire.ErrDeviceRevoked,
	// wire.ErrAccountDisabled, wire.ErrBadCredentials, wire.ErrUnauthorized).
	// The advisor must sign in again.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrRateLimited: too many attempts; Error.RetryAfter says how long to wait.
	ErrRateLimited = errors.New("rate limited")
	// ErrTooLarge: the request was too large for the server (push fewer records).
	ErrTooLarge = errors.New("request too large")
	// ErrBadRequest: the server refused the request as malformed (a bug).
	ErrBadRequest = errors.New("bad request")
	// ErrServer: the server failed (5xx) or answered something unreadable.
	ErrServer = errors.New("server error")
	// ErrCertificate: the server's TLS certificate is not trusted.
	ErrCertificate = errors.New("untrusted server certificate")
)

// Error is a failed request. It matches one of the Err* kinds with errors.Is.
type Error struct {
	Kind   error  // one of the Err* values
	Op     string // "push", "pull", ...
	Status int    // HTTP status, 0 when there was no answer
	// Code is the server's error code (wire.Err*), when it sent one.
	Code string
	// RetryAfter is the wait the server asked for (429, 503), or 0.
	RetryAfter time.Duration
	// Err is the underlying error, when there is one.
	Err error
}

func (e *Error) Error() string {
	msg := e.Op + ": " + e.Kind.Error()
	if e.Status != 0 {
		msg += fmt.Sprintf(" (HTTP %d", e.Status)
		if e.Code != "" {
			msg += " " + e.Code
		}
		msg += ")"
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Is makes errors.Is(err, ErrOffline) and the like work.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// statusKind maps an HTTP error status to a kind.
func statusKind(status int) error {
	switch {
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return ErrUnauthorized
	case status == http.StatusTooManyRequests:
		return ErrRateLimited
	case status == http.StatusRequestEntityTooLarge:
		return ErrTooLarge
	case status == http.StatusBadGateway, status == http.StatusServiceUnavailable, status == http.StatusGatewayTimeout:
		// A load balancer or proxy answering for a server that is down
		// or restarting: as good as unreachable.
		return ErrOffline
	case status >= 500:
		return ErrServer
	}
	return ErrBadRequest
}

// transient reports failures worth retrying at once: the server was
// unreachable or failed. Refusals (401, 413, 400, 429) are final for the
// caller to handle; 429 asks for a wait longer than a retry's.
func transient(err error) bool {
	return errors.Is(err, ErrOffline) || errors.Is(err, ErrServer)
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
