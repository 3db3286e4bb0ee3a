package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"modernc.org/sqlite"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/server/wire"
)

// pagedRemote serves records as pomi-server's pull does, each record's
// version being its sequence number; pushes are applied as they come.
type pagedRemote struct {
	recs  []wire.Record
	pulls int
}

func (r *pagedRemote) Pull(_ context.Context, since int64, limit int) (wire.PullResponse, error) {
	r.pulls++
	resp := wire.PullResponse{Next: since, Advisor: 1,
		Advisors: map[int64]string{1: "Anna", 2: "Bo", 3: "Cilla", 4: "David"}}
	for _, rec := range r.recs {
		if rec.Version <= since {
			continue
		}
		if len(resp.Changes) == limit {
			resp.More = true
			break
		}
		resp.Changes = append(resp.Changes, rec)
		resp.Next = rec.Version
	}
	return resp, nil
}

func (r *pagedRemote) Push(_ context.Context, recs []wire.PushRecord) ([]wire.PushResult, error) {
	out := make([]wire.PushResult, len(recs))
	for i, c := range recs {
		v := int64(len(r.recs) + 1)
		r.recs = append(r.recs, wire.Record{ID: c.ID, Kind: c.Kind, Company: c.Company, Version: v, Deleted: c.Deleted, Doc: c.Doc})
		out[i] = wire.PushResult{ID: c.ID, Status: wire.StatusApplied, Version: v}
	}
	return out, nil
}

// portfolioRecords returns the records of n companies with one assessment
// each, as the server would hand them to a new device: made on another
// device and pushed from there.
func portfolioRecords(t testing.TB, n int) []wire.Record {
	t.Helper()
	s, err := Open(bg, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := loadDemo("goteborg-medtech.json")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		doc.Company.Name, doc.Company.OrgNr = fmt.Sprintf("Bolag %d", i), ""
		id, err := s.CreateCompany(bg, &doc.Company)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveAssessment(bg, id, &doc.Assessments[0]); err != nil {
			t.Fatal(err)
		}
	}
	remote := &pagedRemote{}
	x := s.SyncStore()
	if _, err := (&engine.Syncer{Remote: remote, Outbox: x, Local: x, Batch: 1000}).Push(bg); err != nil {
		t.Fatal(err)
	}
	if len(remote.recs) != 2*n {
		t.Fatalf("%d records pushed for %d companies", len(remote.recs), n)
	}
	return serverOrder(remote.recs)
}

// serverOrder numbers records as pomi-server's seed of a portfolio does:
// each company followed by its assessment, made and changed by one of
// four advisors.
func serverOrder(recs []wire.Record) []wire.Record {
	var out []wire.Record
	for _, c := range recs {
		if c.Kind != wire.KindCompany {
			continue
		}
		out = append(out, c)
		for _, a := range recs {
			if a.Company == c.ID {
				out = append(out, a)
			}
		}
	}
	for i := range out {
		by := int64(len(out)/2%4 + 1)
		out[i].Version, out[i].Seq, out[i].CreatedBy, out[i].ChangedBy = int64(i+1), int64(i+1), by, by
		out[i].ChangedAt = time.Date(2026, 12, 1, 9, 0, i, 0, time.UTC)
	}
	return out
}

var (
	commitHook sync.Once
	commits    sync.Map // a data folder's path → *atomic.Int64
)

// countCommits counts the transactions committed to the database of the
// data folder dir from now on, through SQLite's commit hook.
func countCommits(t *testing.T, dir string) *atomic.Int64 {
	commitHook.Do(func() {
		sqlite.RegisterConnectionHook(func(conn sqlite.ExecQuerierContext, dsn string) error {
			var n *atomic.Int64
			commits.Range(func(k, v any) bool {
				if strings.Contains(dsn, k.(string)) {
					n = v.(*atomic.Int64)
				}
				return n == nil
			})
			if h, ok := conn.(sqlite.HookRegisterer); ok && n != nil {
				h.RegisterCommitHook(func() int32 { n.Add(1); return 0 })
			}
			return nil
		})
	})
	n := new(atomic.Int64)
	commits.Store(dir, n)
	t.Cleanup(func() { commits.Delete(dir) })
	return n
}

// TestPulledPageIsOneTransaction: a new device's first sync commits each
// pulled page (its records, their authors and the cursor) at once, not
// record by record.
func TestPulledPageIsOneTransaction(t *testing.T) {
	remote := &pagedRemote{recs: portfolioRecords(t, 150)}
	dir := t.TempDir()
	n := countCommits(t, dir)
	s, err := Open(bg, dir)
	must(t, err)
	defer s.Close()
	x := s.SyncStore()
	n.Store(0)
	st, err := (&engine.Syncer{Remote: remote, Outbox: x, Local: x, PullLimit: 100}).Sync(bg)
	must(t, err)
	if st.Pulled != 300 {
		t.Errorf("pulled %d records, want 300", st.Pulled)
	}
	// One commit per page (3), and the push's Pending at the start.
	if got := n.Load(); got > int64(remote.pulls)+1 {
		t.Errorf("%d commits for %d pages of 300 records", got, remote.pulls)
	}
	assertSynced(t, s, remote.recs, 300)
}

// assertSynced checks that the device holds exactly the records up to
// version cursor, has pulled up to there and has nothing to push.
func assertSynced(t *testing.T, s *Store, recs []wire.Record, cursor int64) {
	t.Helper()
	x := s.SyncStore()
	c, err := x.Cursor(bg)
	must(t, err)
	if c != cursor {
		t.Errorf("cursor %d, want %d", c, cursor)
	}
	held := 0
	for _, r := range recs {
		_, ok, err := x.LocalID(bg, r.ID)
		must(t, err)
		if ok != (r.Version <= cursor) {
			t.Fatalf("record %d (%s) on the device: %v, with the cursor at %d", r.Version, r.Kind, ok, cursor)
		}
		if ok && r.Kind == wire.KindCompany {
			held++
		}
	}
	_, total, err := s.ListCompanies(bg, app.ListQuery{Limit: 1})
	must(t, err)
	if total != held {
		t.Errorf("%d companies listed, %d company records held", total, held)
	}
	p, err := x.PendingCount(bg)
	must(t, err)
	if p != 0 {
		t.Errorf("%d records pending after the sync", p)
	}
}

// failingSave is the device's store with a save that fails mid-page, as a
// full disk or a cancelled sync would make it.
type failingSave struct {
	*SyncStore
	fail string
}

var errUnplugged = errors.New("the disk was unplugged")

func (f failingSave) Save(ctx context.Context, u engine.Update) error {
	if u.Remote.ID == f.fail {
		return errUnplugged
	}
	return f.SyncStore.Save(ctx, u)
}

// TestFailureMidPageKeepsRecordsAndCursorTogether: a page that fails half
// way leaves nothing of itself, the cursor before it, and the next sync
// takes it again and converges.
func TestFailureMidPageKeepsRecordsAndCursorTogether(t *testing.T) {
	recs := portfolioRecords(t, 75)
	remote := &pagedRemote{recs: recs}
	s := openTemp(t)
	x := s.SyncStore()
	bad := failingSave{SyncStore: x, fail: recs[100+37].ID} // in the second page
	_, err := (&engine.Syncer{Remote: remote, Outbox: x, Local: bad, PullLimit: 100}).Sync(bg)
	if !errors.Is(err, errUnplugged) {
		t.Fatalf("sync: %v, want the failure", err)
	}
	assertSynced(t, s, recs, 100)
	st, err := (&engine.Syncer{Remote: remote, Outbox: x, Local: x, PullLimit: 100}).Sync(bg)
	must(t, err)
	if st.Pulled != 50 {
		t.Errorf("the second sync pulled %d records, want 50", st.Pulled)
	}
	assertSynced(t, s, recs, 150)
}
