// Package pgtest starts a real, throw-away PostgreSQL server for a test
// package and hands each test a fresh, empty database on it.
//
// Use it from TestMain:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
// and in a test:
//
//	url := pgtest.NewDB(t) // a new database, dropped when the test ends
//
// The server comes from Debian's PostgreSQL packages: initdb and pg_ctl are
// looked up on PATH, then under /usr/lib/postgresql/*/bin (newest first).
// It lives in a temporary directory, listens on 127.0.0.1 on a free port and
// on a unix socket in that directory only, runs with fsync off, and is
// stopped and removed when the package's tests end. Since initdb refuses to
// run as root, a root test process runs the server as the user nobody.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// InstallHint is what to run when the PostgreSQL binaries are missing.
const InstallHint = "bash .ci/install-deps.sh test"

var (
	current *Server
	dbSeq   atomic.Int64
)

// Main starts a PostgreSQL server, runs the package's tests and stops the
// server; it does not return. When the server cannot start it prints why
// (naming InstallHint when the binaries are missing) and exits with 1.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	s, err := Start()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		return 1
	}
	current = s
	code := m.Run()
	if err := s.Stop(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// NewDB creates an empty database on the package's server and returns its
// connection URL; the database is dropped when the test ends.
func NewDB(t testing.TB) string {
	t.Helper()
	if current == nil {
		t.Fatal("pgtest: no server; call pgtest.Main(m) from TestMain")
	}
	url, err := current.CreateDB(context.Background())
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := current.DropDB(context.Background(), url); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return url
}

// CreateDB creates a new empty database and returns its connection URL.
func (s *Server) CreateDB(ctx context.Context) (string, error) {
	name := fmt.Sprintf("pomitest_%d_%d", os.Getpid(), dbSeq.Add(1))
	if err := s.admin(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return s.URL(name), nil
}

// DropDB drops the database a URL from CreateDB names, closing any
// connection still open to it.
func (s *Server) DropDB(ctx context.Context, url string) error {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("drop database: %w", err)
	}
	ident := pgx.Identifier{cfg.Database}.Sanitize()
	if err := s.admin(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", cfg.Database, err)
	}
	return nil
}

// URL returns the connection URL of database name on this server.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", superuser, s.Port, name)
}

// admin runs one statement on the postgres database.
func (s *Server) admin(ctx context.Context, sql string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// ErrNoBinaries reports that initdb or pg_ctl was not found.
var ErrNoBinaries = errors.New("PostgreSQL's initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/*/bin; install them with: " + InstallHint)
