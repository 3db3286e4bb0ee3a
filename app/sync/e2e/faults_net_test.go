package e2e

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/internal/faultproxy"
)

// netEnv is the real API behind a fault proxy, with two SQLite devices
// that open a connection per request, so that a byte offset falls in a
// known request: the push or the pull.
type netEnv struct {
	*env
	proxy  *faultproxy.Proxy
	a, b   *sqlDevice
	shared string // a company both devices have, renamed each round
	want   map[string]string
	round  int
}

func newNetEnv(t *testing.T) *netEnv {
	n := &netEnv{env: newEnv(t), want: map[string]string{}}
	n.proxy = newProxy(t, n.srv.Listener.Addr().String())
	opts := devOpts{base: "https://" + n.proxy.Addr()}
	n.a, n.b = n.sqlDevice("anna@example.se", opts), n.sqlDevice("bo@example.se", opts)
	n.shared = n.a.create("Delad R00")
	n.want[n.shared] = "Delad R00"
	return n
}

// edit makes the next round's changes on a: the shared company renamed
// and five new ones, names of equal length every round.
func (n *netEnv) edit() {
	n.round++
	name := fmt.Sprintf("Delad R%02d", n.round)
	n.a.rename(n.shared, name)
	n.want[n.shared] = name
	newCompanies(n.a, n.want, fmt.Sprintf("R%02d", n.round), 5)
}

// bytesOf measures the bytes each way of one clean request made by f.
func (n *netEnv) bytesOf(f func()) [2]int64 {
	before := n.proxy.Stats().Bytes
	f()
	after := n.proxy.Stats().Bytes
	return [2]int64{after[0] - before[0], after[1] - before[1]}
}

// TestConnectionCut cuts the connection of a push and of a pull at
// several byte offsets in each direction (the TLS handshake, the request,
// the answer) and checks that the client's retry finishes the round with
// every change applied once.
func TestConnectionCut(t *testing.T) {
	n := newNetEnv(t)
	n.edit()
	var push, pull [2]int64
	push = n.bytesOf(func() { _, err := n.a.syncer.Push(ctx); must(t, err) })
	pull = n.bytesOf(func() { _, err := n.b.syncer.Pull(ctx); must(t, err) })
	_, err := n.a.syncer.Pull(ctx)
	must(t, err)
	n.converged(n.want, n.a, n.b)
	t.Logf("a clean push of 6 records: %d bytes up, %d down; the pull: %d up, %d down", push[0], push[1], pull[0], pull[1])
	for _, req := range []string{"push", "pull"} {
		size := map[string][2]int64{"push": push, "pull": pull}[req]
		for _, dir := range []faultproxy.Dir{faultproxy.Up, faultproxy.Down} {
			for _, frac := range []float64{0.1, 0.6, 0.95} {
				off := int64(frac * float64(size[dir]))
				n.cutRound(fmt.Sprintf("cut %s %s at %.0f %% (%d B)", req, dir, frac*100, off), req, dir, off)
			}
		}
	}
	n.converged(n.want, n.a, n.b)
}

// cutRound edits, cuts the next connection of req after off bytes in dir,
// and checks the round settled (the documents are compared at the end).
func (n *netEnv) cutRound(name, req string, dir faultproxy.Dir, off int64) {
	n.t.Helper()
	n.edit()
	d := n.a
	if req == "pull" {
		n.a.sync()
		d = n.b
	}
	cuts := n.proxy.Stats().Cut
	n.proxy.Cut(dir, off, 1)
	f := timed(name, d, n.proxy, 1)
	n.proxy.Pass()
	if got := n.proxy.Stats().Cut - cuts; got != 1 {
		n.t.Fatalf("%s: %d connections cut, want 1", name, got)
	}
	if f.requests < 2 {
		n.t.Errorf("%s: %d requests; the cut one should have been retried", name, f.requests)
	}
	n.a.sync()
	n.b.sync()
	n.settled(n.want, n.a, n.b)
	f.log(n.t)
}

// TestConnectionCutWithoutRetry gives up at the first cut: the round is
// offline, the answer of a push the server applied is lost, and the next
// round settles it once. Then the proxy refuses connections for a round.
func TestConnectionCutWithoutRetry(t *testing.T) {
	n := newNetEnv(t)
	n.edit()
	push := n.bytesOf(func() { _, err := n.a.syncer.Push(ctx); must(t, err) })
	n.a.sync()
	n.b.sync()
	n.edit()
	n.a.client.Attempts = 1
	n.proxy.Cut(faultproxy.Down, push[faultproxy.Down]*9/10, 1)
	st, err := n.a.syncer.Sync(ctx)
	n.proxy.Pass()
	if !errors.Is(err, client.ErrOffline) || !st.Offline {
		t.Fatalf("round with a cut answer: %+v, %v", st, err)
	}
	if p := n.a.pending(); p != 6 {
		t.Errorf("%d changes pending after the cut, want 6", p)
	}
	f := timed("cut push answer, no retry", n.a, n.proxy, 2)
	n.b.sync()
	n.converged(n.want, n.a, n.b)
	f.log(t)

	// The network drops every new connection for a while.
	n.edit()
	n.proxy.Refuse(true)
	st, err = n.a.syncer.Sync(ctx)
	n.proxy.Pass()
	if !errors.Is(err, client.ErrOffline) || !st.Offline || n.a.pending() != 6 {
		t.Fatalf("round while connections are refused: %+v, %v, %d pending", st, err, n.a.pending())
	}
	f = timed("new connections refused", n.a, n.proxy, 2)
	n.b.sync()
	n.converged(n.want, n.a, n.b)
	f.log(t)
}

// TestSlowNetwork delays every chunk, then delays answers past the
// client's timeout, so a push the server applied times out on the device.
func TestSlowNetwork(t *testing.T) {
	n := newNetEnv(t)
	n.edit()
	n.proxy.Delay(20*time.Millisecond, 20*time.Millisecond)
	f := timed("delay 20 ms per chunk each way", n.a, n.proxy, 1)
	n.proxy.Pass()
	n.b.sync()
	n.converged(n.want, n.a, n.b)
	f.log(t)

	// A kept-alive device, so the delay falls on the answer, not the handshake.
	c := n.sqlDevice("anna@example.se", devOpts{base: "https://" + n.proxy.Addr(), keepAlive: true, attempts: 1})
	c.sync()
	_, err := c.client.Me(ctx)
	must(t, err)
	name := "Långsam"
	n.want[c.create(name)] = name
	// Margins for a loaded machine: the server must have the request
	// well before the client gives up.
	c.client.HTTP.Timeout = time.Second
	n.proxy.Delay(0, 3*time.Second)
	st, err := c.syncer.Sync(ctx)
	n.proxy.Pass()
	if !errors.Is(err, client.ErrOffline) || !st.Offline {
		t.Fatalf("round timed out: %+v, %v", st, err)
	}
	if recs, _ := n.serverState(); len(recs) != len(n.want) {
		t.Fatalf("server holds %d records, want %d: the timed-out push was applied", len(recs), len(n.want))
	}
	c.client.HTTP.Timeout = 10 * time.Second
	f = timed("answer delayed past the client timeout", c, n.proxy, 2)
	n.a.sync()
	n.b.sync()
	n.converged(n.want, n.a, n.b, c)
	f.log(t)
}
