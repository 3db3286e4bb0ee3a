package pgstore

import (
	"context"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/server/wire"
)

// Audit actions.
const (
	// AuditErase: a company was erased, with the records belonging to it.
	AuditErase = "erase"
	// AuditDelete: a record other than a company was deleted.
	AuditDelete = "delete"
)

// AuditEntry is one row of the audit log: who did what to which id, when.
// It never holds content.
type AuditEntry struct {
	At         time.Time
	AdvisorID  int64
	DeviceID   int64
	Action     string
	Kind       wire.Kind
	RecordID   string
	Dependents int
}

// erase runs after rec's tombstone was stored: for a company it empties
// the documents of every record belonging to it (each gets a new version
// and sequence number, so devices learn of it at pull), and it writes the
// audit row.
func (p *push) erase(rec wire.PushRecord) error {
	action, dependents := AuditDelete, int64(0)
	if rec.Kind == wire.KindCompany {
		action = AuditErase
		tag, err := p.tx.Exec(p.ctx, `WITH dep AS (
				SELECT id, row_number() OVER (ORDER BY seq) AS n FROM records
				WHERE org_id = $1 AND company_id = $2 AND NOT deleted)
			UPDATE records r SET deleted = true, doc = NULL, version = r.version + 1, seq = $3 + dep.n,
				changed_by = $4, changed_at = now()
			FROM dep WHERE r.org_id = $1 AND r.id = dep.id`,
			p.actor.OrgID, rec.ID, p.seq, p.actor.AdvisorID)
		if err != nil {
			return fmt.Errorf("erase records of company: %w", err)
		}
		dependents = tag.RowsAffected()
		p.seq += dependents
	}
	_, err := p.tx.Exec(p.ctx, `INSERT INTO audit_log (org_id, advisor_id, device_id, action, kind, record_id, dependents)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, p.actor.OrgID, p.actor.AdvisorID, p.actor.DeviceID, action, rec.Kind, rec.ID, dependents)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// AuditLog returns an organisation's audit rows, oldest first.
func (s *Store) AuditLog(ctx context.Context, orgID int64) ([]AuditEntry, error) {
	rows, err := s.pool.Query(ctx, `SELECT at, advisor_id, coalesce(device_id, 0), action, kind, record_id, dependents
		FROM audit_log WHERE org_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.AdvisorID, &e.DeviceID, &e.Action, &e.Kind, &e.RecordID, &e.Dependents); err != nil {
			return nil, fmt.Errorf("audit log: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	return out, nil
}
