package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/server/wire"
)

// Actor is who makes a change: an advisor on a device, in an organisation.
type Actor struct {
	OrgID     int64
	AdvisorID int64
	DeviceID  int64
}

// push is one push transaction: the organisation's row is locked, so
// pushes of one organisation run one at a time and sequence numbers
// become visible in order (a pull never skips one committed later).
type push struct {
	ctx   context.Context
	tx    pgx.Tx
	actor Actor
	seq   int64 // the last sequence number given out
}

// Push applies pushed records in one transaction and returns one result
// per record, in order. A record is stored when its base version is the
// current one (new version base+1, new sequence number); otherwise it is
// a conflict and the result carries the server's record. A change id seen
// before is not applied again. A tombstone empties the record's document;
// a company's also empties the documents of the records belonging to it,
// and each is written to the audit log without content.
func (s *Store) Push(ctx context.Context, actor Actor, recs []wire.PushRecord) ([]wire.PushResult, error) {
	var results []wire.PushResult
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		results = make([]wire.PushResult, 0, len(recs))
		p := &push{ctx: ctx, tx: tx, actor: actor}
		if err := tx.QueryRow(ctx, "SELECT last_seq FROM organisations WHERE id = $1 FOR UPDATE", actor.OrgID).Scan(&p.seq); err != nil {
			return notFound(err, "lock organisation")
		}
		start := p.seq
		for _, rec := range recs {
			res, err := p.apply(rec)
			if err != nil {
				return fmt.Errorf("record %s: %w", rec.ID, err)
			}
			results = append(results, res)
		}
		if p.seq == start {
			return nil
		}
		_, err := tx.Exec(ctx, "UPDATE organisations SET last_seq = $2 WHERE id = $1", actor.OrgID, p.seq)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("push: %w", err)
	}
	return results, nil
}

func (p *push) apply(rec wire.PushRecord) (wire.PushResult, error) {
	res := wire.PushResult{ID: rec.ID, ChangeID: rec.ChangeID}
	if done, err := p.alreadyApplied(rec, &res); done || err != nil {
		return res, err
	}
	cur, err := getRecord(p.ctx, p.tx, p.actor.OrgID, rec.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return res, err
	}
	if refused, err := p.refuse(rec, cur, &res); refused || err != nil {
		return res, err
	}
	return p.store(rec, cur, res)
}

// alreadyApplied fills res for a change id applied before.
func (p *push) alreadyApplied(rec wire.PushRecord, res *wire.PushResult) (bool, error) {
	var recordID string
	err := p.tx.QueryRow(p.ctx, "SELECT record_id, version, seq FROM applied_changes WHERE org_id = $1 AND change_id = $2",
		p.actor.OrgID, rec.ChangeID).Scan(&recordID, &res.Version, &res.Seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up change id: %w", err)
	}
	if recordID != rec.ID {
		*res = wire.PushResult{ID: rec.ID, ChangeID: rec.ChangeID, Status: wire.StatusRejected, Reason: wire.ReasonChangeIDReused}
		return true, nil
	}
	res.Status, res.Duplicate = wire.StatusApplied, true
	return true, nil
}

// refuse fills res when rec cannot be applied on top of cur (nil when the
// record is new).
func (p *push) refuse(rec wire.PushRecord, cur *wire.Record, res *wire.PushResult) (bool, error) {
	switch {
	case cur != nil && cur.Kind != rec.Kind:
		res.Status, res.Reason = wire.StatusRejected, wire.ReasonKindMismatch
	case cur != nil && cur.Deleted:
		res.Status, res.Reason, res.Current = wire.StatusRejected, wire.ReasonErased, cur
	case cur == nil && rec.BaseVersion != 0, cur != nil && cur.Version != rec.BaseVersion:
		res.Status, res.Current = wire.StatusConflict, cur
	case rec.Company != "":
		return p.refuseErasedCompany(rec, res)
	default:
		return false, nil
	}
	return true, nil
}

// refuseErasedCompany refuses a record of a company that was erased.
func (p *push) refuseErasedCompany(rec wire.PushRecord, res *wire.PushResult) (bool, error) {
	company, err := getRecord(p.ctx, p.tx, p.actor.OrgID, rec.Company)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if company.Kind == wire.KindCompany && !company.Deleted {
		return false, nil
	}
	res.Status, res.Reason, res.Current = wire.StatusRejected, wire.ReasonErased, company
	return true, nil
}

// store writes rec as the record's next version.
func (p *push) store(rec wire.PushRecord, cur *wire.Record, res wire.PushResult) (wire.PushResult, error) {
	p.seq++
	res.Status, res.Version, res.Seq = wire.StatusApplied, rec.BaseVersion+1, p.seq
	var doc []byte
	if !rec.Deleted {
		doc = rec.Doc
	}
	var company *string
	if rec.Company != "" {
		company = &rec.Company
	}
	var err error
	if cur == nil {
		_, err = p.tx.Exec(p.ctx, `INSERT INTO records (org_id, id, kind, company_id, version, seq, deleted, doc, created_by, changed_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
			p.actor.OrgID, rec.ID, rec.Kind, company, res.Version, res.Seq, rec.Deleted, doc, p.actor.AdvisorID)
	} else {
		_, err = p.tx.Exec(p.ctx, `UPDATE records SET company_id = $3, version = $4, seq = $5, deleted = $6, doc = $7,
			changed_by = $8, changed_at = now() WHERE org_id = $1 AND id = $2`,
			p.actor.OrgID, rec.ID, company, res.Version, res.Seq, rec.Deleted, doc, p.actor.AdvisorID)
	}
	if err != nil {
		return res, fmt.Errorf("store: %w", err)
	}
	_, err = p.tx.Exec(p.ctx, `INSERT INTO applied_changes (org_id, change_id, record_id, version, seq, device_id)
		VALUES ($1, $2, $3, $4, $5, $6)`, p.actor.OrgID, rec.ChangeID, rec.ID, res.Version, res.Seq, p.actor.DeviceID)
	if err != nil {
		return res, fmt.Errorf("remember change id: %w", err)
	}
	if rec.Deleted {
		return res, p.erase(rec)
	}
	return res, nil
}

const recordColumns = "id, kind, company_id, version, seq, deleted, doc, created_by, changed_by, changed_at"

func scanRecord(r pgx.Row) (wire.Record, error) {
	var rec wire.Record
	var company *string
	var doc []byte
	err := r.Scan(&rec.ID, &rec.Kind, &company, &rec.Version, &rec.Seq, &rec.Deleted, &doc, &rec.CreatedBy, &rec.ChangedBy, &rec.ChangedAt)
	if company != nil {
		rec.Company = *company
	}
	if doc != nil {
		rec.Doc = json.RawMessage(doc)
	}
	return rec, err
}

// getRecord reads one record of an organisation; ErrNotFound when it has none with this id.
func getRecord(ctx context.Context, q pgx.Tx, orgID int64, id string) (*wire.Record, error) {
	rec, err := scanRecord(q.QueryRow(ctx, "SELECT "+recordColumns+" FROM records WHERE org_id = $1 AND id = $2", orgID, id))
	if err != nil {
		return nil, notFound(err, "record "+id)
	}
	return &rec, nil
}

// Pull returns up to limit records of an organisation changed after
// sequence number since, in sequence order, and whether there are more.
func (s *Store) Pull(ctx context.Context, orgID, since int64, limit int) ([]wire.Record, bool, error) {
	rows, _ := s.pool.Query(ctx, "SELECT "+recordColumns+" FROM records WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
		orgID, since, limit+1)
	recs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (wire.Record, error) { return scanRecord(r) })
	if err != nil {
		return nil, false, fmt.Errorf("pull: %w", err)
	}
	if len(recs) > limit {
		return recs[:limit], true, nil
	}
	return recs, false, nil
}
