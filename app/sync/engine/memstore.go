package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// MemStore is an in-memory Outbox and Local: the device's records with
// their base versions, unsettled changes and open conflicts. Tests use it,
// and it is the reference for what the SQLite store must do.
type MemStore struct {
	mu     sync.Mutex
	recs   map[string]*memRecord
	order  []string // ids in the order first seen, so Pending is deterministic
	cursor int64
	// NewChangeID makes change ids (NewChangeID when nil).
	NewChangeID func() string
}

type memRecord struct {
	id          string
	kind        wire.Kind
	company     string
	base        json.RawMessage
	baseVersion int64
	doc         json.RawMessage // nil: deleted here, or erased
	erased      bool
	sent        *wire.PushRecord // the change pushed and not yet settled
	rejected    string
	conflicts   []merge.Conflict
}

// ErrErased is returned when editing a record the organisation erased.
var ErrErased = errors.New("record erased")

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{recs: map[string]*memRecord{}} }

func (m *MemStore) record(id string, kind wire.Kind, company string) *memRecord {
	r := m.recs[id]
	if r == nil {
		r = &memRecord{id: id, kind: kind, company: company}
		m.recs[id] = r
		m.order = append(m.order, id)
	}
	return r
}

// Edit sets a record's local document (creating the record), as the
// advisor does in the app.
func (m *MemStore) Edit(id string, kind wire.Kind, company string, doc json.RawMessage) error {
	canon, err := merge.Canonical(doc)
	if err != nil || canon == nil {
		return fmt.Errorf("edit %s: document: %w", id, errors.Join(err, errors.New("no document")))
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.record(id, kind, company)
	if r.erased {
		return fmt.Errorf("edit %s: %w", id, ErrErased)
	}
	r.doc, r.rejected = canon, ""
	return nil
}

// Delete deletes a record on this device; the next push sends its
// tombstone (for a company: erases it and its records everywhere).
func (m *MemStore) Delete(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.recs[id]
	if r == nil || r.erased {
		return fmt.Errorf("delete %s: %w", id, ErrErased)
	}
	r.doc, r.rejected = nil, ""
	return nil
}

// Doc returns a record's local document; false when the device has none
// (never had it, deleted or erased).
func (m *MemStore) Doc(id string) (json.RawMessage, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.recs[id]
	if r == nil || r.doc == nil {
		return nil, false
	}
	return r.doc, true
}

// IDs returns the ids of the records that have a document, in the order
// first seen.
func (m *MemStore) IDs() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ids []string
	for _, id := range m.order {
		if m.recs[id].doc != nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// Conflicts returns a record's open conflicts, oldest first, as the
// conflict view shows them: Local is the field's current value, since the
// advisor may have edited it after the merge (the whole-record conflict
// of a local deletion keeps its absent Local).
func (m *MemStore) Conflicts(id string) ([]merge.Conflict, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r := m.recs[id]; r != nil {
		return r.openConflicts()
	}
	return nil, nil
}

func (r *memRecord) openConflicts() ([]merge.Conflict, error) {
	cs := slices.Clone(r.conflicts)
	for i := range cs {
		if len(cs[i].Path) == 0 {
			continue
		}
		v, err := merge.At(r.doc, cs[i].Path)
		if err != nil {
			return nil, fmt.Errorf("conflicts of %s: %w", r.id, err)
		}
		cs[i].Local = v
	}
	return cs, nil
}

// Resolve applies the advisor's choices to a record's open conflicts
// (one per conflict, as Conflicts returned them) and closes them; the
// result is a local change like any edit.
func (m *MemStore) Resolve(id string, choices []merge.Side) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.recs[id]
	if r == nil {
		return fmt.Errorf("resolve %s: no such record", id)
	}
	cs, err := r.openConflicts()
	if err != nil {
		return err
	}
	doc, err := merge.Resolve(r.doc, cs, choices)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", id, err)
	}
	r.doc, r.conflicts = doc, nil
	return nil
}

// PendingCount returns how many records have changes the server has not
// applied.
func (m *MemStore) PendingCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, r := range m.recs {
		if r.pending() {
			n++
		}
	}
	return n
}

// changed reports local changes not yet sent.
func (r *memRecord) changed() bool {
	if r.erased || r.rejected != "" {
		return false
	}
	if r.doc == nil {
		return r.base != nil
	}
	return !merge.Equal(r.doc, r.base)
}

func (r *memRecord) pending() bool { return r.sent != nil || r.changed() }
