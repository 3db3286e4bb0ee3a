package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// BenchmarkPortfolio10000 measures the advisor's portfolio on a database of
// 10,000 fictional companies with three assessments each (30,000
// assessments and their actions): each view as the window or pomi-cli
// makes it from the database — Portfolio and then the table, the
// follow-ups or the insights — beside SQLScan, the same rows read with
// plain SQL into bytes and not decoded, the floor any loading pays. The
// *Only benchmarks take the loaded portfolio and time the domain's part
// alone, as when the advisor changes a filter. Seeding takes about half a
// minute, so it only runs when asked for:
//
//	go test -run '^$' -bench Portfolio10000 -benchtime 3x ./app/store/
func BenchmarkPortfolio10000(b *testing.B) {
	const companies, assessments = 10000, 3
	s := seededPortfolio(b, companies, assessments)
	ctx := context.Background()
	d := ref.MustLoad()
	today := time.Now()
	load := func(b *testing.B) []portfolio.Client {
		clients, err := s.Portfolio(ctx)
		if err != nil || len(clients) != companies || len(clients[0].Assessments) != assessments {
			b.Fatalf("%d clients, %v", len(clients), err)
		}
		return clients
	}
	table := func(clients []portfolio.Client) int {
		rows := portfolio.Rows(d, clients, today)
		portfolio.SortRows(rows, portfolio.ColName, false)
		return len(rows)
	}
	followUps := func(clients []portfolio.Client) int {
		n := 0
		for _, w := range portfolio.FollowUps(clients, today) {
			n += len(w.Items)
		}
		return n
	}
	insights := func(clients []portfolio.Client) int {
		return portfolio.Anonymise(portfolio.ComputeInsights(d, clients, portfolio.Filter{}, portfolio.Period{}, today)).Companies
	}
	view := func(unit string, f func([]portfolio.Client) int) func(*testing.B) {
		return func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = f(load(b))
			}
			b.ReportMetric(float64(n), unit)
		}
	}
	only := func(unit string, f func([]portfolio.Client) int) func(*testing.B) {
		return func(b *testing.B) {
			clients, n := load(b), 0
			for b.Loop() {
				n = f(clients)
			}
			b.ReportMetric(float64(n), unit)
		}
	}
	b.Run("SQLScan", func(b *testing.B) { // the baseline
		for b.Loop() {
			if n := scanPortfolioSQL(ctx, b, s.db); n != companies*(1+assessments) {
				b.Fatalf("%d companies and assessments", n)
			}
		}
	})
	b.Run("Load", view("companies", func(c []portfolio.Client) int { return len(c) }))
	b.Run("Table", view("rows", table))
	b.Run("FollowUps", view("items", followUps))
	b.Run("Insights", view("companies", insights))
	b.Run("TableOnly", only("rows", table))
	b.Run("FollowUpsOnly", only("items", followUps))
	b.Run("InsightsOnly", only("companies", insights))
}

// scanPortfolioSQL reads what Portfolio reads — every profile, assessment
// and action — into bytes, decoding nothing, and returns how many
// companies and assessments it read.
func scanPortfolioSQL(ctx context.Context, b *testing.B, db *sql.DB) int {
	n := 0
	for _, q := range []struct {
		sql   string
		count bool
	}{
		{"SELECT id, profile FROM companies ORDER BY id", true},
		{"SELECT company_id, data FROM assessments ORDER BY company_id, date, id", true},
		{`SELECT assessment_id, title || description || dimension || owner || owner_role || due || status ||
			priority || source || actors FROM actions ORDER BY assessment_id, position`, false},
	} {
		rows, err := db.QueryContext(ctx, q.sql)
		if err != nil {
			b.Fatal(err)
		}
		var id int64
		var raw []byte
		for rows.Next() {
			if err := rows.Scan(&id, &raw); err != nil {
				b.Fatal(err)
			}
			if q.count {
				n++
			}
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
	}
	return n
}

// seededPortfolio is seeded with n fictional companies of k assessments
// each, in one transaction.
func seededPortfolio(b *testing.B, n, k int) *Store {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	now := time.Now()
	docs, err := fakeco.WithHistory(n, k, 1, now)
	if err != nil {
		b.Fatal(err)
	}
	for _, doc := range docs[:min(n, 3)] { // the rest repeat these three examples' ratings
		for i := range doc.Assessments {
			if err := s.validateAssessments(ctx, &doc.Assessments[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	err = s.inTx(ctx, "seed", func(tx *sql.Tx) error {
		for _, doc := range docs {
			id, err := insertCompany(ctx, tx, &doc.Company, now)
			if err != nil {
				return err
			}
			for i := range doc.Assessments {
				if _, err := s.insertAssessment(ctx, tx, id, &doc.Assessments[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}
