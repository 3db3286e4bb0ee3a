package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// syncDevice is what the contract scenarios need of a device's store:
// engine.Outbox and engine.Local, and the advisor's edits as the app makes
// them. MemStore and the SQLite store both pass the same scenarios.
type syncDevice interface {
	engine.Outbox
	engine.Local
	newCompany(t *testing.T, name string) string // its global id
	setName(t *testing.T, id, name string)
	deleteCompany(t *testing.T, id string)
	doc(t *testing.T, id string) (json.RawMessage, bool)
	conflicts(t *testing.T, id string) []merge.Conflict
	resolve(t *testing.T, id string, choices ...merge.Side)
	pendingCount(t *testing.T) int
}

var syncScenarios = map[string]func(*testing.T, syncDevice){
	"new edit is pending until applied":     scenarioPendingUntilApplied,
	"edit after pending is pushed next":     scenarioEditAfterPending,
	"rejected is not sent until edited":     scenarioRejected,
	"rejected as erased erases":             scenarioRejectedErased,
	"pulled record is stored, not pending":  scenarioSaveNew,
	"stale save changes nothing":            scenarioSaveStale,
	"merge keeps local change and conflict": scenarioSaveMerged,
	"remote tombstone erases":               scenarioRemoteTombstone,
	"local delete becomes a tombstone":      scenarioLocalDelete,
	"cursor is kept":                        scenarioCursor,
	"resolving a conflict is an edit":       scenarioResolve,
}

var bg = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func pending(t *testing.T, d syncDevice) []wire.PushRecord {
	t.Helper()
	p, err := d.Pending(bg, 100)
	must(t, err)
	return p
}

func get(t *testing.T, d syncDevice, id string) engine.Record {
	t.Helper()
	r, err := d.Get(bg, id)
	must(t, err)
	return r
}

func field(t *testing.T, doc json.RawMessage, name string) string {
	t.Helper()
	var m map[string]any
	must(t, json.Unmarshal(doc, &m))
	s, _ := m[name].(string)
	return s
}

// pushed creates a company and settles its first push as version 1.
func pushed(t *testing.T, d syncDevice, name string) string {
	t.Helper()
	id := d.newCompany(t, name)
	p := pending(t, d)
	if len(p) != 1 {
		t.Fatalf("pending = %+v", p)
	}
	must(t, d.Applied(bg, p[0], 1))
	return id
}

func scenarioPendingUntilApplied(t *testing.T, d syncDevice) {
	id := d.newCompany(t, "Acme")
	doc, _ := d.doc(t, id)
	p := pending(t, d)
	if len(p) != 1 || p[0].ID != id || p[0].Kind != wire.KindCompany || p[0].BaseVersion != 0 || p[0].Deleted ||
		!merge.Equal(p[0].Doc, doc) || p[0].ChangeID == "" {
		t.Fatalf("pending = %+v", p)
	}
	again := pending(t, d)
	if len(again) != 1 || again[0].ChangeID != p[0].ChangeID || string(again[0].Doc) != string(p[0].Doc) {
		t.Fatalf("pending again = %+v, want %+v", again, p)
	}
	if r := get(t, d, id); !r.Pending || r.Unsettled == nil || r.Unsettled.ChangeID != p[0].ChangeID {
		t.Fatalf("get = %+v", r)
	}
	must(t, d.Applied(bg, p[0], 1))
	must(t, d.Applied(bg, p[0], 7)) // a settled change is ignored
	r := get(t, d, id)
	if !r.Exists || r.Pending || r.BaseVersion != 1 || !merge.Equal(r.Base, doc) || r.Unsettled != nil {
		t.Fatalf("after applied: %+v", r)
	}
	if p := pending(t, d); len(p) != 0 || d.pendingCount(t) != 0 {
		t.Fatalf("still pending: %+v", p)
	}
}

func scenarioEditAfterPending(t *testing.T, d syncDevice) {
	id := d.newCompany(t, "Acme")
	p := pending(t, d)
	d.setName(t, id, "Acme AB")
	if again := pending(t, d); len(again) != 1 || again[0].ChangeID != p[0].ChangeID || field(t, again[0].Doc, "name") != "Acme" {
		t.Fatalf("unsettled change changed: %+v", again)
	}
	must(t, d.Applied(bg, p[0], 1))
	next := pending(t, d)
	if len(next) != 1 || next[0].ChangeID == p[0].ChangeID || next[0].BaseVersion != 1 || field(t, next[0].Doc, "name") != "Acme AB" {
		t.Fatalf("next = %+v", next)
	}
}

func scenarioRejected(t *testing.T, d syncDevice) {
	id := d.newCompany(t, "Acme")
	p := pending(t, d)
	must(t, d.Rejected(bg, p[0], wire.PushResult{ID: id, ChangeID: p[0].ChangeID, Status: wire.StatusRejected, Reason: wire.ReasonKindMismatch}))
	if again := pending(t, d); len(again) != 0 || get(t, d, id).Pending {
		t.Fatalf("rejected change comes back: %+v", again)
	}
	d.setName(t, id, "Acme AB")
	if next := pending(t, d); len(next) != 1 || next[0].ChangeID == p[0].ChangeID {
		t.Fatalf("edited after the refusal: %+v", next)
	}
}

func scenarioRejectedErased(t *testing.T, d syncDevice) {
	id := d.newCompany(t, "Acme")
	p := pending(t, d)
	must(t, d.Rejected(bg, p[0], wire.PushResult{ID: id, ChangeID: p[0].ChangeID, Status: wire.StatusRejected, Reason: wire.ReasonErased}))
	if _, ok := d.doc(t, id); ok {
		t.Fatal("erased record still has a document")
	}
	if r := get(t, d, id); !r.Exists || r.Doc != nil || r.Pending || len(pending(t, d)) != 0 {
		t.Fatalf("after erase: %+v", r)
	}
}

const remoteID = "a0000000-0000-4000-8000-00000000000a"

func scenarioSaveNew(t *testing.T, d syncDevice) {
	doc := json.RawMessage(`{"name":"Remote AB"}`)
	must(t, d.Save(bg, engine.Update{Remote: wire.Record{ID: remoteID, Kind: wire.KindCompany, Version: 3, Doc: doc}, Doc: doc}))
	got, ok := d.doc(t, remoteID)
	if !ok || !merge.Equal(got, doc) {
		t.Fatalf("doc = %s", got)
	}
	if r := get(t, d, remoteID); r.BaseVersion != 3 || r.Pending || r.Kind != wire.KindCompany {
		t.Fatalf("get = %+v", r)
	}
	if p := pending(t, d); len(p) != 0 || d.pendingCount(t) != 0 {
		t.Fatalf("a pulled record is pushed back: %+v", p)
	}
}

func scenarioSaveStale(t *testing.T, d syncDevice) {
	id := d.newCompany(t, "Acme")
	before, _ := d.doc(t, id)
	err := d.Save(bg, engine.Update{Remote: wire.Record{ID: id, Kind: wire.KindCompany, Version: 2, Doc: json.RawMessage(`{"name":"X"}`)},
		Doc: json.RawMessage(`{"name":"X"}`), From: json.RawMessage(`{"name":"Other"}`)})
	if !errors.Is(err, engine.ErrStale) {
		t.Fatalf("save = %v, want ErrStale", err)
	}
	if after, _ := d.doc(t, id); !merge.Equal(after, before) || get(t, d, id).BaseVersion != 0 {
		t.Fatalf("stale save changed %s to %s", before, after)
	}
}

func scenarioSaveMerged(t *testing.T, d syncDevice) {
	id := pushed(t, d, "Acme")
	d.setName(t, id, "Acme AB")
	cur := get(t, d, id)
	var remote map[string]any
	must(t, json.Unmarshal(cur.Base, &remote))
	remote["name"], remote["notes"] = "Acme Ltd", "from the other device"
	rdoc, _ := json.Marshal(remote)
	merged, cs, err := merge.Merge(cur.Base, cur.Doc, rdoc)
	must(t, err)
	must(t, d.Save(bg, engine.Update{Remote: wire.Record{ID: id, Kind: wire.KindCompany, Version: 2, Doc: rdoc},
		Doc: merged, From: cur.Doc, Conflicts: cs}))
	got, _ := d.doc(t, id)
	if field(t, got, "notes") != "from the other device" || field(t, got, "name") != "Acme AB" {
		t.Fatalf("merged doc = %s", got)
	}
	open := d.conflicts(t, id)
	if len(open) != 1 || open[0].Pointer() != "/name" || string(open[0].Local) != `"Acme AB"` || string(open[0].Remote) != `"Acme Ltd"` {
		t.Fatalf("conflicts = %+v", open)
	}
	p := pending(t, d)
	if len(p) != 1 || p[0].BaseVersion != 2 || !merge.Equal(p[0].Doc, merged) {
		t.Fatalf("merge not pushed: %+v", p)
	}
}

func scenarioResolve(t *testing.T, d syncDevice) {
	id := pushed(t, d, "Acme")
	d.setName(t, id, "Acme AB")
	cur := get(t, d, id)
	var remote map[string]any
	must(t, json.Unmarshal(cur.Base, &remote))
	remote["name"] = "Acme Ltd"
	rdoc, _ := json.Marshal(remote)
	merged, cs, err := merge.Merge(cur.Base, cur.Doc, rdoc)
	must(t, err)
	must(t, d.Save(bg, engine.Update{Remote: wire.Record{ID: id, Kind: wire.KindCompany, Version: 2, Doc: rdoc},
		Doc: merged, From: cur.Doc, Conflicts: cs}))
	d.resolve(t, id, merge.Remote)
	got, _ := d.doc(t, id)
	if field(t, got, "name") != "Acme Ltd" || len(d.conflicts(t, id)) != 0 {
		t.Fatalf("resolved doc %s, conflicts %+v", got, d.conflicts(t, id))
	}
	if r := get(t, d, id); r.Pending || len(pending(t, d)) != 0 {
		t.Fatalf("taking the server's value leaves nothing to push: %+v", r)
	}
}

func scenarioRemoteTombstone(t *testing.T, d syncDevice) {
	id := pushed(t, d, "Acme")
	doc, _ := d.doc(t, id)
	must(t, d.Save(bg, engine.Update{Remote: wire.Record{ID: id, Kind: wire.KindCompany, Version: 2, Deleted: true}, From: doc}))
	if _, ok := d.doc(t, id); ok {
		t.Fatal("erased company kept")
	}
	if r := get(t, d, id); !r.Exists || r.Doc != nil || r.Base != nil || r.BaseVersion != 2 || r.Pending {
		t.Fatalf("get = %+v", r)
	}
	if p := pending(t, d); len(p) != 0 {
		t.Fatalf("pending = %+v", p)
	}
}

func scenarioLocalDelete(t *testing.T, d syncDevice) {
	id := pushed(t, d, "Acme")
	local := d.newCompany(t, "Never pushed")
	d.deleteCompany(t, local)
	d.deleteCompany(t, id)
	p := pending(t, d)
	if len(p) != 1 || p[0].ID != id || !p[0].Deleted || p[0].Doc != nil || p[0].BaseVersion != 1 {
		t.Fatalf("pending = %+v", p)
	}
	must(t, d.Applied(bg, p[0], 2))
	if r := get(t, d, id); r.Doc != nil || r.Pending || r.BaseVersion != 2 || len(pending(t, d)) != 0 {
		t.Fatalf("after the tombstone: %+v", r)
	}
}

func scenarioCursor(t *testing.T, d syncDevice) {
	if c, err := d.Cursor(bg); err != nil || c != 0 {
		t.Fatalf("cursor = %d, %v", c, err)
	}
	must(t, d.SetCursor(bg, 42))
	if c, err := d.Cursor(bg); err != nil || c != 42 {
		t.Fatalf("cursor = %d, %v", c, err)
	}
}

func TestSyncContract(t *testing.T) {
	makers := map[string]func(*testing.T) syncDevice{
		"MemStore": func(*testing.T) syncDevice { return &memDevice{engine.NewMemStore()} },
		"SQLite":   newSQLDevice,
	}
	for store, mk := range makers {
		for name, scenario := range syncScenarios {
			t.Run(store+"/"+name, func(t *testing.T) { scenario(t, mk(t)) })
		}
	}
}
