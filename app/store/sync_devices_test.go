package store

import (
	"encoding/json"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// memDevice is the reference: MemStore with the advisor's edits as whole
// documents.
type memDevice struct{ *engine.MemStore }

func (m *memDevice) newCompany(t *testing.T, name string) string {
	id := engine.NewChangeID()
	must(t, m.Edit(id, wire.KindCompany, "", json.RawMessage(`{"name":`+quote(name)+`}`)))
	return id
}

func (m *memDevice) setName(t *testing.T, id, name string) {
	doc, _ := m.Doc(id)
	var v map[string]any
	must(t, json.Unmarshal(doc, &v))
	v["name"] = name
	raw, _ := json.Marshal(v)
	must(t, m.Edit(id, wire.KindCompany, "", raw))
}

func (m *memDevice) deleteCompany(t *testing.T, id string) { must(t, m.Delete(id)) }

func (m *memDevice) doc(_ *testing.T, id string) (json.RawMessage, bool) { return m.Doc(id) }

func (m *memDevice) conflicts(t *testing.T, id string) []merge.Conflict {
	cs, err := m.Conflicts(id)
	must(t, err)
	return cs
}

func (m *memDevice) resolve(t *testing.T, id string, choices ...merge.Side) {
	must(t, m.Resolve(id, choices))
}

func (m *memDevice) pendingCount(*testing.T) int { return m.PendingCount() }

func quote(s string) string {
	raw, _ := json.Marshal(s)
	return string(raw)
}

// sqlDevice is the SQLite store, edited through the app's own methods.
type sqlDevice struct {
	*SyncStore
	s *Store
}

func newSQLDevice(t *testing.T) syncDevice {
	s := openTemp(t)
	return &sqlDevice{SyncStore: s.SyncStore(), s: s}
}

func (d *sqlDevice) localID(t *testing.T, id string) int64 {
	t.Helper()
	n, ok, err := d.LocalID(bg, id)
	if err != nil || !ok {
		t.Fatalf("no local row for %s (%v)", id, err)
	}
	return n
}

func (d *sqlDevice) newCompany(t *testing.T, name string) string {
	id, err := d.s.CreateCompany(bg, &app.Company{Name: name})
	must(t, err)
	gid, err := d.GlobalID(bg, wire.KindCompany, int64(id))
	must(t, err)
	return gid
}

func (d *sqlDevice) setName(t *testing.T, id, name string) {
	cid := app.CompanyID(d.localID(t, id))
	c, err := d.s.Company(bg, cid)
	must(t, err)
	c.Name = name
	must(t, d.s.UpdateCompany(bg, cid, &c.Company))
}

func (d *sqlDevice) deleteCompany(t *testing.T, id string) {
	_, err := d.s.EraseCompany(bg, app.CompanyID(d.localID(t, id)), app.EraseKeepBackups)
	must(t, err)
}

func (d *sqlDevice) doc(t *testing.T, id string) (json.RawMessage, bool) {
	r := get(t, d, id)
	return r.Doc, r.Doc != nil
}

func (d *sqlDevice) conflicts(t *testing.T, id string) []merge.Conflict {
	cs, err := d.Conflicts(bg, id)
	must(t, err)
	return cs
}

func (d *sqlDevice) resolve(t *testing.T, id string, choices ...merge.Side) {
	must(t, d.Resolve(bg, id, choices))
}

func (d *sqlDevice) pendingCount(t *testing.T) int {
	n, err := d.PendingCount(bg)
	must(t, err)
	return n
}
