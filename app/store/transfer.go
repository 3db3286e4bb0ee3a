package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
)

// ExportCompany returns a company and all its assessments as one document,
// for the interchange file (a GDPR copy, or a move to another computer).
func (s *Store) ExportCompany(ctx context.Context, id app.CompanyID, now time.Time) (*app.Document, error) {
	c, err := s.Company(ctx, id)
	if err != nil {
		return nil, err
	}
	stored, err := s.Assessments(ctx, id)
	if err != nil {
		return nil, err
	}
	as := make([]app.Assessment, len(stored))
	for i, sa := range stored {
		as[i] = sa.Assessment
	}
	return app.NewDocument(c.Company, as, now), nil
}

// ImportDocument stores a decoded document in one transaction: all of it or
// nothing. A company with the same org.nr is refused with
// app.ErrDuplicateOrgNr unless mode says to merge into it or add a copy.
// It returns the company that received the assessments.
func (s *Store) ImportDocument(ctx context.Context, doc *app.Document, mode app.ImportMode) (app.CompanyID, error) {
	if err := s.validateImport(ctx, doc); err != nil {
		return 0, err
	}
	return s.importValidated(ctx, doc, mode)
}

// importValidated is ImportDocument once the assessments are validated.
func (s *Store) importValidated(ctx context.Context, doc *app.Document, mode app.ImportMode) (app.CompanyID, error) {
	var id app.CompanyID
	err := s.inTx(ctx, "import "+doc.Company.Name, func(tx *sql.Tx) error {
		existing, err := refuseDuplicate(ctx, tx, doc, mode)
		if err != nil {
			return err
		}
		switch {
		case existing != 0 && mode == app.ImportMerge:
			id = existing
		default:
			company := doc.Company
			if id, err = insertCompany(ctx, tx, &company, s.now()); err != nil {
				return err
			}
		}
		for i := range doc.Assessments {
			if _, err := s.insertAssessment(ctx, tx, id, &doc.Assessments[i]); err != nil {
				return fmt.Errorf("assessment %d: %w", i+1, err)
			}
		}
		return nil
	})
	return id, err
}

// validateImport refuses assessments that do not fit the reference data.
func (s *Store) validateImport(ctx context.Context, doc *app.Document) error {
	as := make([]*app.Assessment, len(doc.Assessments))
	for i := range doc.Assessments {
		as[i] = &doc.Assessments[i]
	}
	if err := s.validateAssessments(ctx, as...); err != nil {
		return fmt.Errorf("import %s: %w", doc.Company.Name, err)
	}
	return nil
}

// refuseDuplicate returns the company with the document's org.nr (0 for
// none), and app.ErrDuplicateOrgNr when mode refuses a duplicate.
func refuseDuplicate(ctx context.Context, q rowQuerier, doc *app.Document, mode app.ImportMode) (app.CompanyID, error) {
	existing, err := companyByOrgNr(ctx, q, doc.Company.OrgNr)
	if err != nil {
		return 0, err
	}
	if existing != 0 && mode == app.ImportRefuseDuplicate {
		return existing, fmt.Errorf("%w (company %d)", app.ErrDuplicateOrgNr, existing)
	}
	return existing, nil
}

// Import makes a "pre-import" backup and then imports the document: the way
// people import a file. An import that will be refused (assessments that do
// not fit, a duplicate org.nr) is refused before the backup: it writes
// nothing, and its backups would push the useful ones out of the ten kept.
// ImportDocument alone is for loading data the app itself provides, such as
// the example companies.
func (s *Store) Import(ctx context.Context, doc *app.Document, mode app.ImportMode) (app.CompanyID, error) {
	if err := s.validateImport(ctx, doc); err != nil {
		return 0, err
	}
	if _, err := refuseDuplicate(ctx, s.db, doc, mode); err != nil {
		return 0, err
	}
	if _, err := s.BackupNow(ctx, "pre-import"); err != nil {
		return 0, fmt.Errorf("import %s: back up first: %w", doc.Company.Name, err)
	}
	return s.importValidated(ctx, doc, mode)
}

// DuplicateOf returns the company that has the document's org.nr, 0 when none.
func (s *Store) DuplicateOf(ctx context.Context, orgNr string) (app.CompanyID, error) {
	return companyByOrgNr(ctx, s.db, orgNr)
}

// rowQuerier is what a lookup needs: the database, or a transaction.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func companyByOrgNr(ctx context.Context, tx rowQuerier, orgNr string) (app.CompanyID, error) {
	normalized, err := validate.NormalizeOrgNr(orgNr)
	if err != nil || normalized == "" {
		return 0, nil
	}
	var id app.CompanyID
	err = tx.QueryRowContext(ctx, "SELECT id FROM companies WHERE org_nr = ? ORDER BY id LIMIT 1", normalized).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
