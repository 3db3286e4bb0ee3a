package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// recordColumns are the columns pgstore's pull reads.
const recordColumns = "id, kind, company_id, version, seq, deleted, doc, created_by, changed_by, changed_at"

// selectSpan is the baseline: the rows a pull returned, read with one
// plain SELECT and scanned, nothing else.
const selectSpan = "SELECT " + recordColumns + " FROM records WHERE org_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq"

// phase is what one concurrent phase measured.
type phase struct {
	lat  latencies
	wall time.Duration
	cpu  cpu
}

// throughput is operations per second over the phase's wall time.
func (p phase) throughput() float64 { return float64(len(p.lat)) / p.wall.Seconds() }

// runLoad lets every advisor run rounds sync rounds of edits changes at
// once, back to back, and returns the latencies and the spans pulled.
func (c *cluster) runLoad(ctx context.Context, advisors []*advisor, rounds, edits int) (phase, [][]span, error) {
	spans := make([][]span, len(advisors))
	lats := make([]latencies, len(advisors))
	errs := make([]error, len(advisors))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, a := range advisors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range rounds {
				took, sp, err := a.round(ctx, edits)
				if err != nil {
					errs[i] = fmt.Errorf("advisor %s: %w", a.org.emails[a.idx], err)
					return
				}
				lats[i], spans[i] = append(lats[i], took), append(spans[i], sp)
			}
		}()
	}
	p, err := c.timed(func() { close(start); wg.Wait() })
	for _, l := range lats {
		p.lat = append(p.lat, l...)
	}
	for _, e := range errs {
		if e != nil {
			return p, nil, e
		}
	}
	return p, spans, err
}

// timed runs f and measures its wall time and the servers' CPU time.
func (c *cluster) timed(f func()) (phase, error) {
	before, err := c.cpuNow()
	if err != nil {
		return phase{}, err
	}
	t0 := time.Now()
	f()
	wall := time.Since(t0)
	after, err := c.cpuNow()
	return phase{wall: wall, cpu: after.sub(before)}, err
}

// replay is the load's baseline: as many workers as advisors, each
// reading its pulls' rows with plain SELECTs through a pool as large as
// pomi-server's (pgxpool's default), at once.
func (c *cluster) replay(ctx context.Context, spans [][]span) (phase, error) {
	pool, err := pgxpool.New(ctx, c.serverDB)
	if err != nil {
		return phase{}, err
	}
	defer pool.Close()
	lats := make([]latencies, len(spans))
	errs := make([]error, len(spans))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, sps := range spans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, sp := range sps {
				t0 := time.Now()
				if _, err := selectRows(ctx, pool, sp); err != nil {
					errs[i] = err
					return
				}
				lats[i] = append(lats[i], time.Since(t0))
			}
		}()
	}
	p, err := c.timed(func() { close(start); wg.Wait() })
	for i, l := range lats {
		p.lat = append(p.lat, l...)
		if errs[i] != nil {
			return p, errs[i]
		}
	}
	return p, err
}

// querier is a pool or a single connection.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// selectRows reads a span's rows, scanning every column, and counts them.
func selectRows(ctx context.Context, q querier, sp span) (int, error) {
	rows, err := q.Query(ctx, selectSpan, sp.org, sp.since, sp.until)
	if err != nil {
		return 0, fmt.Errorf("baseline select: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, kind string
		var company *string
		var version, seq, createdBy, changedBy int64
		var deleted bool
		var doc []byte
		var changed time.Time
		if err := rows.Scan(&id, &kind, &company, &version, &seq, &deleted, &doc, &createdBy, &changedBy, &changed); err != nil {
			return n, fmt.Errorf("baseline select: %w", err)
		}
		n++
	}
	return n, rows.Err()
}

// loadFigures runs the load and its baseline and adds their rows.
func (c *cluster) loadFigures(ctx context.Context, r *report, advisors []*advisor, cfg Config) error {
	pool := cfg.Pool
	load, spans, err := c.runLoad(ctx, advisors, cfg.Rounds, cfg.Edits)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	base, err := c.replay(ctx, spans)
	if err != nil {
		return fmt.Errorf("load baseline: %w", err)
	}
	n, pulled := len(load.lat), 0
	for _, sps := range spans {
		for _, sp := range sps {
			pulled += int(sp.until - sp.since)
		}
	}
	what := fmt.Sprintf("%d advisors at once, %d sync rounds each (%d changed companies pushed, then a pull)", len(advisors), cfg.Rounds, cfg.Edits)
	// the ratio of throughputs, as the time per operation
	r.add(what+": throughput", fmt.Sprintf("%.0f SELECTs/s", base.throughput()), perOp(base.wall, n),
		fmt.Sprintf("%.0f syncs/s (%d syncs in %.1f s)", load.throughput(), n, load.wall.Seconds()), perOp(load.wall, n))
	r.add("… latency of one sync, median", ms(base.lat.pct(0.5)), base.lat.pct(0.5), ms(load.lat.pct(0.5)), load.lat.pct(0.5))
	r.add("… latency, 95th percentile", ms(base.lat.pct(0.95)), base.lat.pct(0.95), ms(load.lat.pct(0.95)), load.lat.pct(0.95))
	r.add("… server CPU per sync: pomi-server", "", 0, ms(perOp(load.cpu.server, n)), 0)
	r.add("… server CPU per sync: PostgreSQL", ms(perOp(base.cpu.postgres, n)), perOp(base.cpu.postgres, n),
		ms(perOp(load.cpu.postgres, n)), perOp(load.cpu.postgres, n))
	r.add("… CPU of the simulated devices (this process) per sync", "", 0, ms(perOp(load.cpu.self, n)), 0)
	r.notes = append(r.notes, fmt.Sprintf("Load: each pull returned %.1f records on average (the other advisors' changes in the organisation since the last round); the baseline replays exactly those rows, %d SELECTs from as many goroutines as advisors through a connection pool as large as pomi-server's (%s).",
		float64(pulled)/float64(n), n, poolSize(pool)))
	return nil
}

// poolSize names pomi-server's connection pool size.
func poolSize(n int) string {
	if n > 0 {
		return fmt.Sprintf("%d connections, `pool_max_conns=%d` in its database URL", n, n)
	}
	return fmt.Sprintf("pgxpool's default, max(4, CPUs) = %d connections", max(4, runtime.NumCPU()))
}
