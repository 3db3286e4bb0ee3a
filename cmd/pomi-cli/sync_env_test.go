package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/selfsigned"
)

// TestMain starts PostgreSQL for the team sync tests; the other tests
// do not use it.
func TestMain(m *testing.M) {
	tuneClient = func(c *client.Client) { c.Backoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond }
	pgtest.Main(m)
}

const teamPassword = "correct horse battery"

// teamEnv is pomi-server's real API over HTTPS on loopback, in front of a
// fresh database with one organisation of two advisors, as app/sync/e2e
// sets it up.
type teamEnv struct {
	t      *testing.T
	db     *pgstore.Store
	cert   *selfsigned.Cert
	caFile string
	addr   string
	srv    *httptest.Server
}

func newTeamEnv(t *testing.T) *teamEnv {
	t.Helper()
	ctx := context.Background()
	e := &teamEnv{t: t}
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
	hash, err := auth.HashPassword(teamPassword, auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
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
	e.caFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(e.caFile, e.cert.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	e.start()
	return e
}

// start serves the API, on the same address as before when restarted.
func (e *teamEnv) start() {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := api.New(e.db, api.Config{Log: log})
	e.srv = httptest.NewUnstartedServer(h)
	if e.addr != "" {
		l, err := net.Listen("tcp", e.addr)
		if err != nil {
			e.t.Fatal(err)
		}
		e.srv.Listener.Close()
		e.srv.Listener = l
	}
	e.srv.Config = api.NewHTTPServer("", h, log)
	e.srv.TLS = api.TLSConfig()
	e.srv.TLS.Certificates = []tls.Certificate{e.cert.TLS}
	e.srv.StartTLS()
	e.addr = e.srv.Listener.Addr().String()
	e.t.Cleanup(e.srv.Close)
}

// device is one advisor's data folder, signed in with pomi-cli login.
type device struct {
	t   *testing.T
	dir string
}

func (e *teamEnv) device(email string) *device {
	d := &device{t: e.t, dir: e.t.TempDir()}
	stdin = strings.NewReader(teamPassword + "\n")
	defer func() { stdin = os.Stdin }()
	d.run("login", "--server", e.srv.URL, "--email", email, "--device", email+" laptop", "--ca", e.caFile)
	return d
}

// run runs a pomi-cli command on the device's data folder and returns its output.
func (d *device) run(args ...string) string {
	d.t.Helper()
	var out bytes.Buffer
	if err := run(append(args, "--data-dir", d.dir), &out); err != nil {
		d.t.Fatalf("pomi-cli %s: %v", strings.Join(args, " "), err)
	}
	return out.String()
}

// fail runs a command expected to fail and returns its exit code and stderr.
func (d *device) fail(args ...string) (int, string) {
	d.t.Helper()
	return cliLine(env("en_GB.UTF-8"), append(args, "--data-dir", d.dir)...)
}

func (d *device) sync() syncResult {
	d.t.Helper()
	var res syncResult
	if err := json.Unmarshal([]byte(d.run("sync", "--json")), &res); err != nil {
		d.t.Fatal(err)
	}
	return res
}

func (d *device) status() syncState {
	d.t.Helper()
	var st syncState
	if err := json.Unmarshal([]byte(d.run("sync", "--status", "--json")), &st); err != nil {
		d.t.Fatal(err)
	}
	return st
}

// with opens the device's database for fn, as the window would.
func (d *device) with(fn func(s *store.Store)) {
	d.t.Helper()
	s, err := store.Open(context.Background(), d.dir)
	if err != nil {
		d.t.Fatal(err)
	}
	defer s.Close()
	fn(s)
}

// work is a company as a device holds it: the profile and the assessments
// with their actions, without local ids and times.
type work struct {
	Company     app.Company
	Assessments []app.Assessment
}

// companies returns the device's companies by name.
func (d *device) companies() map[string]work {
	d.t.Helper()
	ctx := context.Background()
	out := map[string]work{}
	d.with(func(s *store.Store) {
		list, _, err := s.ListCompanies(ctx, app.ListQuery{Limit: 100})
		if err != nil {
			d.t.Fatal(err)
		}
		for _, c := range list {
			sc, err := s.Company(ctx, c.ID)
			if err != nil {
				d.t.Fatal(err)
			}
			as, err := s.Assessments(ctx, c.ID)
			if err != nil {
				d.t.Fatal(err)
			}
			w := work{Company: sc.Company}
			w.Company.Updated = time.Time{}
			for _, a := range as {
				w.Assessments = append(w.Assessments, a.Assessment)
			}
			out[sc.Name] = w
		}
	})
	return out
}

// edit changes the one company named name on the device.
func (d *device) edit(name string, change func(*app.Company)) {
	d.t.Helper()
	ctx := context.Background()
	d.with(func(s *store.Store) {
		list, _, err := s.ListCompanies(ctx, app.ListQuery{Search: name})
		if err != nil || len(list) != 1 {
			d.t.Fatalf("%d companies named %s (%v)", len(list), name, err)
		}
		sc, err := s.Company(ctx, list[0].ID)
		if err != nil {
			d.t.Fatal(err)
		}
		change(&sc.Company)
		if err := s.UpdateCompany(ctx, sc.ID, &sc.Company); err != nil {
			d.t.Fatal(err)
		}
	})
}
