package engine

import (
	"context"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// Pending implements Outbox: an unsettled change is returned as it was
// sent; otherwise a record's changes get a new change id, kept until settled.
func (m *MemStore) Pending(_ context.Context, max int) ([]wire.PushRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []wire.PushRecord
	for _, id := range m.order {
		if len(out) >= max {
			break
		}
		r := m.recs[id]
		if r.sent == nil && r.changed() {
			r.sent = &wire.PushRecord{ChangeID: m.newChangeID(), ID: r.id, Kind: r.kind, Company: r.company,
				BaseVersion: r.baseVersion, Deleted: r.doc == nil, Doc: r.doc}
		}
		if r.sent != nil {
			out = append(out, *r.sent)
		}
	}
	return out, nil
}

func (m *MemStore) newChangeID() string {
	if m.NewChangeID != nil {
		return m.NewChangeID()
	}
	return NewChangeID()
}

// unsettled returns the record whose unsettled change is change, or nil.
func (m *MemStore) unsettled(change wire.PushRecord) *memRecord {
	r := m.recs[change.ID]
	if r == nil || r.sent == nil || r.sent.ChangeID != change.ChangeID {
		return nil
	}
	return r
}

// Applied implements Outbox.
func (m *MemStore) Applied(_ context.Context, change wire.PushRecord, version int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.unsettled(change)
	if r == nil {
		return nil
	}
	r.base, r.baseVersion, r.sent = change.Doc, version, nil
	if change.Deleted {
		r.erase()
	}
	return nil
}

// Rejected implements Outbox.
func (m *MemStore) Rejected(_ context.Context, change wire.PushRecord, res wire.PushResult) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.unsettled(change)
	if r == nil {
		return nil
	}
	r.sent = nil
	if res.Reason == wire.ReasonErased {
		r.erase()
		return nil
	}
	r.rejected = res.Reason
	return nil
}

// erase drops a record's content; its id and version stay, so older
// versions pulled later are recognised.
func (r *memRecord) erase() {
	r.erased, r.base, r.doc, r.sent, r.conflicts = true, nil, nil, nil, nil
}

// Get implements Local.
func (m *MemStore) Get(_ context.Context, id string) (Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.recs[id]
	if r == nil {
		return Record{ID: id}, nil
	}
	return Record{ID: id, Kind: r.kind, Company: r.company, Exists: true, Base: r.base, BaseVersion: r.baseVersion,
		Doc: r.doc, Pending: r.pending(), Unsettled: r.sent}, nil
}

// Save implements Local.
func (m *MemStore) Save(_ context.Context, u Update) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	rem := u.Remote
	r := m.record(rem.ID, rem.Kind, rem.Company)
	if !merge.Equal(r.doc, u.From) {
		return fmt.Errorf("save %s: %w", rem.ID, ErrStale)
	}
	r.baseVersion, r.sent = rem.Version, nil
	if rem.Deleted {
		r.erase()
		return nil
	}
	r.kind, r.company = rem.Kind, rem.Company
	r.base, r.doc = rem.Doc, u.Doc
	r.conflicts = append(r.conflicts, u.Conflicts...)
	return nil
}

// Cursor implements Local.
func (m *MemStore) Cursor(context.Context) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cursor, nil
}

// SetCursor implements Local.
func (m *MemStore) SetCursor(_ context.Context, seq int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cursor = seq
	return nil
}

var (
	_ Outbox = (*MemStore)(nil)
	_ Local  = (*MemStore)(nil)
)
