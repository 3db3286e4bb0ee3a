package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// BenchmarkCompanies10000 measures the company list's queries on a database
// of 10,000 fictional companies with one assessment each: the first page the
// window shows, searches as someone types them, and a bare count(*) as the
// floor any query on the table pays. The database is filled once per run
// and shared by the sub-benchmarks, so they compare on the same file:
//
//	go test -run '^$' -bench Companies10000 ./app/store/
func BenchmarkCompanies10000(b *testing.B) {
	s := seeded(b, 10000)
	ctx := context.Background()
	list := func(search string, wantAtLeast int) func(*testing.B) {
		return func(b *testing.B) {
			total := 0
			for b.Loop() {
				rows, n, err := s.ListCompanies(ctx, app.ListQuery{Search: search, Limit: 500})
				if err != nil || n < wantAtLeast || len(rows) == 0 {
					b.Fatalf("search %q: %d rows of %d, %v", search, len(rows), n, err)
				}
				total = n
			}
			b.ReportMetric(float64(total), "matches")
		}
	}
	b.Run("Count", func(b *testing.B) { // the baseline: one plain SQL count
		for b.Loop() {
			var n int
			if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM companies").Scan(&n); err != nil || n != 10000 {
				b.Fatalf("count %d, %v", n, err)
			}
		}
	})
	b.Run("ListAll", list("", 10000))
	b.Run("Search_möb", list("möb", 100))
	b.Run("Search_möb_tranås", list("möb tranås", 1))
	b.Run("Search_orgnr", list(fakeco.OrgNr(4321), 1))
}

// seeded opens a store in b's temp folder and fills it with n fictional
// companies in one transaction: one per company, as the app would, takes
// half a minute, which would only measure the disk.
func seeded(b *testing.B, n int) *Store {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	now := time.Now()
	docs, err := fakeco.Companies(n, 1, now)
	if err != nil {
		b.Fatal(err)
	}
	for _, doc := range docs[:min(n, 3)] { // the rest repeat these three examples' ratings
		if err := s.validateAssessments(ctx, &doc.Assessments[0]); err != nil {
			b.Fatal(err)
		}
	}
	err = s.inTx(ctx, "seed", func(tx *sql.Tx) error {
		for _, doc := range docs {
			id, err := insertCompany(ctx, tx, &doc.Company, now)
			if err != nil {
				return err
			}
			if _, err := s.insertAssessment(ctx, tx, id, &doc.Assessments[0]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}
