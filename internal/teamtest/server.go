// Package teamtest runs pomi-server's real API over HTTPS on loopback for
// the team tests of the window and of pomi-cli. The
// test package's TestMain must call pgtest.Main.
package teamtest

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/selfsigned"
)

// Password is every test advisor's password.
const Password = "correct horse battery"

// Server is the API in front of a fresh database with the organisation
// "Rådgivarna AB" of two advisors: Anna Berg (anna@example.se) and Bo Ek
// (bo@example.se).
type Server struct {
	t    *testing.T
	db   *pgstore.Store
	cert *selfsigned.Cert
	addr string
	cfg  api.Config
	// URL is the server's address; CAFile a PEM file with its certificate.
	URL, CAFile string
	// HTTP is the running server; Close stops it, Start starts it again.
	HTTP *httptest.Server
}

// NewServer starts a server, stopped when the test ends.
func NewServer(t *testing.T) *Server {
	t.Helper()
	return NewServerWith(t, api.Config{})
}

// NewServerWith starts a server with the API configured by cfg (its Log
// is replaced), such as one offering sign-in through an identity provider.
func NewServerWith(t *testing.T, cfg api.Config) *Server {
	t.Helper()
	ctx := context.Background()
	e := &Server{t: t, cfg: cfg}
	var err error
	if e.db, err = pgstore.Open(ctx, pgtest.NewDB(t)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.db.Close)
	if _, err := e.db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, err := e.db.CreateOrganisation(ctx, "Rådgivarna AB")
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(Password, auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range [][2]string{{"Anna Berg", "anna@example.se"}, {"Bo Ek", "bo@example.se"}} {
		if _, err := e.db.AddAdvisor(ctx, org.ID, a[0], a[1], hash); err != nil {
			t.Fatal(err)
		}
	}
	if e.cert, err = selfsigned.New(); err != nil {
		t.Fatal(err)
	}
	e.CAFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(e.CAFile, e.cert.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	e.Start()
	return e
}

// Start serves the API, on the same address as before when restarted.
func (e *Server) Start() {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg := e.cfg
	cfg.Log = log
	h := api.New(e.db, cfg)
	e.HTTP = httptest.NewUnstartedServer(h)
	if e.addr != "" {
		l, err := net.Listen("tcp", e.addr)
		if err != nil {
			e.t.Fatal(err)
		}
		e.HTTP.Listener.Close()
		e.HTTP.Listener = l
	}
	e.HTTP.Config = api.NewHTTPServer("", h, log)
	e.HTTP.TLS = api.TLSConfig()
	e.HTTP.TLS.Certificates = []tls.Certificate{e.cert.TLS}
	e.HTTP.StartTLS()
	e.addr, e.URL = e.HTTP.Listener.Addr().String(), e.HTTP.URL
	e.t.Cleanup(e.HTTP.Close)
}
