// Command teamload is the load test of team mode: one PostgreSQL and one
// pomi-server (the real binary, a process of its own so its CPU time can
// be read from /proc) on loopback, organisations of simulated advisors
// syncing through the app's own engine and HTTPS client, each figure
// beside a plain SELECT of the same rows. It prints a Markdown table for
// docs/performance.md.
//
//	go run ./tools/teamload                     # 200 advisors, 50,000 companies
//	go run ./tools/teamload -server bin/pomi-server
//
// The defaults are issue 16's: 50 organisations × 4 advisors × 1,000
// companies (each with one assessment). Pull is per organisation, so an
// organisation's 1,000 companies are the portfolio a new device fetches.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/server/pgstore"
)

// Config is the size of a run.
type Config struct {
	Orgs, AdvisorsPerOrg, CompaniesPerOrg, AssessmentsPerCompany int
	// Rounds sync rounds per advisor under load, each pushing Edits changes.
	Rounds, Edits int
	// Single syncs of one changed company; Full first full syncs into
	// memory, FullSQLite into a SQLite data folder.
	Single, Full, FullSQLite int
	// Pool is pomi-server's connection pool size (0: pgxpool's default).
	Pool int
	// ServerBin is the pomi-server binary; built into a temporary folder when empty.
	ServerBin string
}

func main() {
	var cfg Config
	flag.IntVar(&cfg.Orgs, "orgs", 50, "organisations")
	flag.IntVar(&cfg.AdvisorsPerOrg, "advisors", 4, "advisors per organisation")
	flag.IntVar(&cfg.CompaniesPerOrg, "companies", 1000, "companies per organisation")
	flag.IntVar(&cfg.AssessmentsPerCompany, "assessments", 1, "assessments per company")
	flag.IntVar(&cfg.Rounds, "rounds", 10, "sync rounds per advisor under load")
	flag.IntVar(&cfg.Edits, "edits", 3, "companies changed per round")
	flag.IntVar(&cfg.Single, "single", 200, "syncs of one changed company")
	flag.IntVar(&cfg.Full, "full", 7, "first full syncs into memory")
	flag.IntVar(&cfg.FullSQLite, "full-sqlite", 3, "first full syncs into a SQLite data folder")
	flag.IntVar(&cfg.Pool, "pool", 0, "pomi-server's database connections (pool_max_conns; 0: pgxpool's default)")
	flag.StringVar(&cfg.ServerBin, "server", "", "pomi-server binary (default: build one)")
	flag.Parse()
	progress = os.Stderr
	r, err := run(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "teamload:", err)
		os.Exit(1)
	}
	fmt.Print(r.print())
}

// progress receives a line as each step ends (nothing when nil).
var progress io.Writer

var stepStart = time.Now()

// step notes the end of a step and how long it took.
func step(what string) {
	if progress != nil {
		fmt.Fprintf(progress, "teamload: %s (%.1f s)\n", what, time.Since(stepStart).Seconds())
	}
	stepStart = time.Now()
}

// run seeds a fresh cluster, measures and returns the report.
func run(ctx context.Context, cfg Config) (*report, error) {
	stepStart = time.Now()
	c, err := startCluster(ctx)
	if err != nil {
		return nil, err
	}
	defer c.stop()
	step("PostgreSQL started")
	r := &report{}
	orgs, err := c.seed(ctx, r, cfg)
	if err != nil {
		return nil, err
	}
	bin, err := c.serverBin(ctx, cfg.ServerBin)
	if err != nil {
		return nil, err
	}
	step("pomi-server ready to start")
	if err := c.startServer(bin, cfg.Pool); err != nil {
		return nil, err
	}
	first, err := c.cpuNow()
	if err != nil {
		return nil, err
	}
	advisors, err := c.signInAll(ctx, orgs)
	if err != nil {
		return nil, err
	}
	step("pomi-server started, every advisor signed in")
	if err := c.loadFigures(ctx, r, advisors, cfg); err != nil {
		return nil, err
	}
	step("load measured")
	if err := c.singleFigures(ctx, r, advisors[0], cfg.Single); err != nil {
		return nil, err
	}
	step("one changed company measured")
	if err := c.fullFigures(ctx, r, orgs[len(orgs)-1], cfg); err != nil {
		return nil, err
	}
	step("first full sync measured")
	r.header = append(machine(ctx, c.dbURL), r.header...)
	last, err := c.cpuNow()
	r.used = last.sub(first)
	return r, err
}

// serverBin returns bin, or builds pomi-server when it is empty.
func (c *cluster) serverBin(ctx context.Context, bin string) (string, error) {
	if bin != "" {
		return bin, nil
	}
	bin = filepath.Join(c.dir, "pomi-server")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/pomi-planner/pomi/cmd/pomi-server")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build pomi-server: %w\n%s", err, out)
	}
	return bin, nil
}

// seed migrates the database and fills it.
func (c *cluster) seed(ctx context.Context, r *report, cfg Config) ([]*org, error) {
	t0 := time.Now()
	tmpl, err := templates(ctx, cfg.AssessmentsPerCompany)
	if err != nil {
		return nil, err
	}
	step("template documents made")
	db, err := pgstore.Open(ctx, c.dbURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	orgs, ids, err := seedAccounts(ctx, db, cfg)
	if err != nil {
		return nil, fmt.Errorf("seed accounts: %w", err)
	}
	conn, err := pgx.Connect(ctx, c.dbURL)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	if err := seedRecords(ctx, conn, cfg, tmpl, orgs, ids); err != nil {
		return nil, err
	}
	r.header = append(r.header, seededLine(ctx, conn, cfg, time.Since(t0)))
	step("database seeded")
	return orgs, nil
}

// seededLine says what the database holds.
func seededLine(ctx context.Context, conn *pgx.Conn, cfg Config, took time.Duration) string {
	var n, bytes int64
	var size string
	_ = conn.QueryRow(ctx, "SELECT count(*), coalesce(sum(length(doc)), 0), pg_size_pretty(pg_database_size(current_database())) FROM records").Scan(&n, &bytes, &size)
	return fmt.Sprintf("Data: %d organisations × %d advisors × %d companies = %d advisors, %d companies; %d records (each company with %d assessment), documents %.1f kB on average, database %s; seeded with COPY in %.1f s",
		cfg.Orgs, cfg.AdvisorsPerOrg, cfg.CompaniesPerOrg, cfg.Orgs*cfg.AdvisorsPerOrg, cfg.Orgs*cfg.CompaniesPerOrg,
		n, cfg.AssessmentsPerCompany, float64(bytes)/float64(max(n, 1))/1000, size, took.Seconds())
}

// signInAll signs every advisor in on a device of their own.
func (c *cluster) signInAll(ctx context.Context, orgs []*org) ([]*advisor, error) {
	var out []*advisor
	for _, og := range orgs {
		for i := range og.emails {
			a, err := c.newAdvisor(ctx, og, i)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
	}
	return out, nil
}
