package pgtest_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// Each test gets its own database: a table made in one is not in another.
func TestNewDBIsFreshPerTest(t *testing.T) {
	for _, name := range []string{"first", "second"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			if _, err := conn.Exec(ctx, "CREATE TABLE only_here (id int)"); err != nil {
				t.Fatalf("create table in a fresh database: %v", err)
			}
			var version string
			if err := conn.QueryRow(ctx, "SHOW server_version").Scan(&version); err != nil {
				t.Fatal(err)
			}
			t.Logf("PostgreSQL %s", version)
		})
	}
}

// The server listens on loopback only.
func TestListensOnLoopbackOnly(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var addrs string
	if err := conn.QueryRow(ctx, "SHOW listen_addresses").Scan(&addrs); err != nil {
		t.Fatal(err)
	}
	if addrs != "127.0.0.1" {
		t.Errorf("listen_addresses = %q, want 127.0.0.1", addrs)
	}
}
