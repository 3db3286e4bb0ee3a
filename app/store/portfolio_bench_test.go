package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
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
	// What the window reads before its first frame: the 60 last changed
	// companies with their assessments, made into rows, beside the same
	// rows read with plain SQL and not decoded.
	b.Run("FirstRowsSQL", func(b *testing.B) { // the baseline
		for b.Loop() {
			if n := scanFirstSQL(ctx, b, s.db, 60); n != 60*(1+assessments) {
				b.Fatalf("%d companies and assessments", n)
			}
		}
	})
	b.Run("FirstRows", func(b *testing.B) {
		for b.Loop() {
			list, _, err := s.ListCompanies(ctx, app.ListQuery{Limit: 60})
			if err != nil {
				b.Fatal(err)
			}
			ids := make([]app.CompanyID, len(list))
			for i := range list {
				ids[i] = list[i].ID
			}
			first, err := s.PortfolioOf(ctx, ids)
			if err != nil || len(portfolio.Rows(d, first, today)) != 60 {
				b.Fatalf("%d first rows, %v", len(first), err)
			}
		}
	})
	// What the window reads after an edit: every company's stamp, and the
	// one company whose stamp moved.
	b.Run("ChangesSQL", func(b *testing.B) { // the baseline
		for b.Loop() {
			if n := scanChangesSQL(ctx, b, s.db); n != companies {
				b.Fatalf("%d stamps", n)
			}
		}
	})
	b.Run("SyncOneChanged", func(b *testing.B) {
		for b.Loop() {
			stamps, err := s.Changes(ctx)
			if err != nil || len(stamps) != companies {
				b.Fatalf("%d stamps, %v", len(stamps), err)
			}
			one, err := s.PortfolioOf(ctx, []app.CompanyID{stamps[len(stamps)/2].ID})
			if err != nil || len(one) != 1 {
				b.Fatalf("%d changed, %v", len(one), err)
			}
		}
	})
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

// scanFirstSQL reads the n last changed companies' profiles, assessments
// and actions into bytes, decoding nothing, and returns how many companies
// and assessments it read.
func scanFirstSQL(ctx context.Context, b *testing.B, db *sql.DB, n int) int {
	rows, err := db.QueryContext(ctx, `SELECT c.profile, a.data, (SELECT group_concat(title || description || due || status)
		FROM actions WHERE assessment_id = a.id) FROM (SELECT id, profile FROM companies ORDER BY updated DESC, id DESC LIMIT ?) c
		JOIN assessments a ON a.company_id = c.id ORDER BY c.id, a.date`, n)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	seen, count := map[string]bool{}, 0
	var profile, data, actions []byte
	for rows.Next() {
		if err := rows.Scan(&profile, &data, &actions); err != nil {
			b.Fatal(err)
		}
		if !seen[string(profile)] {
			seen[string(profile)] = true
			count++
		}
		count++
	}
	return count
}

// scanChangesSQL reads every company's id and stamp as plain values.
func scanChangesSQL(ctx context.Context, b *testing.B, db *sql.DB) int {
	rows, err := db.QueryContext(ctx, "SELECT id, updated FROM companies ORDER BY id")
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	var id int64
	var stamp []byte
	for rows.Next() {
		if err := rows.Scan(&id, &stamp); err != nil {
			b.Fatal(err)
		}
		n++
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
