package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
)

// Portfolio returns every company, by id, with every stored assessment of
// it, oldest first, and their actions: the same values Company and
// Assessments give one company at a time, read in two queries in all
// instead of several per company: the companies, then the assessments with
// their actions gathered by SQLite into one JSON list each (a row per
// action costs database/sql several times as much). The queries run on one
// connection held throughout, the store's only one, so no write of this
// program falls between them; the JSON documents are decoded on every CPU.
func (s *Store) Portfolio(ctx context.Context) ([]portfolio.Client, error) {
	return s.readPortfolio(ctx, "", "")
}

// PortfolioOf returns the companies with the given ids as Portfolio gives
// them, by id; an id that is not stored is left out. The window reads its
// first rows and the companies changed since it loaded with it.
func (s *Store) PortfolioOf(ctx context.Context, ids []app.CompanyID) ([]portfolio.Client, error) {
	if len(ids) == 0 {
		return []portfolio.Client{}, nil
	}
	list := idList(ids)
	return s.readPortfolio(ctx, " WHERE id IN ("+list+")", " WHERE a.company_id IN ("+list+")")
}

// readPortfolio reads the companies and the assessments that the two
// WHERE clauses select, on one connection.
func (s *Store) readPortfolio(ctx context.Context, companies, assessments string) ([]portfolio.Client, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the portfolio: %w", err)
	}
	defer conn.Close()
	clients, err := readClients(ctx, conn, companies)
	if err != nil {
		return nil, fmt.Errorf("read the portfolio: companies: %w", err)
	}
	list, err := readAllAssessments(ctx, conn, assessments)
	if err != nil {
		return nil, fmt.Errorf("read the portfolio: assessments: %w", err)
	}
	return attach(clients, list), nil
}

// idList writes ids as an SQL list; they are integers, so nothing needs quoting.
func idList(ids []app.CompanyID) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(int64(id), 10))
	}
	return b.String()
}

// Changes returns every company's id and last change, by id: what the
// window compares with the portfolio it holds to read again only the
// companies changed, added or erased since (one small query, no JSON).
func (s *Store) Changes(ctx context.Context) ([]portfolio.Stamp, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, updated FROM companies ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("read the companies' changes: %w", err)
	}
	defer rows.Close()
	out := []portfolio.Stamp{}
	for rows.Next() {
		var st portfolio.Stamp
		var updated string
		if err := rows.Scan(&st.ID, &updated); err != nil {
			return nil, fmt.Errorf("read the companies' changes: %w", err)
		}
		st.Updated = parseStamp(updated)
		out = append(out, st)
	}
	return out, rows.Err()
}

// rawRow is a stored JSON document with its row's identity, read first and
// decoded later on all CPUs.
type rawRow struct {
	id, owner     int64
	data, actions []byte
	updated       string
	// createdBy and changedBy are a company's advisors, in team mode.
	createdBy, changedBy string
}

// allClients selects every company's profile with, in team mode, the
// names of the advisors who made it and who made the latest change of it
// or of one of its assessments (sync_authors, migration 0004).
const allClients = `SELECT id, profile, updated,
	coalesce((SELECT v.name FROM sync_authors x JOIN sync_advisors v ON v.id = x.created_by
		WHERE x.kind = 'company' AND x.local_id = companies.id), ''),
	coalesce((SELECT v.name FROM (
			SELECT changed_by, changed_at FROM sync_authors WHERE kind = 'company' AND local_id = companies.id
			UNION ALL
			SELECT x.changed_by, x.changed_at FROM assessments a
			JOIN sync_authors x ON x.kind = 'assessment' AND x.local_id = a.id WHERE a.company_id = companies.id
		) JOIN sync_advisors v ON v.id = changed_by ORDER BY changed_at DESC LIMIT 1), '')
	FROM companies%s ORDER BY id`

// readClients reads and decodes every company profile, by id.
func readClients(ctx context.Context, conn *sql.Conn, where string) ([]portfolio.Client, error) {
	rows, err := conn.QueryContext(ctx, fmt.Sprintf(allClients, where))
	if err != nil {
		return nil, err
	}
	var raws []rawRow
	for rows.Next() {
		var r rawRow
		if err := rows.Scan(&r.id, &r.data, &r.updated, &r.createdBy, &r.changedBy); err != nil {
			rows.Close()
			return nil, err
		}
		raws = append(raws, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]portfolio.Client, len(raws))
	err = decodeAll(len(raws), func(i int) error {
		out[i].ID, out[i].Updated = app.CompanyID(raws[i].id), parseStamp(raws[i].updated)
		out[i].CreatedBy, out[i].ChangedBy = raws[i].createdBy, raws[i].changedBy
		if err := json.Unmarshal(raws[i].data, &out[i].Company); err != nil {
			return fmt.Errorf("company %d: profile: %w", raws[i].id, err)
		}
		return nil
	})
	return out, err
}

// allAssessments selects every assessment, by company and then oldest
// first as Assessments orders one company's, with its actions in their
// order as a JSON list whose keys are app.Action's.
const allAssessments = `SELECT a.id, a.company_id, a.data, a.updated,
	(SELECT json_group_array(json_object('title', title, 'description', description, 'dimension', dimension,
		'owner', owner, 'owner_role', owner_role, 'due', due, 'status', status, 'priority', priority,
		'source', source, 'actors', json(actors)) ORDER BY position)
	FROM actions WHERE assessment_id = a.id)
	FROM assessments a%s ORDER BY a.company_id, a.date, a.id`

// readAllAssessments reads and decodes every assessment with its actions.
func readAllAssessments(ctx context.Context, conn *sql.Conn, where string) ([]app.StoredAssessment, error) {
	rows, err := conn.QueryContext(ctx, fmt.Sprintf(allAssessments, where))
	if err != nil {
		return nil, err
	}
	var raws []rawRow
	for rows.Next() {
		var r rawRow
		if err := rows.Scan(&r.id, &r.owner, &r.data, &r.updated, &r.actions); err != nil {
			rows.Close()
			return nil, err
		}
		raws = append(raws, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]app.StoredAssessment, len(raws))
	err = decodeAll(len(raws), func(i int) error {
		r, sa := &raws[i], &out[i]
		sa.ID, sa.CompanyID, sa.Updated = app.AssessmentID(r.id), app.CompanyID(r.owner), parseStamp(r.updated)
		if err := json.Unmarshal(r.data, &sa.Assessment); err != nil {
			return fmt.Errorf("assessment %d: %w", r.id, err)
		}
		return decodeActions(r, sa)
	})
	return out, err
}

// decodeActions decodes an assessment's list of actions as Assessments
// gives it: an empty list, not nil, and nil actors for none.
func decodeActions(r *rawRow, sa *app.StoredAssessment) error {
	sa.Actions = []app.Action{}
	if err := json.Unmarshal(r.actions, &sa.Actions); err != nil {
		return fmt.Errorf("actions of assessment %d: %w", r.id, err)
	}
	for i := range sa.Actions {
		if len(sa.Actions[i].Actors) == 0 {
			sa.Actions[i].Actors = nil
		}
	}
	return nil
}

// attach gives every client its assessments; both lists are sorted by
// company id.
func attach(clients []portfolio.Client, assessments []app.StoredAssessment) []portfolio.Client {
	j := 0
	for i := range clients {
		for j < len(assessments) && assessments[j].CompanyID < clients[i].ID {
			j++ // an assessment whose company is gone; the foreign key keeps this from happening
		}
		start := j
		for j < len(assessments) && assessments[j].CompanyID == clients[i].ID {
			j++
		}
		if j > start {
			clients[i].Assessments = assessments[start:j:j]
		}
	}
	return clients
}

// decodeAll runs decode(i) for every i below n on every CPU and returns
// the first error.
func decodeAll(n int, decode func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		for i := range n {
			if err := decode(i); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				if err := decode(i); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
