package e2e

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/selfsigned"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

const password = "correct horse battery"

var ctx = context.Background()

// env is a migrated database with an organisation of two advisors and the
// real API serving it over HTTPS on loopback.
type env struct {
	t     *testing.T
	url   string
	store *pgstore.Store
	org   pgstore.Organisation
	cert  *selfsigned.Cert
	srv   *httptest.Server
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, url: pgtest.NewDB(t)}
	var err error
	if e.store, err = pgstore.Open(ctx, e.url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.store.Close)
	if _, err := e.store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if e.org, err = e.store.CreateOrganisation(ctx, "Rådgivarna AB"); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(password, auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range [][2]string{{"Anna Berg", "anna@example.se"}, {"Bo Ek", "bo@example.se"}} {
		if _, err := e.store.AddAdvisor(ctx, e.org.ID, a[0], a[1], hash); err != nil {
			t.Fatal(err)
		}
	}
	if e.cert, err = selfsigned.New(); err != nil {
		t.Fatal(err)
	}
	e.start()
	return e
}

// start serves the API (again) on a new loopback port.
func (e *env) start() {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := api.New(e.store, api.Config{Log: log})
	e.srv = httptest.NewUnstartedServer(h)
	e.srv.Config = api.NewHTTPServer("", h, log)
	e.srv.TLS = api.TLSConfig()
	e.srv.TLS.Certificates = []tls.Certificate{e.cert.TLS}
	e.srv.StartTLS()
	e.t.Cleanup(e.srv.Close)
}

// httpClient trusts only the test certificate; wrap adds a RoundTripper.
func (e *env) httpClient(wrap func(http.RoundTripper) http.RoundTripper) *http.Client {
	var rt http.RoundTripper = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: e.cert.Pool, MinVersion: tls.VersionTLS12}}
	if wrap != nil {
		rt = wrap(rt)
	}
	return &http.Client{Timeout: 10 * time.Second, Transport: rt}
}

// device is one advisor's computer: a client signed in, its local records
// and its syncer.
type device struct {
	client *client.Client
	store  *engine.MemStore
	syncer *engine.Syncer
	login  string
}

func (e *env) device(email string, wrap func(http.RoundTripper) http.RoundTripper) *device {
	e.t.Helper()
	c := client.New(e.srv.URL, e.httpClient(wrap), "")
	c.Backoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond
	resp, err := c.Login(ctx, email, password, email+" laptop")
	if err != nil {
		e.t.Fatal(err)
	}
	c.Token = resp.Token
	st := engine.NewMemStore()
	return &device{client: c, store: st, syncer: &engine.Syncer{Remote: c, Outbox: st, Local: st}, login: email}
}

func (d *device) sync(t *testing.T) engine.Status {
	t.Helper()
	st, err := d.syncer.Sync(ctx)
	if err != nil {
		t.Fatalf("%s: %v", d.login, err)
	}
	return st
}

func (d *device) doc(t *testing.T, id string) string {
	t.Helper()
	raw, ok := d.store.Doc(id)
	if !ok {
		t.Fatalf("%s has no %s", d.login, id)
	}
	return string(raw)
}
