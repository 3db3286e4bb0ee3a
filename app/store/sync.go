package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// SyncStore is the database as team sync's working copy: it implements
// engine.Outbox and engine.Local for companies (the profile), assessments
// (with their actions, in order), the organisation's own actors and
// recommendations (sync_custom.go) and its branding (sync_branding.go),
// and engine.Authors for who made and changed what (sync_authors.go).
// Records of other kinds pulled from the server are kept as they came,
// without local rows, until the app learns to show them.
//
// Local edits reach it through triggers that note the changed rows in the
// edit's own transaction; each call folds those notes in first.
type SyncStore struct{ s *Store }

// SyncStore returns the store's sync view. Nothing is read or written
// until one of its methods is called.
func (s *Store) SyncStore() *SyncStore { return &SyncStore{s: s} }

var (
	_ engine.Outbox = (*SyncStore)(nil)
	_ engine.Local  = (*SyncStore)(nil)
)

// Get implements engine.Local.
func (x *SyncStore) Get(ctx context.Context, id string) (engine.Record, error) {
	var rec engine.Record
	err := x.s.inTx(ctx, "sync: read "+id, func(tx *sql.Tx) error {
		if err := fold(ctx, tx); err != nil {
			return err
		}
		r, err := loadRecord(ctx, tx, "gid = ?", id)
		if err != nil || r == nil {
			rec = engine.Record{ID: id}
			return err
		}
		doc, err := localDoc(ctx, tx, r)
		if err != nil {
			return err
		}
		rec = engine.Record{ID: id, Kind: r.kind, Company: r.company, Exists: true, Base: r.base,
			BaseVersion: r.baseVersion, Doc: doc, Pending: r.unsettled != nil || r.changed(doc), Unsettled: r.unsettled}
		return nil
	})
	return rec, err
}

// Cursor implements engine.Local.
func (x *SyncStore) Cursor(ctx context.Context) (int64, error) {
	v, err := x.state(ctx, "cursor")
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("sync cursor %q: %w", v, err)
	}
	return n, nil
}

// SetCursor implements engine.Local.
func (x *SyncStore) SetCursor(ctx context.Context, seq int64) error {
	return x.setState(ctx, "cursor", strconv.FormatInt(seq, 10))
}

// LastSynced returns when a sync round last completed; zero for never.
func (x *SyncStore) LastSynced(ctx context.Context) (time.Time, error) {
	v, err := x.state(ctx, "last_synced")
	if err != nil || v == "" {
		return time.Time{}, err
	}
	return parseStamp(v), nil
}

// SetLastSynced records when a sync round completed.
func (x *SyncStore) SetLastSynced(ctx context.Context, t time.Time) error {
	return x.setState(ctx, "last_synced", stamp(t))
}

func (x *SyncStore) state(ctx context.Context, key string) (string, error) {
	var v string
	err := x.s.queryRow(ctx, "SELECT value FROM sync_state WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("read sync %s: %w", key, err)
	}
	return v, nil
}

func (x *SyncStore) setState(ctx context.Context, key, value string) error {
	return x.s.inTx(ctx, "store sync "+key, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_state (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// PendingCount returns how many records have changes the server has not
// applied yet.
func (x *SyncStore) PendingCount(ctx context.Context) (int, error) {
	n := 0
	err := x.s.inTx(ctx, "sync: count pending changes", func(tx *sql.Tx) error {
		if err := fold(ctx, tx); err != nil {
			return err
		}
		recs, err := recordsToSend(ctx, tx)
		if err != nil {
			return err
		}
		for _, r := range recs {
			doc, err := localDoc(ctx, tx, r)
			if err != nil {
				return err
			}
			if r.unsettled != nil || r.changed(doc) {
				n++
			}
		}
		return nil
	})
	return n, err
}

// ConflictCount returns how many conflicting fields wait for the advisor.
func (x *SyncStore) ConflictCount(ctx context.Context) (int, error) {
	var n int
	err := x.s.db.QueryRowContext(ctx,
		"SELECT coalesce(sum(json_array_length(conflicts)), 0) FROM sync_records WHERE conflicts IS NOT NULL").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count sync conflicts: %w", err)
	}
	return n, nil
}

// Conflicts returns a record's open conflicts, oldest first, as the
// conflict view shows them: Local is the field's current value, since the
// advisor may have edited it after the merge.
func (x *SyncStore) Conflicts(ctx context.Context, id string) ([]merge.Conflict, error) {
	var cs []merge.Conflict
	err := x.s.inTx(ctx, "sync: conflicts of "+id, func(tx *sql.Tx) error {
		r, err := loadRecord(ctx, tx, "gid = ?", id)
		if err != nil || r == nil {
			return err
		}
		doc, err := localDoc(ctx, tx, r)
		if err != nil {
			return err
		}
		cs, err = openConflicts(r, doc)
		return err
	})
	return cs, err
}

func openConflicts(r *syncRecord, doc json.RawMessage) ([]merge.Conflict, error) {
	cs := slices.Clone(r.conflicts)
	for i := range cs {
		if len(cs[i].Path) == 0 {
			continue // the whole-record conflict of a deletion keeps its absent Local
		}
		v, err := merge.At(doc, cs[i].Path)
		if err != nil {
			return nil, fmt.Errorf("conflicts of %s: %w", r.gid, err)
		}
		cs[i].Local = v
	}
	return cs, nil
}

// LocalID returns the local row id (companies.id or assessments.id; for
// own actors and recommendations their number in sync_custom_rows, 1 for
// the branding) of the record with global id gid; false when it has no
// local row.
func (x *SyncStore) LocalID(ctx context.Context, gid string) (int64, bool, error) {
	var id sql.NullInt64
	err := x.s.queryRow(ctx, "SELECT local_id FROM sync_records WHERE gid = ?", gid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	} else if err != nil {
		return 0, false, fmt.Errorf("local id of %s: %w", gid, err)
	}
	return id.Int64, id.Valid, nil
}

// GlobalID returns the global id of a local row (as LocalID numbers it),
// giving it one when sync has not seen it yet.
func (x *SyncStore) GlobalID(ctx context.Context, kind wire.Kind, localID int64) (string, error) {
	var gid string
	err := x.s.inTx(ctx, fmt.Sprintf("sync: global id of %s %d", kind, localID), func(tx *sql.Tx) error {
		if err := fold(ctx, tx); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT gid FROM sync_records WHERE kind = ? AND local_id = ?", kind, localID).Scan(&gid)
	})
	return gid, err
}

// decodeJSON is json.Unmarshal for a column that may be NULL.
func decodeJSON(raw sql.NullString, v any) error {
	if !raw.Valid {
		return nil
	}
	return json.Unmarshal([]byte(raw.String), v)
}
