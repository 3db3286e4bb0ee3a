package teamsync

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/internal/teamtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var bg = context.Background()

// device is one advisor's computer: a store in its own data folder and a
// syncer signed in to the server as that advisor.
type device struct {
	t      *testing.T
	s      *store.Store
	x      *store.SyncStore
	syncer *engine.Syncer
}

func newDevice(t *testing.T, srv *teamtest.Server, email string) *device {
	t.Helper()
	ca, err := os.ReadFile(srv.CAFile)
	must(t, err)
	cfg := &teamfile.Config{Server: srv.URL, CA: string(ca)}
	c, err := cfg.Client()
	must(t, err)
	c.Backoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond
	resp, err := c.Login(bg, email, teamtest.Password, email+" laptop")
	must(t, err)
	c.Token = resp.Token
	s, err := store.Open(bg, t.TempDir())
	must(t, err)
	t.Cleanup(func() { s.Close() })
	x := s.SyncStore()
	return &device{t: t, s: s, x: x, syncer: &engine.Syncer{Remote: c, Outbox: x, Local: x}}
}

func (d *device) sync() engine.Status {
	d.t.Helper()
	st, err := d.syncer.Sync(bg)
	must(d.t, err)
	return st
}

// client returns the company's portfolio client, failing when it has none.
func (d *device) client(id app.CompanyID) portfolio.Client {
	d.t.Helper()
	cs, err := d.s.PortfolioOf(bg, []app.CompanyID{id})
	must(d.t, err)
	if len(cs) != 1 {
		d.t.Fatalf("no company %d in the portfolio", id)
	}
	return cs[0]
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
