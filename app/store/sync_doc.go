package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// localDoc returns a record's local document: its row as sync sends it,
// the parked document of a record without a row, nil when deleted.
func localDoc(ctx context.Context, tx *sql.Tx, r *syncRecord) (json.RawMessage, error) {
	switch {
	case r.erased:
		return nil, nil
	case !r.localID.Valid:
		return r.parked, nil
	case r.kind == wire.KindCompany:
		return companyDoc(ctx, tx, r.localID.Int64)
	case r.kind == wire.KindAssessment:
		return assessmentDoc(ctx, tx, r.localID.Int64)
	case isCustom(r.kind):
		return customDoc(ctx, tx, r.kind, r.localID.Int64)
	case r.kind == wire.KindBranding:
		return readBranding(ctx, tx, r.base)
	}
	return nil, fmt.Errorf("sync record %s: no local rows of kind %s", r.gid, r.kind)
}

// companyDoc is the profile as stored, without its updated time: that
// changes with every save on every device and would make each edit a
// conflict.
func companyDoc(ctx context.Context, tx *sql.Tx, id int64) (json.RawMessage, error) {
	var profile string
	if err := tx.QueryRowContext(ctx, "SELECT profile FROM companies WHERE id = ?", id).Scan(&profile); err != nil {
		return nil, fmt.Errorf("company %d: %w", id, err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(profile), &m); err != nil {
		return nil, fmt.Errorf("company %d: profile: %w", id, err)
	}
	delete(m, "updated")
	return canonicalMap(m)
}

// assessmentDoc is the assessment's data with its actions in order.
func assessmentDoc(ctx context.Context, tx *sql.Tx, id int64) (json.RawMessage, error) {
	var data string
	if err := tx.QueryRowContext(ctx, "SELECT data FROM assessments WHERE id = ?", id).Scan(&data); err != nil {
		return nil, fmt.Errorf("assessment %d: %w", id, err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		return nil, fmt.Errorf("assessment %d: data: %w", id, err)
	}
	actions, err := readActions(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("assessment %d: %w", id, err)
	}
	if m["actions"], err = json.Marshal(actions); err != nil {
		return nil, err
	}
	return canonicalMap(m)
}

func canonicalMap(m map[string]json.RawMessage) (json.RawMessage, error) {
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return merge.Canonical(raw)
}

// writeDoc makes the record's local state doc: its row written (made when
// it has none), deleted for nil, or parked when it cannot have a row yet.
func writeDoc(ctx context.Context, tx *sql.Tx, r *syncRecord, doc json.RawMessage, now time.Time) error {
	if doc == nil {
		if err := deleteRow(ctx, tx, r, now); err != nil {
			return err
		}
		r.localID, r.deleted, r.parked = sql.NullInt64{}, true, nil
		return nil
	}
	r.deleted, r.parked = false, nil
	switch r.kind {
	case wire.KindCompany:
		if err := writeCompany(ctx, tx, &r.localID, doc, now); err != nil {
			return err
		}
		return unparkAssessments(ctx, tx, r, now)
	case wire.KindAssessment:
		var company sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT local_id FROM sync_records WHERE gid = ? AND kind = 'company'", r.company).Scan(&company)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if company.Valid {
			return writeAssessment(ctx, tx, &r.localID, company.Int64, doc, now)
		}
	case wire.KindActor, wire.KindRecommendation:
		if r.company == "" { // a company's own actors and recommendations have no rows yet
			return writeCustom(ctx, tx, r, doc)
		}
	case wire.KindBranding:
		r.localID = sql.NullInt64{Int64: brandingID, Valid: true}
		return writeBranding(ctx, tx, doc)
	}
	r.parked = doc // another kind, or an assessment whose company is not here yet
	return nil
}

// writeCompany stores a company's document as its profile, keeping any
// field this version does not know.
func writeCompany(ctx context.Context, tx *sql.Tx, id *sql.NullInt64, doc json.RawMessage, now time.Time) error {
	var c app.Company
	var m map[string]json.RawMessage
	if err := errors.Join(json.Unmarshal(doc, &c), json.Unmarshal(doc, &m)); err != nil {
		return fmt.Errorf("company document: %w", err)
	}
	updated, err := json.Marshal(now.UTC())
	if err != nil {
		return err
	}
	m["updated"] = updated
	profile, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if c.Created.IsZero() {
		c.Created = now
	}
	cols := []any{strings.TrimSpace(c.Name), c.OrgNr, c.Address.City, c.Contact.Name, c.Notes, c.ExportStage, string(profile), stamp(now)}
	if id.Valid {
		_, err := tx.ExecContext(ctx, `UPDATE companies SET name = ?, org_nr = ?, city = ?, contact = ?, notes = ?,
			export_stage = ?, profile = ?, updated = ? WHERE id = ?`, append(cols, id.Int64)...)
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO companies (name, org_nr, city, contact, notes, export_stage, profile,
		updated, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(cols, stamp(c.Created))...)
	if err != nil {
		return err
	}
	n, err := res.LastInsertId()
	*id = sql.NullInt64{Int64: n, Valid: true}
	return err
}

// writeAssessment stores an assessment's document: its data without the
// actions, as SaveAssessment does, and the actions in their rows.
func writeAssessment(ctx context.Context, tx *sql.Tx, id *sql.NullInt64, company int64, doc json.RawMessage, now time.Time) error {
	var a app.Assessment
	var m map[string]json.RawMessage
	if err := errors.Join(json.Unmarshal(doc, &a), json.Unmarshal(doc, &m)); err != nil {
		return fmt.Errorf("assessment document: %w", err)
	}
	m["actions"] = json.RawMessage("null")
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if id.Valid {
		_, err = tx.ExecContext(ctx, "UPDATE assessments SET date = ?, assessor = ?, data = ?, updated = ? WHERE id = ?",
			a.Date, a.Assessor, string(data), stamp(now), id.Int64)
		if err == nil {
			_, err = tx.ExecContext(ctx, "DELETE FROM actions WHERE assessment_id = ?", id.Int64)
		}
	} else {
		var res sql.Result
		res, err = tx.ExecContext(ctx, "INSERT INTO assessments (company_id, date, assessor, data, updated) VALUES (?, ?, ?, ?, ?)",
			company, a.Date, a.Assessor, string(data), stamp(now))
		if err == nil {
			id.Int64, err = res.LastInsertId()
			id.Valid = err == nil
		}
	}
	if err != nil {
		return err
	}
	if err := insertActions(ctx, tx, app.AssessmentID(id.Int64), a.Actions); err != nil {
		return err
	}
	return touchCompany(ctx, tx, app.CompanyID(company), stamp(now))
}

// unparkAssessments gives the assessments pulled before their company
// their rows, now that the company has one. The term company <> "" lets
// SQLite use the partial index sync_records_company: without it every
// company pulled scanned the whole table, quadratic in a first sync.
func unparkAssessments(ctx context.Context, tx *sql.Tx, company *syncRecord, now time.Time) error {
	rows, err := tx.QueryContext(ctx, "SELECT "+recordColumns+
		" FROM sync_records WHERE company = ? AND company <> '' AND kind = 'assessment' AND parked IS NOT NULL AND NOT erased ORDER BY seq", company.gid)
	if err != nil {
		return err
	}
	var parked []*syncRecord
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			rows.Close()
			return err
		}
		parked = append(parked, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range parked {
		if err := writeAssessment(ctx, tx, &r.localID, company.localID.Int64, r.parked, now); err != nil {
			return fmt.Errorf("assessment %s: %w", r.gid, err)
		}
		r.parked = nil
		if err := saveRecord(ctx, tx, r); err != nil {
			return err
		}
	}
	return nil
}

// deleteRow deletes a record's local row, if it has one: a company with
// its assessments and actions, as EraseCompany does.
func deleteRow(ctx context.Context, tx *sql.Tx, r *syncRecord, now time.Time) error {
	if !r.localID.Valid {
		return nil
	}
	switch r.kind {
	case wire.KindCompany:
		_, err := tx.ExecContext(ctx, "DELETE FROM companies WHERE id = ?", r.localID.Int64)
		return err
	case wire.KindAssessment:
		var company app.CompanyID
		err := tx.QueryRowContext(ctx, "DELETE FROM assessments WHERE id = ? RETURNING company_id", r.localID.Int64).Scan(&company)
		if err != nil {
			return ignoreNoRows(err)
		}
		return touchCompany(ctx, tx, company, stamp(now))
	case wire.KindActor, wire.KindRecommendation:
		return deleteCustomRow(ctx, tx, r)
	}
	return nil // the branding is never deleted, only emptied
}
