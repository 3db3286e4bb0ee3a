package team

import (
	"context"
	"reflect"
	"time"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// SyncStore is what team mode needs of the device's database: the sync
// engine's outbox and records, plus the counts, conflicts and the time of
// the last round. *store.SyncStore implements it.
type SyncStore interface {
	engine.Outbox
	engine.Local
	engine.Binder
	PendingCount(ctx context.Context) (int, error)
	ConflictCount(ctx context.Context) (int, error)
	Conflicts(ctx context.Context, id string) ([]merge.Conflict, error)
	Resolve(ctx context.Context, id string, choices []merge.Side) error
	LastSynced(ctx context.Context) (time.Time, error)
	SetLastSynced(ctx context.Context, t time.Time) error
	GlobalID(ctx context.Context, kind wire.Kind, localID int64) (string, error)
	OwnConflictIDs(ctx context.Context) ([]string, error)
	// AdvisorNames names the organisation's advisors by their server id.
	AdvisorNames(ctx context.Context) (map[int64]string, error)
}

// FromStore returns the SyncStore of st, a store with a method
// SyncStore() returning one (the SQLite store), and false for any other.
// It looks the method up by name because the ui packages may not import
// app/store, whose SyncStore method names its concrete type.
func FromStore(st any) (SyncStore, bool) {
	if st == nil {
		return nil, false
	}
	m := reflect.ValueOf(st).MethodByName("SyncStore")
	if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() != 1 {
		return nil, false
	}
	x, ok := m.Call(nil)[0].Interface().(SyncStore)
	return x, ok && x != nil
}
