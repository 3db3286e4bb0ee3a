package e2e

import (
	"errors"
	"net/http"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/internal/faultproxy"
	"github.com/pomi-planner/pomi/internal/pgtest"
)

// TestPostgresRestarted restarts the PostgreSQL server between rounds and
// while a push is on its way: the API answers errors meanwhile, the
// devices keep their changes, and once it is back the next rounds
// converge. (It halts the package's server: no test here runs in parallel.)
func TestPostgresRestarted(t *testing.T) {
	n := newNetEnv(t)
	n.a.client.Attempts, n.b.client.Attempts = 2, 2
	n.edit()
	n.a.sync()
	n.b.sync()

	n.edit()
	resume := halt(t)
	n.refused(n.a, "a's push")
	n.refused(n.b, "b's pull")
	if p := n.a.pending(); p != 6 {
		t.Errorf("%d pending while the database is down, want 6", p)
	}
	resume()
	f := timed("PostgreSQL restarted between rounds", n.a, n.proxy, 2)
	n.b.sync()
	n.converged(n.want, n.a, n.b)
	f.log(t)

	// A kept-alive device, so the hold falls in the push request itself.
	c := n.sqlDevice("anna@example.se", devOpts{base: "https://" + n.proxy.Addr(), keepAlive: true, attempts: 2})
	c.sync()
	name := "Under omstart"
	n.want[c.create(name)] = name
	_, err := c.client.Me(ctx)
	must(t, err)
	held := n.proxy.Hold(faultproxy.Up, 200)
	done := make(chan error, 1)
	go func() { _, err := c.syncer.Sync(ctx); done <- err }()
	<-held
	resume = halt(t)
	n.proxy.Release()
	if err := <-done; !unavailable(err) {
		t.Fatalf("push while the database restarts: %v", err)
	}
	resume()
	f = timed("PostgreSQL restarted during a push", c, n.proxy, 2)
	n.a.sync()
	n.b.sync()
	n.converged(n.want, n.a, n.b, c)
	f.log(t)
}

// halt stops PostgreSQL and returns what starts it again, which also
// runs at the end should the test fail before it does.
func halt(t *testing.T) (resume func()) {
	t.Helper()
	pgtest.Halt(t)
	up := false
	t.Cleanup(func() {
		if !up {
			pgtest.Resume(t)
		}
	})
	return func() {
		t.Helper()
		pgtest.Resume(t)
		up = true
	}
}

// refused runs a round of d that must fail for want of the database.
func (n *netEnv) refused(d *sqlDevice, what string) {
	n.t.Helper()
	st, err := d.syncer.Sync(ctx)
	if !unavailable(err) {
		n.t.Fatalf("%s while the database is down: %+v, %v", what, st, err)
	}
	n.t.Logf("%s while the database is down: offline=%v, %v", what, st.Offline, err)
}

// unavailable reports an error the app shows as the server being away, for
// which it keeps changes and tries again: the API answers 503 while its
// database is down, not 500.
func unavailable(err error) bool {
	var ce *client.Error
	return errors.As(err, &ce) && errors.Is(err, client.ErrOffline) && ce.Status == http.StatusServiceUnavailable
}
