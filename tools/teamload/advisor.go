package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/server/wire"
)

// advisor is one simulated advisor's device. It speaks to pomi-server
// through the app's own HTTPS client exactly as engine.Syncer does in a
// round — push the pending changes, then pull pages of
// engine.DefaultPullLimit since the cursor — but keeps only what it edits
// (id, version, document) instead of a whole device: engine.MemStore
// compares every record's document on each round, and 200 of them would
// spend the two cores the server is measured on.
type advisor struct {
	org    *org
	idx    int
	remote *client.Client
	owned  []owned
	cursor int64
	edits  int
}

// owned is a company the advisor edits, as the device last agreed it
// with the server.
type owned struct {
	company
	name    string // as seeded
	version int64
}

// span is the sequence range one pull covered: (since, until].
type span struct {
	org          int64
	since, until int64
}

// signIn logs the advisor in on a new device through the API.
func (c *cluster) signIn(ctx context.Context, og *org, idx int, device string) (*client.Client, error) {
	hc := c.httpClient()
	resp, err := client.New(c.url, hc, "").Login(ctx, og.emails[idx], password, device)
	if err != nil {
		return nil, fmt.Errorf("sign in %s: %w", og.emails[idx], err)
	}
	// the app's retries (client.DefaultAttempts) stay on: under load a
	// request can outwait the server's timeouts, and the app would retry
	return client.New(c.url, hc, resp.Token), nil
}

// newAdvisor signs in on a device that holds the advisor's companies at
// version 1, its cursor at the organisation's last seeded change.
func (c *cluster) newAdvisor(ctx context.Context, og *org, idx int) (*advisor, error) {
	remote, err := c.signIn(ctx, og, idx, fmt.Sprintf("Laptop %d", idx+1))
	if err != nil {
		return nil, err
	}
	a := &advisor{org: og, idx: idx, remote: remote, cursor: og.lastSeq}
	for _, co := range og.owned[idx] {
		var doc struct{ Name string }
		if err := json.Unmarshal(co.doc, &doc); err != nil {
			return nil, err
		}
		a.owned = append(a.owned, owned{company: co, name: doc.Name, version: 1})
	}
	return a, nil
}

// edit changes n of the advisor's companies, as the advisor would in the
// window (the name gets a new suffix), and returns them as the changes
// to push on top of the versions the device has.
func (a *advisor) edit(n int) ([]wire.PushRecord, []int, error) {
	var recs []wire.PushRecord
	var which []int
	for range n {
		i := a.edits % len(a.owned)
		a.edits++
		co := &a.owned[i]
		var m map[string]json.RawMessage
		if err := json.Unmarshal(co.doc, &m); err != nil {
			return nil, nil, fmt.Errorf("edit %s: %w", co.id, err)
		}
		m["name"], _ = json.Marshal(fmt.Sprintf("%s ·%d", co.name, a.edits))
		doc, err := json.Marshal(m)
		if err != nil {
			return nil, nil, err
		}
		co.doc = doc
		recs = append(recs, wire.PushRecord{ChangeID: uuidString(newUUID()), ID: co.id, Kind: wire.KindCompany,
			BaseVersion: co.version, Doc: doc})
		which = append(which, i)
	}
	return recs, which, nil
}

// round edits n companies and syncs: the push, then the pull.
func (a *advisor) round(ctx context.Context, n int) (time.Duration, span, error) {
	push, pull, sp, err := a.pushPull(ctx, n)
	return push + pull, sp, err
}

// pushPull edits n companies, pushes them and pulls everything since the
// cursor, timing each half.
func (a *advisor) pushPull(ctx context.Context, n int) (push, pull time.Duration, sp span, err error) {
	recs, which, err := a.edit(n)
	if err != nil {
		return
	}
	t0 := time.Now()
	if err = a.push(ctx, recs, which); err != nil {
		return
	}
	push = time.Since(t0)
	sp = span{org: a.org.id, since: a.cursor}
	t0 = time.Now()
	if err = a.pull(ctx); err != nil {
		return
	}
	pull = time.Since(t0)
	sp.until = a.cursor
	return
}

// push sends the changes and takes the new versions.
func (a *advisor) push(ctx context.Context, recs []wire.PushRecord, which []int) error {
	results, err := a.remote.Push(ctx, recs)
	if err != nil {
		return err
	}
	for i, res := range results {
		if res.Status != wire.StatusApplied {
			return fmt.Errorf("push %s: %s %s", res.ID, res.Status, res.Reason)
		}
		a.owned[which[i]].version = res.Version
	}
	return nil
}

// pull takes pages since the cursor until the server has no more.
func (a *advisor) pull(ctx context.Context) error {
	for {
		resp, err := a.remote.Pull(ctx, a.cursor, engine.DefaultPullLimit)
		if err != nil {
			return err
		}
		if resp.Next < a.cursor || (resp.More && resp.Next == a.cursor) {
			return fmt.Errorf("pull since %d: next %d", a.cursor, resp.Next)
		}
		a.cursor = resp.Next
		if !resp.More {
			return nil
		}
	}
}
