package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// syncRecord is one row of sync_records.
type syncRecord struct {
	seq         int64 // 0 until stored
	gid         string
	kind        wire.Kind
	company     string
	localID     sql.NullInt64
	deleted     bool
	erased      bool
	parked      json.RawMessage
	base        json.RawMessage
	baseVersion int64
	unsettled   *wire.PushRecord
	touched     bool
	rejected    string
	conflicts   []merge.Conflict
}

const recordColumns = `seq, gid, kind, company, local_id, deleted, erased, parked, base, base_version,
	unsettled, touched, rejected, conflicts`

// scanRecord reads one row selected with recordColumns.
func scanRecord(row interface{ Scan(...any) error }) (*syncRecord, error) {
	var r syncRecord
	var parked, base, unsettled, conflicts sql.NullString
	if err := row.Scan(&r.seq, &r.gid, &r.kind, &r.company, &r.localID, &r.deleted, &r.erased, &parked, &base,
		&r.baseVersion, &unsettled, &r.touched, &r.rejected, &conflicts); err != nil {
		return nil, err
	}
	if parked.Valid {
		r.parked = json.RawMessage(parked.String)
	}
	if base.Valid {
		r.base = json.RawMessage(base.String)
	}
	if err := decodeJSON(unsettled, &r.unsettled); err != nil {
		return nil, fmt.Errorf("sync record %s: unsettled change: %w", r.gid, err)
	}
	if err := decodeJSON(conflicts, &r.conflicts); err != nil {
		return nil, fmt.Errorf("sync record %s: conflicts: %w", r.gid, err)
	}
	return &r, nil
}

// loadRecord returns the record matching where, nil when there is none.
func loadRecord(ctx context.Context, tx *sql.Tx, where string, args ...any) (*syncRecord, error) {
	r, err := scanRecord(tx.QueryRowContext(ctx, "SELECT "+recordColumns+" FROM sync_records WHERE "+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return r, err
}

// recordsToSend returns, in the order first seen, the records that may have
// something to push: an unsettled change, a possible local edit, or a
// local deletion of a record the server has.
func recordsToSend(ctx context.Context, tx *sql.Tx) ([]*syncRecord, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+recordColumns+` FROM sync_records
		WHERE unsettled IS NOT NULL OR touched OR (deleted AND NOT erased AND base IS NOT NULL AND rejected = '')
		ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("records to push: %w", err)
	}
	defer rows.Close()
	var out []*syncRecord
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// saveRecord writes r, inserting it when it is new.
func saveRecord(ctx context.Context, tx *sql.Tx, r *syncRecord) error {
	unsettled, err := jsonOrNull(r.unsettled, r.unsettled == nil)
	if err != nil {
		return err
	}
	conflicts, err := jsonOrNull(r.conflicts, len(r.conflicts) == 0)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO sync_records (gid, kind, company, local_id, deleted, erased, parked,
			base, base_version, unsettled, touched, rejected, conflicts)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (gid) DO UPDATE SET kind = excluded.kind, company = excluded.company,
			local_id = excluded.local_id, deleted = excluded.deleted, erased = excluded.erased,
			parked = excluded.parked, base = excluded.base, base_version = excluded.base_version,
			unsettled = excluded.unsettled, touched = excluded.touched, rejected = excluded.rejected,
			conflicts = excluded.conflicts`,
		r.gid, r.kind, r.company, r.localID, r.deleted, r.erased, rawOrNull(r.parked), rawOrNull(r.base),
		r.baseVersion, unsettled, r.touched, r.rejected, conflicts)
	if err != nil {
		return fmt.Errorf("store sync record %s: %w", r.gid, err)
	}
	return nil
}

func jsonOrNull(v any, null bool) (any, error) {
	if null {
		return nil, nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(raw), nil
}

func rawOrNull(raw json.RawMessage) any {
	if raw == nil {
		return nil
	}
	return string(raw)
}

// changed reports local changes not yet sent, doc being the local
// document: as MemStore, a record erased or refused for good has none
// until it is edited again.
func (r *syncRecord) changed(doc json.RawMessage) bool {
	if r.erased || r.rejected != "" {
		return false
	}
	if doc == nil {
		return r.base != nil
	}
	return !merge.Equal(doc, r.base)
}

// erase drops the record's content; its gid and version stay, so older
// versions pulled later are recognised.
func (r *syncRecord) erase() {
	r.erased, r.deleted, r.localID = true, true, sql.NullInt64{}
	r.base, r.parked, r.unsettled, r.conflicts, r.touched = nil, nil, nil, nil, false
}

// fold turns the triggers' notes in sync_dirty into records to check: a
// row sync has not seen gets its global id, and an edit lifts a refusal.
// Companies come first, so an assessment finds its company's record.
func fold(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT kind, local_id FROM sync_dirty ORDER BY kind = 'company' DESC, local_id")
	if err != nil {
		return fmt.Errorf("read changed rows: %w", err)
	}
	type dirty struct {
		kind wire.Kind
		id   int64
	}
	var all []dirty
	for rows.Next() {
		var d dirty
		if err := rows.Scan(&d.kind, &d.id); err != nil {
			rows.Close()
			return fmt.Errorf("read changed rows: %w", err)
		}
		all = append(all, d)
	}
	rows.Close() // before the next statement: the pool has one connection
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read changed rows: %w", err)
	}
	for _, d := range all {
		if err := foldRow(ctx, tx, d.kind, d.id); err != nil {
			return fmt.Errorf("fold %s %d: %w", d.kind, d.id, err)
		}
	}
	return nil
}

// foldRow marks the record of one changed row as touched.
func foldRow(ctx context.Context, tx *sql.Tx, kind wire.Kind, id int64) error {
	seq, err := ensureRecord(ctx, tx, kind, id)
	if err != nil {
		return err
	}
	if seq != 0 {
		if _, err := tx.ExecContext(ctx, "UPDATE sync_records SET touched = 1, rejected = '' WHERE seq = ?", seq); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM sync_dirty WHERE kind = ? AND local_id = ?", kind, id)
	return err
}

// ensureRecord returns the seq of the record of a local row, making one
// with a new global id when sync has not seen the row; 0 when the row is
// gone (its deletion was noted by the delete trigger).
func ensureRecord(ctx context.Context, tx *sql.Tx, kind wire.Kind, id int64) (int64, error) {
	var seq int64
	err := tx.QueryRowContext(ctx, "SELECT seq FROM sync_records WHERE kind = ? AND local_id = ?", kind, id).Scan(&seq)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return seq, err
	}
	company, gid := "", engine.NewChangeID()
	switch kind {
	case wire.KindCompany:
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM companies WHERE id = ?", id).Scan(new(int)); err != nil {
			return 0, ignoreNoRows(err)
		}
	case wire.KindAssessment:
		var cid int64
		if err := tx.QueryRowContext(ctx, "SELECT company_id FROM assessments WHERE id = ?", id).Scan(&cid); err != nil {
			return 0, ignoreNoRows(err)
		}
		cseq, err := ensureRecord(ctx, tx, wire.KindCompany, cid)
		if err != nil {
			return 0, err
		}
		if err := tx.QueryRowContext(ctx, "SELECT gid FROM sync_records WHERE seq = ?", cseq).Scan(&company); err != nil {
			return 0, err
		}
	case wire.KindActor, wire.KindRecommendation:
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM sync_custom_rows WHERE n = ? AND kind = ?", id, kind).Scan(new(int)); err != nil {
			return 0, ignoreNoRows(err)
		}
	case wire.KindBranding:
		// One record for the organisation, with a fixed id: should it
		// have lost its row, it takes the row again (the unique gid
		// allows no second one).
		gid = wire.BrandingID
		err := tx.QueryRowContext(ctx, "UPDATE sync_records SET local_id = ? WHERE gid = ? RETURNING seq", id, gid).Scan(&seq)
		if !errors.Is(err, sql.ErrNoRows) {
			return seq, err
		}
	default:
		return 0, fmt.Errorf("no local rows of kind %s", kind)
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO sync_records (gid, kind, company, local_id, touched) VALUES (?, ?, ?, ?, 1)",
		gid, kind, company, id)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func ignoreNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}
