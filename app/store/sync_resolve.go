package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/merge"
)

// Resolve applies the advisor's choices to a record's open conflicts (one
// per conflict, as Conflicts returned them) and closes them. The result is
// a local edit like any other: the triggers note it, and the next sync
// pushes it.
func (x *SyncStore) Resolve(ctx context.Context, id string, choices []merge.Side) error {
	return x.s.inTx(ctx, "sync: resolve "+id, func(tx *sql.Tx) error {
		r, err := loadRecord(ctx, tx, "gid = ?", id)
		if err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("no such record")
		}
		doc, err := localDoc(ctx, tx, r)
		if err != nil {
			return err
		}
		cs, err := openConflicts(r, doc)
		if err != nil {
			return err
		}
		resolved, err := merge.Resolve(doc, cs, choices)
		if err != nil {
			return err
		}
		if !merge.Equal(resolved, doc) {
			if err := writeDoc(ctx, tx, r, resolved, x.s.now()); err != nil {
				return err
			}
		}
		r.conflicts, r.touched = nil, true
		return saveRecord(ctx, tx, r)
	})
}
