package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
)

// fullFigures times the first full sync of one organisation's portfolio
// on a new device: the app's engine pulling from zero in its default
// pages, into memory n times and into a real SQLite data folder
// nSQLite times; the API's pages alone; and the baseline, one SELECT of
// the organisation's records.
func (c *cluster) fullFigures(ctx context.Context, r *report, og *org, cfg Config) error {
	remote, err := c.signIn(ctx, og, 0, "New laptop")
	if err != nil {
		return err
	}
	want := cfg.CompaniesPerOrg * (1 + cfg.AssessmentsPerCompany)
	var lat latencies
	var runErr error
	p, err := c.timed(func() {
		for range cfg.Full {
			var took time.Duration
			if took, runErr = fullSync(ctx, remote, want); runErr != nil {
				return
			}
			lat = append(lat, took)
		}
	})
	if err = errors.Join(runErr, err); err != nil {
		return fmt.Errorf("first full sync: %w", err)
	}
	api, err := pullPages(ctx, remote, cfg.Full)
	if err != nil {
		return err
	}
	spans := make([]span, cfg.Full)
	for i := range spans {
		spans[i] = span{org: og.id, since: 0, until: 1 << 62}
	}
	base, rows, err := c.selectEach(ctx, spans)
	if err != nil {
		return err
	}
	if rows != want*cfg.Full {
		return fmt.Errorf("baseline read %d rows, want %d", rows, want*cfg.Full)
	}
	what := fmt.Sprintf("First full sync of a %d-company portfolio (%d records, pages of %d), new device, into memory (engine.MemStore), median",
		cfg.CompaniesPerOrg, want, engine.DefaultPullLimit)
	b := base.lat.pct(0.5)
	r.add(what, ms(b), b, ms(lat.pct(0.5)), lat.pct(0.5))
	r.add("… the API's pages alone (`client.Pull`, nothing stored)", ms(b), b, ms(api.pct(0.5)), api.pct(0.5))
	r.add("… server CPU per full sync: pomi-server", "", 0, ms(perOp(p.cpu.server, cfg.Full)), 0)
	r.add("… server CPU per full sync: PostgreSQL", ms(perOp(base.cpu.postgres, cfg.Full)), perOp(base.cpu.postgres, cfg.Full),
		ms(perOp(p.cpu.postgres, cfg.Full)), perOp(p.cpu.postgres, cfg.Full))
	return c.sqliteFigures(ctx, r, remote, cfg, b)
}

// fullSync pulls everything into a new in-memory device.
func fullSync(ctx context.Context, remote *client.Client, want int) (time.Duration, error) {
	mem := engine.NewMemStore()
	s := &engine.Syncer{Remote: remote, Outbox: mem, Local: mem}
	t0 := time.Now()
	st, err := s.Sync(ctx)
	took := time.Since(t0)
	if err == nil && (st.Pulled != want || len(mem.IDs()) != want) {
		err = fmt.Errorf("pulled %d records, holds %d, want %d", st.Pulled, len(mem.IDs()), want)
	}
	return took, err
}

// pullPages times n pulls of everything through the client alone.
func pullPages(ctx context.Context, remote *client.Client, n int) (latencies, error) {
	var lat latencies
	for range n {
		t0 := time.Now()
		var since int64
		for {
			resp, err := remote.Pull(ctx, since, engine.DefaultPullLimit)
			if err != nil {
				return nil, fmt.Errorf("pull pages: %w", err)
			}
			since = resp.Next
			if !resp.More {
				break
			}
		}
		lat = append(lat, time.Since(t0))
	}
	return lat, nil
}

// sqliteFigures times the first full sync into a real data folder, as
// the app's first sync after signing in does.
func (c *cluster) sqliteFigures(ctx context.Context, r *report, remote *client.Client, cfg Config, base time.Duration) error {
	var lat latencies
	for range cfg.FullSQLite {
		took, err := sqliteSync(ctx, remote, cfg.CompaniesPerOrg)
		if err != nil {
			return fmt.Errorf("first full sync into SQLite: %w", err)
		}
		lat = append(lat, took)
	}
	if len(lat) > 0 {
		r.add("… the same into a new SQLite data folder (`app/store`), as the app does, median", ms(base), base, ms(lat.pct(0.5)), lat.pct(0.5))
	}
	return nil
}

func sqliteSync(ctx context.Context, remote *client.Client, companies int) (time.Duration, error) {
	dir, err := os.MkdirTemp("", "pomi-teamload-device-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, dir)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	x := s.SyncStore()
	t0 := time.Now()
	_, err = (&engine.Syncer{Remote: remote, Outbox: x, Local: x}).Sync(ctx)
	took := time.Since(t0)
	if err != nil {
		return took, err
	}
	_, total, err := s.ListCompanies(ctx, app.ListQuery{Limit: 1})
	if err == nil && total != companies {
		err = fmt.Errorf("the device lists %d companies, want %d", total, companies)
	}
	return took, err
}
