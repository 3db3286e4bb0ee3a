package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/internal/teamtest"
)

// TestMain starts PostgreSQL for the team sync tests; the other tests
// do not use it.
func TestMain(m *testing.M) {
	tuneClient = func(c *client.Client) { c.Backoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond }
	teamtest.Main(m)
}

// teamEnv is pomi-server's real API over HTTPS on loopback (teamtest), in
// front of a fresh database with the organisation "Rådgivarna AB" and its
// advisors anna@example.se and bo@example.se.
type teamEnv struct {
	*teamtest.Server
	t *testing.T
}

func newTeamEnv(t *testing.T) *teamEnv {
	t.Helper()
	return &teamEnv{Server: teamtest.NewServer(t), t: t}
}

// device is one advisor's data folder, signed in with pomi-cli login.
type device struct {
	t   *testing.T
	dir string
}

func (e *teamEnv) device(email string) *device {
	d := &device{t: e.t, dir: e.t.TempDir()}
	stdin = strings.NewReader(teamtest.Password + "\n")
	defer func() { stdin = os.Stdin }()
	d.run("login", "--server", e.URL, "--email", email, "--device", email+" laptop", "--ca", e.CAFile)
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
