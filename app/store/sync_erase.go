package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/server/wire"
)

// markTeamErase prepares for erasing, as the team did, the company with
// global id gid when this computer holds it: a pulled deletion, or a push
// refused because the company was erased. It writes the erase mark, as an erase everywhere does, so
// that the company also leaves every backup here (finishPulledErase), and
// a kill midway is finished at the next open. It returns nil when erase
// is false or kind is not a company, or the company is not held here.
func (x *SyncStore) markTeamErase(ctx context.Context, kind wire.Kind, gid string, erase bool) (*erasure, error) {
	e, err := x.teamErasure(ctx, kind, gid, erase)
	if err != nil || e == nil {
		return nil, err
	}
	if err := markErasePending(filepath.Dir(x.s.path), *e); err != nil {
		return nil, fmt.Errorf("sync: erase company %d: %w", e.ID, err)
	}
	return e, nil
}

// teamErasure returns what markTeamErase marks, without marking it.
func (x *SyncStore) teamErasure(ctx context.Context, kind wire.Kind, gid string, erase bool) (*erasure, error) {
	if !erase || kind != wire.KindCompany {
		return nil, nil
	}
	var e erasure
	err := x.s.queryRow(ctx, `SELECT c.id, c.created FROM sync_records r JOIN companies c ON c.id = r.local_id
		WHERE r.gid = ? AND r.kind = 'company'`, gid).Scan(&e.ID, &e.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("sync: the company %s erased by the team: %w", gid, err)
	}
	return &e, nil
}

// alone runs fn outside a sync batch when it erases a company held here
// (see Store.outside): the erase mark is written before the erasing
// commit and the backups purged after it. Everything else joins the batch.
func (x *SyncStore) alone(ctx context.Context, kind wire.Kind, gid string, erase bool, fn func(context.Context) error) error {
	if x.s.batchOf(ctx) == nil {
		return fn(ctx)
	}
	e, err := x.teamErasure(ctx, kind, gid, erase)
	if err != nil {
		return err
	}
	if e == nil {
		return fn(ctx)
	}
	return x.s.outside(ctx, fn)
}

// finishTeamErase completes what markTeamErase began once the record was
// saved: the company leaves the file's free pages and every
// backup. When the save did not erase it (it failed, or was stale and is
// tried again), the mark goes and the company stays.
func (x *SyncStore) finishTeamErase(ctx context.Context, e *erasure, saved error) error {
	if e == nil {
		return saved
	}
	erased := saved == nil && erasedLocally(ctx, x.s, e.ID)
	if !erased {
		clearErasePending(filepath.Dir(x.s.path))
		return saved
	}
	if _, err := x.s.erase(ctx, *e, true); err != nil {
		return fmt.Errorf("sync: erase company %d as the team did: %w", e.ID, err)
	}
	return nil
}

// erasedLocally reports whether the company with local id has left this
// computer's database.
func erasedLocally(ctx context.Context, s *Store, id app.CompanyID) bool {
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM companies WHERE id = ?", id).Scan(new(int))
	return errors.Is(err, sql.ErrNoRows)
}
