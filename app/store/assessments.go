package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// assessmentData is what the data column holds: the assessment without its
// actions, which have their own table.
func assessmentData(a *app.Assessment) (string, error) {
	copyA := *a
	copyA.Actions = nil
	raw, err := json.Marshal(copyA)
	return string(raw), err
}

// SaveAssessment validates and stores a new assessment with its actions.
func (s *Store) SaveAssessment(ctx context.Context, company app.CompanyID, a *app.Assessment) (app.AssessmentID, error) {
	if err := s.validateAssessments(ctx, a); err != nil {
		return 0, fmt.Errorf("save assessment of company %d: %w", company, err)
	}
	var id app.AssessmentID
	err := s.inTx(ctx, fmt.Sprintf("save assessment of company %d", company), func(tx *sql.Tx) error {
		var err error
		id, err = s.insertAssessment(ctx, tx, company, a)
		return err
	})
	return id, err
}

// validateAssessments checks assessments against the reference data the
// plans use, the organisation's own actors and recommendations included. It
// runs before a transaction starts: the pool's one connection is the
// transaction's until it ends.
func (s *Store) validateAssessments(ctx context.Context, as ...*app.Assessment) error {
	d, _, err := s.Reference(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, a := range as {
		errs = append(errs, a.Validate(d))
	}
	return errors.Join(errs...)
}

// insertAssessment stores an assessment validated by validateAssessments.
func (s *Store) insertAssessment(ctx context.Context, tx *sql.Tx, company app.CompanyID, a *app.Assessment) (app.AssessmentID, error) {
	data, err := assessmentData(a)
	if err != nil {
		return 0, err
	}
	now := stamp(s.now())
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments (company_id, date, assessor, data, updated)
		SELECT id, ?, ?, ?, ? FROM companies WHERE id = ?`, a.Date, a.Assessor, data, now, company)
	if err := mustAffect(res, err); err != nil {
		return 0, fmt.Errorf("company %d: %w", company, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := insertActions(ctx, tx, app.AssessmentID(id), a.Actions); err != nil {
		return 0, err
	}
	return app.AssessmentID(id), touchCompany(ctx, tx, company, now)
}

// UpdateAssessment validates and replaces an assessment and its actions, in
// their new order.
func (s *Store) UpdateAssessment(ctx context.Context, id app.AssessmentID, a *app.Assessment) error {
	if err := s.validateAssessments(ctx, a); err != nil {
		return fmt.Errorf("update assessment %d: %w", id, err)
	}
	return s.inTx(ctx, fmt.Sprintf("update assessment %d", id), func(tx *sql.Tx) error {
		return s.updateAssessment(ctx, tx, id, a)
	})
}

// updateAssessment replaces an assessment validated by validateAssessments
// within tx.
func (s *Store) updateAssessment(ctx context.Context, tx *sql.Tx, id app.AssessmentID, a *app.Assessment) error {
	data, err := assessmentData(a)
	if err != nil {
		return err
	}
	now := stamp(s.now())
	var company app.CompanyID
	err = tx.QueryRowContext(ctx, "SELECT company_id FROM assessments WHERE id = ?", id).Scan(&company)
	if errors.Is(err, sql.ErrNoRows) {
		return app.ErrNotFound
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE assessments SET date = ?, assessor = ?, data = ?, updated = ? WHERE id = ?",
		a.Date, a.Assessor, data, now, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM actions WHERE assessment_id = ?", id); err != nil {
		return err
	}
	if err := insertActions(ctx, tx, id, a.Actions); err != nil {
		return err
	}
	return touchCompany(ctx, tx, company, now)
}

// SaveWork stores a company's profile and one of its assessments, a new
// one when assessment is 0, in one transaction: a crash keeps both or
// neither, so the window's autosave never leaves the profile newer than
// the assessment. It returns the assessment's id.
func (s *Store) SaveWork(ctx context.Context, company app.CompanyID, c *app.Company, assessment app.AssessmentID, a *app.Assessment) (app.AssessmentID, error) {
	return s.SaveWorkOnto(ctx, company, nil, c, assessment, a)
}

func insertActions(ctx context.Context, tx *sql.Tx, id app.AssessmentID, actions []app.Action) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO actions (assessment_id, position, title, description, dimension,
		owner, owner_role, due, status, priority, source, actors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, a := range actions {
		actors, err := json.Marshal(nonNil(a.Actors))
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, id, i, a.Title, a.Description, string(a.Dimension), a.Owner, a.OwnerRole,
			a.Due, a.Status, a.Priority, a.Source, string(actors)); err != nil {
			return fmt.Errorf("action %d: %w", i+1, err)
		}
	}
	return nil
}

// touchCompany marks the company changed, so the list shows it first.
func touchCompany(ctx context.Context, tx *sql.Tx, id app.CompanyID, now string) error {
	_, err := tx.ExecContext(ctx, "UPDATE companies SET updated = ? WHERE id = ?", now, id)
	return err
}

// Assessment returns one assessment with its actions.
func (s *Store) Assessment(ctx context.Context, id app.AssessmentID) (*app.StoredAssessment, error) {
	list, err := s.queryAssessments(ctx, "WHERE id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("read assessment %d: %w", id, err)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("assessment %d: %w", id, app.ErrNotFound)
	}
	return &list[0], nil
}

// Assessments returns a company's assessments with their actions, oldest first.
func (s *Store) Assessments(ctx context.Context, company app.CompanyID) ([]app.StoredAssessment, error) {
	list, err := s.queryAssessments(ctx, "WHERE company_id = ? ORDER BY date, id", company)
	if err != nil {
		return nil, fmt.Errorf("read assessments of company %d: %w", company, err)
	}
	return list, nil
}

func (s *Store) queryAssessments(ctx context.Context, where string, arg any) ([]app.StoredAssessment, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, company_id, data, updated FROM assessments "+where, arg)
	if err != nil {
		return nil, err
	}
	var out []app.StoredAssessment
	for rows.Next() {
		var sa app.StoredAssessment
		var data, updated string
		if err := rows.Scan(&sa.ID, &sa.CompanyID, &data, &updated); err != nil {
			rows.Close()
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &sa.Assessment); err != nil {
			rows.Close()
			return nil, fmt.Errorf("assessment %d: %w", sa.ID, err)
		}
		sa.Updated = parseStamp(updated)
		out = append(out, sa)
	}
	rows.Close() // before the next query: the pool has one connection
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Actions, err = s.actions(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) actions(ctx context.Context, id app.AssessmentID) ([]app.Action, error) {
	return readActions(ctx, s.db, int64(id))
}

// querier is what reads rows: the database, or a transaction in progress.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readActions reads an assessment's actions in their order through q.
func readActions(ctx context.Context, q querier, id int64) ([]app.Action, error) {
	rows, err := q.QueryContext(ctx, `SELECT title, description, dimension, owner, owner_role, due, status,
		priority, source, actors FROM actions WHERE assessment_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []app.Action{}
	for rows.Next() {
		var a app.Action
		var dim, actors string
		if err := rows.Scan(&a.Title, &a.Description, &dim, &a.Owner, &a.OwnerRole, &a.Due, &a.Status,
			&a.Priority, &a.Source, &actors); err != nil {
			return nil, err
		}
		a.Dimension = ref.Dimension(dim)
		if err := json.Unmarshal([]byte(actors), &a.Actors); err != nil {
			return nil, fmt.Errorf("actors of an action: %w", err)
		}
		if len(a.Actors) == 0 {
			a.Actors = nil
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// DeleteAssessment removes one assessment and its actions.
func (s *Store) DeleteAssessment(ctx context.Context, id app.AssessmentID) error {
	return s.inTx(ctx, fmt.Sprintf("delete assessment %d", id), func(tx *sql.Tx) error {
		var company app.CompanyID
		err := tx.QueryRowContext(ctx, "DELETE FROM assessments WHERE id = ? RETURNING company_id", id).Scan(&company)
		if errors.Is(err, sql.ErrNoRows) {
			return app.ErrNotFound
		}
		if err != nil {
			return err
		}
		return touchCompany(ctx, tx, company, stamp(s.now()))
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
