package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/pomi-planner/pomi/app"
)

// DefaultPageSize is the number of companies a list returns when none is asked for.
const DefaultPageSize = 50

// CreateCompany validates and stores a new company; its created and updated
// times are set now.
func (s *Store) CreateCompany(ctx context.Context, c *app.Company) (app.CompanyID, error) {
	var id app.CompanyID
	err := s.inTx(ctx, "create company", func(tx *sql.Tx) error {
		var err error
		id, err = insertCompany(ctx, tx, c, s.now())
		return err
	})
	return id, err
}

func insertCompany(ctx context.Context, tx *sql.Tx, c *app.Company, now time.Time) (app.CompanyID, error) {
	if err := c.Validate(now); err != nil {
		return 0, err
	}
	if c.Created.IsZero() {
		c.Created = now.UTC()
	}
	c.Updated = now.UTC()
	profile, err := json.Marshal(c)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO companies
		(name, org_nr, city, contact, notes, export_stage, profile, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		strings.TrimSpace(c.Name), c.OrgNr, c.Address.City, c.Contact.Name, c.Notes, c.ExportStage,
		string(profile), stamp(c.Created), stamp(c.Updated))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	return app.CompanyID(id), err
}

// UpdateCompany validates and replaces a company's profile.
func (s *Store) UpdateCompany(ctx context.Context, id app.CompanyID, c *app.Company) error {
	now := s.now()
	if err := c.Validate(now); err != nil {
		return fmt.Errorf("update company %d: %w", id, err)
	}
	return s.inTx(ctx, fmt.Sprintf("update company %d", id), func(tx *sql.Tx) error {
		return updateCompany(ctx, tx, id, c, now)
	})
}

// updateCompany replaces a validated profile within tx.
func updateCompany(ctx context.Context, tx *sql.Tx, id app.CompanyID, c *app.Company, now time.Time) error {
	var created string
	err := tx.QueryRowContext(ctx, "SELECT created FROM companies WHERE id = ?", id).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return app.ErrNotFound
	} else if err != nil {
		return err
	}
	c.Created, c.Updated = parseStamp(created), now.UTC()
	profile, err := json.Marshal(c)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE companies SET name = ?, org_nr = ?, city = ?, contact = ?,
		notes = ?, export_stage = ?, profile = ?, updated = ? WHERE id = ?`,
		strings.TrimSpace(c.Name), c.OrgNr, c.Address.City, c.Contact.Name, c.Notes, c.ExportStage,
		string(profile), stamp(c.Updated), id)
	return err
}

// Company returns one company.
func (s *Store) Company(ctx context.Context, id app.CompanyID) (*app.StoredCompany, error) {
	var profile string
	err := s.db.QueryRowContext(ctx, "SELECT profile FROM companies WHERE id = ?", id).Scan(&profile)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("company %d: %w", id, app.ErrNotFound)
	} else if err != nil {
		return nil, fmt.Errorf("read company %d: %w", id, err)
	}
	sc := &app.StoredCompany{ID: id}
	if err := json.Unmarshal([]byte(profile), &sc.Company); err != nil {
		return nil, fmt.Errorf("read company %d: profile: %w", id, err)
	}
	return sc, nil
}

// SetLogo stores the company's logo (PNG or JPEG bytes; nil removes it).
func (s *Store) SetLogo(ctx context.Context, id app.CompanyID, logo []byte) error {
	return s.inTx(ctx, fmt.Sprintf("set logo of company %d", id), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE companies SET logo = ?, updated = ? WHERE id = ?", logo, stamp(s.now()), id)
		return mustAffect(res, err)
	})
}

// Logo returns the company's logo, nil when it has none.
func (s *Store) Logo(ctx context.Context, id app.CompanyID) ([]byte, error) {
	var logo []byte
	err := s.db.QueryRowContext(ctx, "SELECT logo FROM companies WHERE id = ?", id).Scan(&logo)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("logo of company %d: %w", id, app.ErrNotFound)
	}
	return logo, err
}

// ListCompanies returns a page of companies, last changed first, and how many
// match in all. A search matches every word as a prefix of a word in the
// name, org.nr, city, contact or notes, ignoring case and diacritics.
func (s *Store) ListCompanies(ctx context.Context, q app.ListQuery) ([]app.CompanySummary, int, error) {
	if q.Limit <= 0 {
		q.Limit = DefaultPageSize
	}
	where, args := "", []any{}
	if match := ftsQuery(q.Search); match != "" {
		where = "WHERE c.id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?)"
		args = append(args, match)
	} else if strings.TrimSpace(q.Search) != "" {
		return []app.CompanySummary{}, 0, nil
	}
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM companies c "+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count companies: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.name, c.org_nr, c.city, c.export_stage, c.updated,
			(SELECT max(date) FROM assessments a WHERE a.company_id = c.id),
			(SELECT count(*) FROM assessments a WHERE a.company_id = c.id)
		FROM companies c `+where+` ORDER BY c.updated DESC, c.id DESC LIMIT ? OFFSET ?`,
		append(args, q.Limit, max(0, q.Offset))...)
	if err != nil {
		return nil, 0, fmt.Errorf("list companies: %w", err)
	}
	defer rows.Close()
	out := []app.CompanySummary{}
	for rows.Next() {
		var c app.CompanySummary
		var updated string
		var last sql.NullString
		if err := rows.Scan(&c.ID, &c.Name, &c.OrgNr, &c.City, &c.ExportStage, &updated, &last, &c.Assessments); err != nil {
			return nil, 0, fmt.Errorf("list companies: %w", err)
		}
		c.Updated, c.LastAssessment = parseStamp(updated), last.String
		out = append(out, c)
	}
	return out, total, rows.Err()
}

// ftsQuery turns what a person types into an FTS5 query: every word, quoted,
// as a prefix ("holav möb" → "holav"* "möb"*). Punctuation separates words, as
// the index's tokenizer does, so "556118-47" finds that org.nr.
func ftsQuery(search string) string {
	words := strings.FieldsFunc(search, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

// mustAffect turns "no row changed" into app.ErrNotFound.
func mustAffect(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return app.ErrNotFound
	}
	return nil
}
