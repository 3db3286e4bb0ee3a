package engine

import (
	"context"
	"sort"
	"sync"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/server/wire"
)

// fakeServer keeps records in memory with pomi-server's push and pull
// rules (server/pgstore): a change is stored when its base version is the
// current one (version+1, next seq), else it is a conflict carrying the
// current record; a change id seen before answers applied+duplicate and
// is not applied again; an erased record refuses changes.
type fakeServer struct {
	mu      sync.Mutex
	recs    map[string]*wire.Record
	changes map[string]wire.PushResult // applied change ids
	applies map[string]int             // change id → times applied
	seq     int64
	// loseNext applies the next push and then fails as if the answer
	// was lost on the way; down fails every call as offline.
	loseNext, down bool
}

func newFakeServer() *fakeServer {
	return &fakeServer{recs: map[string]*wire.Record{}, changes: map[string]wire.PushResult{}, applies: map[string]int{}}
}

var errLost = &client.Error{Kind: client.ErrOffline, Op: "push"}

func (s *fakeServer) Push(_ context.Context, recs []wire.PushRecord) ([]wire.PushResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return nil, errLost
	}
	out := make([]wire.PushResult, 0, len(recs))
	for _, rec := range recs {
		out = append(out, s.apply(rec))
	}
	if s.loseNext {
		s.loseNext = false
		return nil, errLost
	}
	return out, nil
}

func (s *fakeServer) apply(rec wire.PushRecord) wire.PushResult {
	res := wire.PushResult{ID: rec.ID, ChangeID: rec.ChangeID}
	if prev, ok := s.changes[rec.ChangeID]; ok {
		if prev.ID != rec.ID {
			res.Status, res.Reason = wire.StatusRejected, wire.ReasonChangeIDReused
			return res
		}
		prev.Duplicate = true
		return prev
	}
	cur := s.recs[rec.ID]
	switch {
	case cur != nil && cur.Deleted:
		res.Status, res.Reason, res.Current = wire.StatusRejected, wire.ReasonErased, clone(cur)
		return res
	case cur == nil && rec.BaseVersion != 0, cur != nil && cur.Version != rec.BaseVersion:
		res.Status, res.Current = wire.StatusConflict, clone(cur)
		return res
	}
	s.seq++
	s.recs[rec.ID] = &wire.Record{ID: rec.ID, Kind: rec.Kind, Company: rec.Company, Version: rec.BaseVersion + 1,
		Seq: s.seq, Deleted: rec.Deleted, Doc: rec.Doc}
	if rec.Deleted {
		s.recs[rec.ID].Doc = nil
		s.eraseDependents(rec.ID)
	}
	res.Status, res.Version, res.Seq = wire.StatusApplied, rec.BaseVersion+1, s.seq
	s.changes[rec.ChangeID] = res
	s.applies[rec.ChangeID]++
	return res
}

func (s *fakeServer) eraseDependents(company string) {
	for _, r := range s.sorted() {
		if r.Company == company && !r.Deleted {
			s.seq++
			r.Deleted, r.Doc, r.Version, r.Seq = true, nil, r.Version+1, s.seq
		}
	}
}

func clone(r *wire.Record) *wire.Record {
	c := *r
	return &c
}

func (s *fakeServer) sorted() []*wire.Record {
	out := make([]*wire.Record, 0, len(s.recs))
	for _, r := range s.recs {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

func (s *fakeServer) Pull(_ context.Context, since int64, limit int) (wire.PullResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return wire.PullResponse{}, &client.Error{Kind: client.ErrOffline, Op: "pull"}
	}
	resp := wire.PullResponse{Changes: []wire.Record{}, Next: since}
	for _, r := range s.sorted() {
		if r.Seq <= since {
			continue
		}
		if len(resp.Changes) == limit {
			resp.More = true
			break
		}
		resp.Changes = append(resp.Changes, *clone(r))
		resp.Next = r.Seq
	}
	return resp, nil
}

// checkAppliedOnce fails when a change id was applied more than once, or
// a record's version is not the number of changes applied to it.
func (s *fakeServer) checkAppliedOnce(t *testing.T) {
	t.Helper()
	perRecord := map[string]int64{}
	for id, n := range s.applies {
		if n != 1 {
			t.Fatalf("change %s applied %d times", id, n)
		}
		perRecord[s.changes[id].ID]++
	}
	for id, r := range s.recs {
		if r.Version != perRecord[id] && !r.Deleted {
			t.Fatalf("record %s at version %d after %d changes", id, r.Version, perRecord[id])
		}
	}
}
