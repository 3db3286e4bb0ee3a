package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/server/wire"
)

// Who made and who last changed each company and assessment is kept in
// sync_authors by local row (migration 0004): the server's attribution
// from every pull, and the signed-in advisor's for edits made here, which
// the triggers note until the server has them.

var _ engine.Authors = (*SyncStore)(nil)

// authorStamp is changed_at's layout: fixed width, so it orders as text
// like SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') of the triggers.
const authorStamp = "2006-01-02T15:04:05.000Z"

// Attribute implements engine.Authors: it keeps the page's advisor names,
// the signed-in advisor, and the server's attribution of every record of
// the page that has a local row, except the last change of a row edited
// here since (that edit is the signed-in advisor's until pushed).
func (x *SyncStore) Attribute(ctx context.Context, page wire.PullResponse) error {
	return x.s.inTx(ctx, "sync: keep who changed what", func(tx *sql.Tx) error {
		if err := keepAdvisors(ctx, tx, page); err != nil {
			return err
		}
		for _, rec := range page.Changes {
			if rec.Deleted || !attributed(rec.Kind) {
				continue
			}
			if err := attributeRecord(ctx, tx, rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// keepAdvisors stores the page's advisor names and the signed-in advisor.
func keepAdvisors(ctx context.Context, tx *sql.Tx, page wire.PullResponse) error {
	for id, name := range page.Advisors {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_advisors (id, name) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name`, id, name); err != nil {
			return fmt.Errorf("advisor %d: %w", id, err)
		}
	}
	if page.Advisor == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sync_state (key, value) VALUES ('advisor', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.FormatInt(page.Advisor, 10)); err != nil {
		return fmt.Errorf("signed-in advisor: %w", err)
	}
	return nil
}

// attributeRecord keeps the server's attribution of one pulled record with
// a local row, and nudges its company when that changed who is named.
func attributeRecord(ctx context.Context, tx *sql.Tx, rec wire.Record) error {
	var local sql.NullInt64
	err := tx.QueryRowContext(ctx, "SELECT local_id FROM sync_records WHERE gid = ?", rec.ID).Scan(&local)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("record %s: %w", rec.ID, err)
	}
	if !local.Valid {
		return nil
	}
	before, err := authorsOf(ctx, tx, rec.Kind, local.Int64)
	if err != nil {
		return err
	}
	if err := attributeFromServer(ctx, tx, rec.Kind, local.Int64, rec); err != nil {
		return err
	}
	after, err := authorsOf(ctx, tx, rec.Kind, local.Int64)
	if err != nil || after == before {
		return err
	}
	return nudgeCompany(ctx, tx, rec.Kind, local.Int64)
}

// authorsOf returns a local row's advisor ids, zero when not known.
func authorsOf(ctx context.Context, tx *sql.Tx, kind wire.Kind, localID int64) ([2]int64, error) {
	var ids [2]int64
	err := tx.QueryRowContext(ctx, "SELECT created_by, changed_by FROM sync_authors WHERE kind = ? AND local_id = ?",
		kind, localID).Scan(&ids[0], &ids[1])
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return ids, fmt.Errorf("authors of %s %d: %w", kind, localID, err)
	}
	return ids, nil
}

// nudgeCompany moves the updated time of a company (or of an assessment's
// company) on by a microsecond when only its authors changed, such as when
// the device's own changes come back from the server with its name: the
// window reads again just the companies whose time moved, and a
// microsecond keeps the table's order by last change.
func nudgeCompany(ctx context.Context, tx *sql.Tx, kind wire.Kind, localID int64) error {
	q := "SELECT id, updated FROM companies WHERE id = ?"
	if kind == wire.KindAssessment {
		q = "SELECT c.id, c.updated FROM companies c JOIN assessments a ON a.company_id = c.id WHERE a.id = ?"
	}
	var id int64
	var updated string
	if err := tx.QueryRowContext(ctx, q, localID).Scan(&id, &updated); err != nil {
		return ignoreNoRows(err)
	}
	_, err := tx.ExecContext(ctx, "UPDATE companies SET updated = ? WHERE id = ?", stamp(parseStamp(updated).Add(time.Microsecond)), id)
	if err != nil {
		return fmt.Errorf("company %d: %w", id, err)
	}
	return nil
}

// attributed reports the kinds whose authors the portfolio shows.
func attributed(kind wire.Kind) bool {
	return kind == wire.KindCompany || kind == wire.KindAssessment
}

// attributeFromServer stores the server's record's authors for a local
// row, keeping the last change of an edit made here and not yet pushed.
func attributeFromServer(ctx context.Context, tx *sql.Tx, kind wire.Kind, localID int64, rec wire.Record) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO sync_authors (kind, local_id, created_by, changed_by, changed_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (kind, local_id) DO UPDATE SET created_by = excluded.created_by,
			changed_by = CASE WHEN local THEN changed_by ELSE excluded.changed_by END,
			changed_at = CASE WHEN local THEN changed_at ELSE excluded.changed_at END`,
		kind, localID, rec.CreatedBy, rec.ChangedBy, rec.ChangedAt.UTC().Format(authorStamp))
	if err != nil {
		return fmt.Errorf("authors of %s %s: %w", kind, rec.ID, err)
	}
	return nil
}

// attributeApplied makes the signed-in advisor the last author of a change
// the server applied (and the first, for a new record): the server says
// the same from now on, so the edit is no longer only local.
func attributeApplied(ctx context.Context, tx *sql.Tx, r *syncRecord, version int64, now time.Time) error {
	if !r.localID.Valid || !attributed(r.kind) {
		return nil
	}
	created := "0"
	if version == 1 {
		created = "value"
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sync_authors (kind, local_id, created_by, changed_by, changed_at)
		SELECT ?, ?, `+created+`, value, ? FROM sync_state WHERE key = 'advisor'
		ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
			changed_at = excluded.changed_at, local = 0,
			created_by = CASE WHEN created_by = 0 THEN excluded.created_by ELSE created_by END`,
		r.kind, r.localID.Int64, now.UTC().Format(authorStamp))
	if err != nil {
		return fmt.Errorf("authors of %s %s: %w", r.kind, r.gid, err)
	}
	return nil
}

// Authors returns who made and who last changed a local company or
// assessment row, by name; "" for what is not known (not in team mode).
func (x *SyncStore) Authors(ctx context.Context, kind wire.Kind, localID int64) (created, changed string, err error) {
	err = x.s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT name FROM sync_advisors WHERE id = created_by), ''),
			coalesce((SELECT name FROM sync_advisors WHERE id = changed_by), '')
		FROM sync_authors WHERE kind = ? AND local_id = ?`, kind, localID).Scan(&created, &changed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	} else if err != nil {
		return "", "", fmt.Errorf("authors of %s %d: %w", kind, localID, err)
	}
	return created, changed, nil
}

// AdvisorNames returns the organisation's advisors this computer has
// heard of, by their id on the server; empty outside team mode.
func (x *SyncStore) AdvisorNames(ctx context.Context) (map[int64]string, error) {
	rows, err := x.s.db.QueryContext(ctx, "SELECT id, name FROM sync_advisors")
	if err != nil {
		return nil, fmt.Errorf("advisors' names: %w", err)
	}
	defer rows.Close()
	names := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("advisors' names: %w", err)
		}
		names[id] = name
	}
	return names, rows.Err()
}
