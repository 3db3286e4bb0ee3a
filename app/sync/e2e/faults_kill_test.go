package e2e

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/internal/faultproxy"
)

// killEnv is a real pomi-server process on e's database, reached through
// a fault proxy that holds a request at a known point while the process
// is killed with SIGKILL.
type killEnv struct {
	*env
	bin   string
	proc  *serverProc
	proxy *faultproxy.Proxy
}

func newKillEnv(t *testing.T, bin string) *killEnv {
	k := &killEnv{env: newEnv(t), bin: bin}
	k.proc = k.startServer(bin)
	k.proxy = newProxy(t, k.proc.addr)
	return k
}

// device signs in through the proxy on one kept-alive connection, so that
// a hold armed after warm-up falls in the next request; two attempts keep
// the failing round short.
func (k *killEnv) device(email string) *sqlDevice {
	d := k.sqlDevice(email, devOpts{base: "https://" + k.proxy.Addr(), keepAlive: true, attempts: 2})
	_, err := d.client.Me(ctx) // the connection is open and idle now
	must(k.t, err)
	return d
}

// killDuring runs a sync round of d, kills the server once held closes
// (the proxy holding the round's traffic), and returns the round's outcome.
func (k *killEnv) killDuring(d *sqlDevice, held <-chan struct{}) (engine.Status, error) {
	k.t.Helper()
	type outcome struct {
		st  engine.Status
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		st, err := d.syncer.Sync(ctx)
		done <- outcome{st, err}
	}()
	select {
	case <-held:
	case o := <-done:
		k.t.Fatalf("the round ended before the hold: %+v, %v", o.st, o.err)
	case <-time.After(20 * time.Second):
		k.t.Fatal("nothing held")
	}
	k.proc.kill()
	k.proxy.CutAll() // before Pass, which would let held bytes through
	k.proxy.Pass()
	o := <-done
	if !errors.Is(o.err, client.ErrOffline) || !o.st.Offline {
		k.t.Fatalf("round during the kill: %+v, %v; want offline", o.st, o.err)
	}
	return o.st, o.err
}

// restart starts a new server process on the same database.
func (k *killEnv) restart() {
	k.proc = k.startServer(k.bin)
	k.proxy.SetTarget(k.proc.addr)
}

// timed runs a round of d through the proxy and measures it.
func (k *killEnv) timed(name string, d *sqlDevice, rounds int) figure {
	k.t.Helper()
	return timed(name, d, k.proxy, rounds)
}

func newCompanies(d *sqlDevice, want map[string]string, prefix string, n int) {
	for i := range n {
		name := fmt.Sprintf("%s %03d", prefix, i)
		want[d.create(name)] = name
	}
}

// TestServerKilled kills the real pomi-server process with SIGKILL while
// a push and while a pull is in flight, starts a new process on the same
// database, and syncs again.
func TestServerKilled(t *testing.T) {
	bin := buildServer(t)
	t.Run("push before commit", func(t *testing.T) {
		k := newKillEnv(t, bin)
		a, b := k.device("anna@example.se"), k.device("bo@example.se")
		want := map[string]string{}
		newCompanies(a, want, "Före", 20)
		// Headers and the start of the body reach the server; the rest waits.
		k.killDuring(a, k.proxy.Hold(faultproxy.Up, 600))
		if recs, _ := k.serverState(); len(recs) != 0 {
			t.Errorf("server committed %d records of a request it never read whole", len(recs))
		}
		if n := a.pending(); n != 20 {
			t.Fatalf("%d pending after the kill, want 20", n)
		}
		k.restart()
		f := k.timed("server killed mid-push (request held)", a, 2)
		b.sync()
		k.converged(want, a, b)
		f.log(t)
	})
	t.Run("push after commit", func(t *testing.T) {
		k := newKillEnv(t, bin)
		a, b := k.device("anna@example.se"), k.device("bo@example.se")
		want := map[string]string{}
		newCompanies(a, want, "Efter", 20)
		// The server committed and answered; its answer never arrives.
		k.killDuring(a, k.proxy.Hold(faultproxy.Down, 0))
		if recs, _ := k.serverState(); len(recs) != 20 {
			t.Fatalf("server holds %d records, want the 20 it committed", len(recs))
		}
		k.restart()
		f := k.timed("server killed mid-push (answer held)", a, 2)
		b.sync()
		k.converged(want, a, b)
		f.log(t)
	})
	t.Run("pull", func(t *testing.T) {
		k := newKillEnv(t, bin)
		a, b := k.device("anna@example.se"), k.device("bo@example.se")
		want := map[string]string{}
		newCompanies(a, want, "Hämtas", 100)
		a.sync()
		b.syncer.PullLimit = 20
		total := k.pullBytes(20)
		k.killDuring(b, k.proxy.Hold(faultproxy.Down, total/2))
		cur := b.cursor()
		if cur <= 0 || cur >= 100 || int64(b.companies()) != cur {
			t.Fatalf("after the kill: cursor %d, %d companies; want the pages before it, 0 < n < 100", cur, b.companies())
		}
		k.restart()
		f := k.timed("server killed mid-pull", b, 2)
		k.converged(want, a, b)
		t.Logf("the killed pull had taken %d of 100 records", cur)
		f.log(t)
	})
}

// pullBytes measures, with a probe device of bo's, how many bytes come
// down for a whole pull from the start in pages of limit on a warm connection.
func (k *killEnv) pullBytes(limit int) int64 {
	k.t.Helper()
	probe := k.device("bo@example.se")
	before := k.proxy.Stats().Bytes[faultproxy.Down]
	for since, more := int64(0), true; more; {
		resp, err := probe.client.Pull(ctx, since, limit)
		must(k.t, err)
		since, more = resp.Next, resp.More
	}
	return k.proxy.Stats().Bytes[faultproxy.Down] - before
}
