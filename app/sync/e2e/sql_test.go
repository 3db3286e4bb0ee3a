package e2e

import "github.com/jackc/pgx/v5"

// sql runs a statement on the test database, for what the API cannot do
// (such as letting a token expire).
func (e *env) sql(query string, args ...any) {
	e.t.Helper()
	conn, err := pgx.Connect(ctx, e.url)
	if err != nil {
		e.t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, query, args...); err != nil {
		e.t.Fatal(err)
	}
}
