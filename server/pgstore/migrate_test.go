package pgstore_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/pgstore"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func open(t *testing.T, url string) *pgstore.Store {
	t.Helper()
	s, err := pgstore.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestMigrationsApplyOnceAndTwiceIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := open(t, pgtest.NewDB(t))
	migs, err := pgstore.Migrations()
	if err != nil || len(migs) < 2 {
		t.Fatalf("migrations = %v %v", migs, err)
	}
	applied, err := s.Migrate(ctx)
	if err != nil || len(applied) != len(migs) {
		t.Fatalf("first migrate = %v %v", applied, err)
	}
	applied, err = s.Migrate(ctx)
	if err != nil || len(applied) != 0 {
		t.Fatalf("second migrate = %v %v", applied, err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != len(migs) {
		t.Errorf("schema version = %d %v", v, err)
	}
}

// Several servers starting at once against a new database: the advisory
// lock lets one migrate and the others find nothing to do.
func TestConcurrentMigrateAppliesEachOnce(t *testing.T) {
	url := pgtest.NewDB(t)
	var wg sync.WaitGroup
	total := make([]int, 4)
	for i := range total {
		wg.Go(func() {
			applied, err := open(t, url).Migrate(context.Background())
			if err != nil {
				t.Error(err)
			}
			total[i] = len(applied)
		})
	}
	wg.Wait()
	migs, _ := pgstore.Migrations()
	if sum := total[0] + total[1] + total[2] + total[3]; sum != len(migs) {
		t.Errorf("applied %v in all, want %d", total, len(migs))
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	s := open(t, url)
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	exec(t, url, "INSERT INTO schema_migrations (version, name) VALUES (99, 'from a later pomi-server')")
	if _, err := s.Migrate(ctx); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("migrate a newer database = %v", err)
	}
}

// A failing migration leaves nothing behind: all run in one transaction.
func TestFailedMigrationLeavesNothing(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	exec(t, url, "CREATE TABLE records (x int)") // migration 2 will fail on it
	if _, err := open(t, url).Migrate(ctx); err == nil {
		t.Fatal("migrate succeeded over a clashing table")
	}
	var n int
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	err = conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.tables
		WHERE table_name IN ('schema_migrations', 'organisations', 'advisors')`).Scan(&n)
	if err != nil || n != 0 {
		t.Errorf("tables left behind = %d %v", n, err)
	}
}

func exec(t *testing.T, url, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatal(err)
	}
}
