package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// Pending implements engine.Outbox: an unsettled change is returned as it
// was sent; otherwise a record's changes get a new change id, stored with
// the exact content before Pending returns, until settled.
func (x *SyncStore) Pending(ctx context.Context, max int) ([]wire.PushRecord, error) {
	var out []wire.PushRecord
	err := x.s.inTx(ctx, "sync: pending changes", func(tx *sql.Tx) error {
		if err := fold(ctx, tx); err != nil {
			return err
		}
		recs, err := recordsToSend(ctx, tx)
		if err != nil {
			return err
		}
		size := 0
		for _, r := range recs {
			if len(out) >= max {
				break
			}
			if err := prepareChange(ctx, tx, r); err != nil {
				return err
			}
			if r.unsettled == nil {
				continue
			}
			if size += len(r.unsettled.Doc); len(out) > 0 && size > pushBudget {
				break // the rest go in the next push
			}
			out = append(out, *r.unsettled)
		}
		return nil
	})
	return out, err
}

// pushBudget bounds the documents of one push, under the server's 8 MB
// body limit (api.DefaultMaxBody): a branding with a large logo is sent
// alone. A single change is always sent.
const pushBudget = 6 << 20

// prepareChange gives a touched record without an unsettled change one
// when its document differs from the base, and forgets the touch when not.
func prepareChange(ctx context.Context, tx *sql.Tx, r *syncRecord) error {
	if r.unsettled != nil {
		return nil
	}
	doc, err := localDoc(ctx, tx, r)
	if err != nil {
		return err
	}
	if !r.changed(doc) || coveredByCompany(ctx, tx, r, doc) {
		if !r.touched {
			return nil
		}
		r.touched = false
		return saveRecord(ctx, tx, r)
	}
	r.unsettled = &wire.PushRecord{ChangeID: engine.NewChangeID(), ID: r.gid, Kind: r.kind, Company: r.company,
		BaseVersion: r.baseVersion, Deleted: doc == nil, Doc: doc}
	return saveRecord(ctx, tx, r)
}

// coveredByCompany reports a deletion that the company's own tombstone
// covers: the server erases a company's records with it, and would refuse
// theirs afterwards.
func coveredByCompany(ctx context.Context, tx *sql.Tx, r *syncRecord, doc []byte) bool {
	if doc != nil || r.company == "" {
		return false
	}
	var deleted bool
	err := tx.QueryRowContext(ctx, "SELECT deleted FROM sync_records WHERE gid = ?", r.company).Scan(&deleted)
	return err == nil && deleted
}

// settled loads the record whose unsettled change is change, or nil.
func settled(ctx context.Context, tx *sql.Tx, change wire.PushRecord) (*syncRecord, error) {
	r, err := loadRecord(ctx, tx, "gid = ?", change.ID)
	if err != nil || r == nil || r.unsettled == nil || r.unsettled.ChangeID != change.ChangeID {
		return nil, err
	}
	return r, nil
}

// Applied implements engine.Outbox. The record stays touched, so an edit
// made while the change was on its way is still found by the next Pending.
func (x *SyncStore) Applied(ctx context.Context, change wire.PushRecord, version int64) error {
	return x.s.inTx(ctx, "sync: applied "+change.ID, func(tx *sql.Tx) error {
		r, err := settled(ctx, tx, change)
		if err != nil || r == nil {
			return err
		}
		r.base, r.baseVersion, r.unsettled = change.Doc, version, nil
		if change.Deleted {
			return x.eraseLocal(ctx, tx, r)
		}
		if err := attributeApplied(ctx, tx, r, version, x.s.now()); err != nil {
			return err
		}
		return saveRecord(ctx, tx, r)
	})
}

// Rejected implements engine.Outbox. With wire.ReasonErased the local copy
// is erased (a company with its assessments).
func (x *SyncStore) Rejected(ctx context.Context, change wire.PushRecord, res wire.PushResult) error {
	return x.alone(ctx, change.Kind, change.ID, res.Reason == wire.ReasonErased, func(ctx context.Context) error {
		return x.rejected(ctx, change, res)
	})
}

// rejected is Rejected, alone when it erases a company (see alone).
func (x *SyncStore) rejected(ctx context.Context, change wire.PushRecord, res wire.PushResult) error {
	gone, err := x.markTeamErase(ctx, change.Kind, change.ID, res.Reason == wire.ReasonErased)
	if err != nil {
		return err
	}
	erased := false
	err = x.s.inTx(ctx, "sync: rejected "+change.ID, func(tx *sql.Tx) error {
		r, err := settled(ctx, tx, change)
		if err != nil || r == nil {
			return err
		}
		r.unsettled = nil
		if res.Reason != wire.ReasonErased {
			r.rejected, r.touched = res.Reason, false
			return saveRecord(ctx, tx, r)
		}
		erased = r.kind == wire.KindCompany && r.localID.Valid
		return x.eraseLocal(ctx, tx, r)
	})
	if gone != nil {
		return x.finishTeamErase(ctx, gone, err)
	}
	if err == nil && erased {
		err = x.s.afterCommit(ctx, x.s.reclaim)
	}
	return err
}

// Save implements engine.Local. The rows it writes are not local edits:
// sync_applying keeps the triggers quiet for the transaction.
func (x *SyncStore) Save(ctx context.Context, u engine.Update) error {
	return x.alone(ctx, u.Remote.Kind, u.Remote.ID, u.Remote.Deleted, func(ctx context.Context) error {
		return x.saveUpdate(ctx, u)
	})
}

// saveUpdate is Save, alone when it erases a company (see alone).
func (x *SyncStore) saveUpdate(ctx context.Context, u engine.Update) error {
	rem := u.Remote
	gone, err := x.markTeamErase(ctx, rem.Kind, rem.ID, rem.Deleted)
	if err != nil {
		return err
	}
	erased := false
	err = x.s.inTx(ctx, "sync: save "+rem.ID, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO sync_applying (id) VALUES (1)"); err != nil {
			return err
		}
		var err error
		erased, err = x.save(ctx, tx, u)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM sync_applying")
		return err
	})
	if gone != nil {
		return x.finishTeamErase(ctx, gone, err)
	}
	if err == nil && erased {
		err = x.s.afterCommit(ctx, x.s.reclaim)
	}
	return err
}

// save is Save within tx; it reports whether a company's rows were erased.
func (x *SyncStore) save(ctx context.Context, tx *sql.Tx, u engine.Update) (bool, error) {
	rem := u.Remote
	if err := fold(ctx, tx); err != nil {
		return false, err
	}
	r, err := loadRecord(ctx, tx, "gid = ?", rem.ID)
	if err != nil {
		return false, err
	}
	if r == nil {
		r = &syncRecord{gid: rem.ID, kind: rem.Kind, company: rem.Company}
	}
	doc, err := localDoc(ctx, tx, r)
	if err != nil {
		return false, err
	}
	if !sameDoc(doc, u.From) {
		return false, engine.ErrStale
	}
	r.baseVersion, r.unsettled = rem.Version, nil
	if rem.Deleted {
		erased := r.kind == wire.KindCompany && r.localID.Valid
		return erased, x.eraseLocal(ctx, tx, r)
	}
	r.kind, r.company, r.base = rem.Kind, rem.Company, rem.Doc
	r.conflicts = append(r.conflicts, u.Conflicts...)
	if err := writeDoc(ctx, tx, r, u.Doc, x.s.now()); err != nil {
		return false, fmt.Errorf("write %s %s: %w", r.kind, r.gid, err)
	}
	r.touched = r.touched || !sameDoc(u.Doc, rem.Doc)
	if r.localID.Valid && attributed(r.kind) {
		if err := attributeFromServer(ctx, tx, r.kind, r.localID.Int64, rem); err != nil {
			return false, err
		}
	}
	return false, saveRecord(ctx, tx, r)
}

// sameDoc is merge.Equal, without decoding two identical documents: a
// pulled record is most often stored as it came.
func sameDoc(a, b json.RawMessage) bool {
	if (a == nil) == (b == nil) && bytes.Equal(a, b) {
		return true
	}
	return merge.Equal(a, b)
}

// eraseLocal erases a record's local copy; for a company, its assessments
// go with it, their records keeping only gid and version like its own.
func (x *SyncStore) eraseLocal(ctx context.Context, tx *sql.Tx, r *syncRecord) error {
	if err := deleteRow(ctx, tx, r, x.s.now()); err != nil {
		return fmt.Errorf("erase %s %s: %w", r.kind, r.gid, err)
	}
	r.erase()
	if r.kind == wire.KindCompany {
		// The term company <> "" lets SQLite use the partial index.
		_, err := tx.ExecContext(ctx, `UPDATE sync_records SET local_id = NULL, deleted = 1, erased = 1, parked = NULL,
			base = NULL, unsettled = NULL, touched = 0, conflicts = NULL WHERE company = ? AND company <> ''`, r.gid)
		if err != nil {
			return fmt.Errorf("erase the records of company %s: %w", r.gid, err)
		}
	}
	return saveRecord(ctx, tx, r)
}
