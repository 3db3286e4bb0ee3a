package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// singleFigures times the sync of one changed company on a quiet server,
// n times: the advisor edits one company, the app pushes it and pulls
// what changed since (the change itself). The baseline reads the same
// rows with one SELECT.
func (c *cluster) singleFigures(ctx context.Context, r *report, a *advisor, n int) error {
	// A pull first, so the measured pulls bring only the change itself,
	// not what the others pushed during the load.
	if err := a.pull(ctx); err != nil {
		return fmt.Errorf("one changed company: catch up: %w", err)
	}
	var push, pull, total latencies
	var spans []span
	var runErr error
	p, err := c.timed(func() {
		for range n {
			var sp span
			var tp, tl time.Duration
			if tp, tl, sp, runErr = a.pushPull(ctx, 1); runErr != nil {
				return
			}
			push, pull, total = append(push, tp), append(pull, tl), append(total, tp+tl)
			spans = append(spans, sp)
		}
	})
	if err = errors.Join(runErr, err); err != nil {
		return fmt.Errorf("one changed company: %w", err)
	}
	base, rows, err := c.selectEach(ctx, spans)
	if err != nil {
		return err
	}
	r.add("Sync of one changed company (push one, pull the change), median", ms(base.lat.pct(0.5)), base.lat.pct(0.5),
		ms(total.pct(0.5)), total.pct(0.5))
	r.add("… 95th percentile", ms(base.lat.pct(0.95)), base.lat.pct(0.95), ms(total.pct(0.95)), total.pct(0.95))
	r.add("… of which the push, median", "", 0, ms(push.pct(0.5)), 0)
	r.add("… of which the pull, median", ms(base.lat.pct(0.5)), base.lat.pct(0.5), ms(pull.pct(0.5)), pull.pct(0.5))
	r.add("… server CPU per sync: pomi-server", "", 0, ms(perOp(p.cpu.server, n)), 0)
	r.add("… server CPU per sync: PostgreSQL", ms(perOp(base.cpu.postgres, n)), perOp(base.cpu.postgres, n),
		ms(perOp(p.cpu.postgres, n)), perOp(p.cpu.postgres, n))
	r.notes = append(r.notes, fmt.Sprintf("One changed company: %d syncs one after the other by one advisor while nothing else ran; each pull brought %.1f records.",
		n, float64(rows)/float64(n)))
	return nil
}

// selectEach reads each span's rows with a plain SELECT on one
// connection, one after the other, and counts the rows.
func (c *cluster) selectEach(ctx context.Context, spans []span) (phase, int, error) {
	conn, err := pgx.Connect(ctx, c.dbURL)
	if err != nil {
		return phase{}, 0, err
	}
	defer conn.Close(context.Background())
	var lat latencies
	rows := 0
	var runErr error
	p, err := c.timed(func() {
		for _, sp := range spans {
			t0 := time.Now()
			var k int
			if k, runErr = selectRows(ctx, conn, sp); runErr != nil {
				return
			}
			lat, rows = append(lat, time.Since(t0)), rows+k
		}
	})
	p.lat = lat
	return p, rows, errors.Join(runErr, err)
}
