// Package api is pomi-server's HTTP API: sign-in, device tokens, and the
// sync endpoints push and pull, in front of the PostgreSQL store. It keeps
// no state between requests, so several servers can share one database
// behind a load balancer.
//
// Endpoints (JSON in and out; shapes in package wire):
//
//	GET  /healthz     the database answers: 200 {"status":"ok"}
//	POST /v1/login    wire.LoginRequest → wire.LoginResponse
//	GET  /v1/oidc/config  wire.OIDCConfig, 404 without an identity provider
//	POST /v1/login/oidc   wire.OIDCLoginRequest → wire.LoginResponse
//	GET  /v1/me       (token) → wire.Me
//	POST /v1/logout   (token) revokes the calling device → 204
//	POST /v1/push     (token) wire.PushRequest → wire.PushResponse
//	GET  /v1/pull     (token) ?since=SEQ&limit=N → wire.PullResponse
//
// Errors are wire.Error with a short code; details go to the server log only.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
)

// Store is what the API needs of the database; *pgstore.Store has it.
type Store interface {
	Ping(ctx context.Context) error
	LoginAccount(ctx context.Context, email string) (pgstore.LoginAccount, error)
	LoginBlocked(ctx context.Context, email, addr string, window time.Duration, perEmail, perAddr int) (bool, error)
	RecordLoginFailure(ctx context.Context, email, addr string, keep time.Duration) error
	ClearLoginFailures(ctx context.Context, email string) error
	CreateDevice(ctx context.Context, orgID, advisorID int64, name string, tokenHash []byte) (pgstore.Device, error)
	Authenticate(ctx context.Context, tokenHash []byte) (pgstore.Principal, error)
	RevokeOwnDevice(ctx context.Context, p pgstore.Principal) error
	Push(ctx context.Context, actor pgstore.Actor, recs []wire.PushRecord) ([]wire.PushResult, error)
	Pull(ctx context.Context, orgID, since int64, limit int) ([]wire.Record, bool, error)
	AdvisorNames(ctx context.Context, orgID int64, ids []int64) (map[int64]string, error)
}

// Body size limits.
const (
	DefaultMaxBody = 8 << 20  // a push
	maxLoginBody   = 64 << 10 // a login
)

// Pull page sizes.
const (
	DefaultPullLimit = 500
	MaxPullLimit     = 1000
)

// Config tunes the API; the zero value takes the defaults.
type Config struct {
	// MaxBody is the largest push body accepted (DefaultMaxBody).
	MaxBody int64
	// RateLimit is the login rate-limit policy (auth.DefaultRateLimit).
	RateLimit auth.RateLimit
	// TrustForwardedFor takes the client's address from the last entry of
	// X-Forwarded-For; set it only behind a load balancer that adds it.
	TrustForwardedFor bool
	// MaxConcurrentHashes bounds the password hashes computed at once (4),
	// since each takes argon2id's memory (64 MiB).
	MaxConcurrentHashes int
	// Log receives the details errors never show (slog.Default()).
	Log *slog.Logger
	// OIDC, when set, signs advisors in through the organisation's
	// identity provider (GET /v1/oidc/config, POST /v1/login/oidc).
	OIDC OIDCProvider
	// OIDCOrgID, when not 0, admits through OIDC only the advisors of
	// this organisation.
	OIDCOrgID int64
}

// handler serves the API.
type handler struct {
	store  Store
	cfg    Config
	log    *slog.Logger
	hashes chan struct{}
}

// New returns the API's handler.
func New(store Store, cfg Config) http.Handler {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.RateLimit.Window <= 0 {
		cfg.RateLimit = auth.DefaultRateLimit
	}
	if cfg.MaxConcurrentHashes <= 0 {
		cfg.MaxConcurrentHashes = 4
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	h := &handler{store: store, cfg: cfg, log: cfg.Log, hashes: make(chan struct{}, cfg.MaxConcurrentHashes)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", h.health)
	mux.HandleFunc("POST /v1/login", h.login)
	mux.HandleFunc("GET /v1/oidc/config", h.oidcConfig)
	mux.HandleFunc("POST /v1/login/oidc", h.oidcLogin)
	mux.Handle("GET /v1/me", h.authed(h.me))
	mux.Handle("POST /v1/logout", h.authed(h.logout))
	mux.Handle("POST /v1/push", h.authed(h.push))
	mux.Handle("GET /v1/pull", h.authed(h.pull))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, wire.ErrNotFound)
	})
	return secureHeaders(mux)
}

// secureHeaders marks every answer as not to be cached or sniffed.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		next.ServeHTTP(w, r)
	})
}

func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	if err := h.store.Ping(r.Context()); err != nil {
		h.log.Error("health check", "err", err)
		writeError(w, http.StatusServiceUnavailable, wire.ErrInternal)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// NewHTTPServer wraps a handler in an http.Server with timeouts against
// slow clients and TLS 1.2 at least; serve it with ServeTLS.
func NewHTTPServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		TLSConfig:         TLSConfig(),
	}
}
