package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// TestSmallLoadRunsEveryScenario runs the whole load test at a tiny size
// (5 advisors, 250 companies with an assessment each) against a real PostgreSQL and a server
// process (this test binary serving pomi-server's API, see TestMain),
// so the benchmark keeps working. run itself checks
// that every push was applied, every full sync brought the whole
// portfolio and the SQLite device lists every company.
func TestSmallLoadRunsEveryScenario(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL and builds pomi-server")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(serveEnv, "1")
	cfg := Config{Orgs: 1, AdvisorsPerOrg: 5, CompaniesPerOrg: 250, AssessmentsPerCompany: 1,
		Rounds: 2, Edits: 2, Single: 5, Full: 1, FullSQLite: 1, ServerBin: exe}
	rows := 17
	if raceEnabled {
		// the SQLite device alone would take 15 s; app/store's and the
		// e2e tests cover it
		cfg.FullSQLite, rows = 0, 16
	}
	progress = tWriter{t}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r, err := run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.rows) != rows {
		t.Errorf("%d rows, want %d:\n%s", len(r.rows), rows, r.print())
	}
	for _, w := range r.rows {
		// CPU times come in 10 ms ticks: a tiny run may read none
		if w.baseline != "" && !strings.Contains(w.measure, "CPU") && w.ratio <= 0 {
			t.Errorf("%q: no ratio to its baseline %q", w.measure, w.baseline)
		}
	}
	if r.used.server <= 0 || r.used.postgres <= 0 {
		t.Errorf("CPU time read from /proc: pomi-server %v, PostgreSQL %v; want both above zero", r.used.server, r.used.postgres)
	}
	out := r.print()
	for _, want := range []string{"5 advisors at once", "250-company portfolio (500 records", "PostgreSQL 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestReadStatCountsFieldsAfterTheCommandName(t *testing.T) {
	// a command name with spaces and a parenthesis must not shift fields
	st, err := parseStat([]byte("42 (a b) c) S 7 1 1 0 -1 4194560 10 0 0 0 250 50 3 4 20 0 1 0 100 1000 10"))
	if err != nil {
		t.Fatal(err)
	}
	if st.ppid != 7 || st.own() != 3*time.Second || st.children() != 70*time.Millisecond {
		t.Errorf("ppid %d, own %v, children %v; want 7, 3s, 70ms", st.ppid, st.own(), st.children())
	}
}

func TestPercentileIsTheNearestRank(t *testing.T) {
	var l latencies
	for i := 1; i <= 100; i++ {
		l = append(l, time.Duration(101-i)*time.Millisecond)
	}
	if l.pct(0.5) != 50*time.Millisecond || l.pct(0.95) != 95*time.Millisecond || (latencies{}).pct(0.5) != 0 {
		t.Errorf("p50 %v, p95 %v", l.pct(0.5), l.pct(0.95))
	}
}

// tWriter sends the run's progress lines to the test log.
type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
