package pgtest_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/internal/pgtest"
)

// A halted server refuses connections; resumed, it has the committed data.
func TestHaltAndResumeKeepData(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	pgtest.Halt(t)
	if err := exec("SELECT 1"); err == nil {
		t.Error("a halted server answered")
	}
	pgtest.Resume(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var id int
	if err := conn.QueryRow(ctx, "SELECT id FROM kept").Scan(&id); err != nil || id != 7 {
		t.Errorf("after resume: %d, %v", id, err)
	}
}
