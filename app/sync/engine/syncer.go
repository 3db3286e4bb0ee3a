package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// Defaults for Syncer's zero fields.
const (
	DefaultBatch     = 200
	DefaultPullLimit = 500
	DefaultMaxPasses = 50
	maxStaleRetries  = 3
)

// Syncer runs sync rounds of one device. Run one round at a time. When
// Local is a Batcher, each pulled page (with the cursor after it) and each
// push's settlement is applied through one Batch: a record of the page
// whose push answer was lost is pushed again inside it (settleFirst), a
// rare network call within the unit.
type Syncer struct {
	Remote Remote
	Outbox Outbox
	Local  Local
	// Batch is the most changes per push (DefaultBatch).
	Batch int
	// PullLimit is the most records per pull request (DefaultPullLimit).
	PullLimit int
	// MaxPasses bounds the pushes of one round (DefaultMaxPasses), so
	// a record another device keeps changing cannot hold the round.
	MaxPasses int
	// Now is the clock (time.Now).
	Now func() time.Time
}

// Sync runs one round: push pending changes (merging conflicts and
// pushing the merge again), pull everything since the cursor, and push
// once more when the pull merged local changes. The status is filled as
// far as the round got; Offline is set when the server was unreachable,
// and nothing local is lost then: the changes stay pending.
func (s *Syncer) Sync(ctx context.Context) (Status, error) {
	var st Status
	err := s.push(ctx, &st)
	if err == nil {
		merged := st.Merged
		err = s.pull(ctx, &st)
		if err == nil && st.Merged > merged {
			err = s.push(ctx, &st)
		}
	}
	return s.finish(st, err)
}

// Push runs only the push half of a round.
func (s *Syncer) Push(ctx context.Context) (Status, error) {
	var st Status
	return s.finish(st, s.push(ctx, &st))
}

// Pull runs only the pull half of a round.
func (s *Syncer) Pull(ctx context.Context) (Status, error) {
	var st Status
	return s.finish(st, s.pull(ctx, &st))
}

func (s *Syncer) finish(st Status, err error) (Status, error) {
	if err != nil {
		st.Offline = errors.Is(err, client.ErrOffline)
		return st, fmt.Errorf("sync: %w", err)
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	st.LastSynced = now()
	return st, nil
}

func orDefault(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// push sends pending changes until none are left or MaxPasses is reached.
func (s *Syncer) push(ctx context.Context, st *Status) error {
	for range orDefault(s.MaxPasses, DefaultMaxPasses) {
		changes, err := s.Outbox.Pending(ctx, orDefault(s.Batch, DefaultBatch))
		if err != nil {
			return fmt.Errorf("pending changes: %w", err)
		}
		if len(changes) == 0 {
			st.More = false
			return nil
		}
		st.More = true
		results, err := s.Remote.Push(ctx, changes)
		if err != nil {
			return fmt.Errorf("push: %w", err)
		}
		if len(results) != len(changes) {
			return fmt.Errorf("push: %d results for %d changes", len(results), len(changes))
		}
		err = s.batch(ctx, st, func(ctx context.Context, st *Status) error {
			for i, res := range results {
				if err := s.settle(ctx, changes[i], res, st); err != nil {
					return fmt.Errorf("push %s: %w", changes[i].ID, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// batch runs fn as one unit when Local is a Batcher. fn counts into its
// own Status, added to st only when the unit was kept: an unkept unit is
// done again and counted then.
func (s *Syncer) batch(ctx context.Context, st *Status, fn func(context.Context, *Status) error) error {
	b, ok := s.Local.(Batcher)
	if !ok {
		return fn(ctx, st)
	}
	var part Status
	err := b.Batch(ctx, func(ctx context.Context) error {
		part = Status{}
		return fn(ctx, &part)
	})
	if err != nil {
		return err
	}
	st.add(part)
	return nil
}

// add counts what part did into st.
func (st *Status) add(part Status) {
	st.Pushed += part.Pushed
	st.Pulled += part.Pulled
	st.Merged += part.Merged
	st.Conflicts += part.Conflicts
	st.Rejected += part.Rejected
	st.Erased += part.Erased
}

// settle records the server's answer to one change.
func (s *Syncer) settle(ctx context.Context, change wire.PushRecord, res wire.PushResult, st *Status) error {
	switch res.Status {
	case wire.StatusApplied:
		st.Pushed++
		return s.Outbox.Applied(ctx, change, res.Version)
	case wire.StatusRejected:
		st.Rejected++
		if res.Reason == wire.ReasonErased {
			st.Erased++
		}
		return s.Outbox.Rejected(ctx, change, res)
	case wire.StatusConflict:
		if res.Current == nil {
			return errors.New("conflict without the server's record")
		}
		return s.receive(ctx, *res.Current, change.ChangeID, st)
	}
	return fmt.Errorf("unknown push status %q", res.Status)
}

// pull takes every record changed since the cursor, page by page, and
// moves the cursor with each page (in the page's unit when Local is a
// Batcher) so an interrupted pull resumes there.
func (s *Syncer) pull(ctx context.Context, st *Status) error {
	cursor, err := s.Local.Cursor(ctx)
	if err != nil {
		return fmt.Errorf("cursor: %w", err)
	}
	for {
		resp, err := s.Remote.Pull(ctx, cursor, orDefault(s.PullLimit, DefaultPullLimit))
		if err != nil {
			return fmt.Errorf("pull since %d: %w", cursor, err)
		}
		if resp.Next < cursor || (resp.More && resp.Next == cursor) {
			return fmt.Errorf("pull since %d: server answered next %d", cursor, resp.Next)
		}
		err = s.batch(ctx, st, func(ctx context.Context, st *Status) error {
			return s.apply(ctx, cursor, resp, st)
		})
		if err != nil {
			return err
		}
		cursor = resp.Next
		if !resp.More {
			return nil
		}
	}
}

// apply saves a pulled page, its authors, and the cursor after it.
func (s *Syncer) apply(ctx context.Context, since int64, resp wire.PullResponse, st *Status) error {
	for _, rec := range resp.Changes {
		if err := s.receive(ctx, rec, "", st); err != nil {
			return fmt.Errorf("pull %s: %w", rec.ID, err)
		}
	}
	if a, ok := s.Local.(Authors); ok {
		if err := a.Attribute(ctx, resp); err != nil {
			return fmt.Errorf("pull since %d: authors: %w", since, err)
		}
	}
	if err := s.Local.SetCursor(ctx, resp.Next); err != nil {
		return fmt.Errorf("cursor: %w", err)
	}
	return nil
}

// receive takes the server's version of a record, from a pull or a
// conflict: as it is when the device has no changes of its own, merged
// with them otherwise. Versions the device already has are skipped.
// notApplied is the change id the server just answered with a conflict.
func (s *Syncer) receive(ctx context.Context, remote wire.Record, notApplied string, st *Status) error {
	for range maxStaleRetries {
		cur, err := s.Local.Get(ctx, remote.ID)
		if err != nil {
			return fmt.Errorf("read local: %w", err)
		}
		if cur.Exists && remote.Version <= cur.BaseVersion {
			return nil
		}
		if un := cur.Unsettled; un != nil && un.ChangeID != notApplied {
			// The answer to this record's last push was lost, so the
			// server may hold it already, and a merge from the old base
			// would take that older content for the other side's
			// change. Settle it first: pushed again, it is applied once.
			newer, err := s.settleFirst(ctx, *un, st)
			if err != nil {
				return err
			}
			if newer.ID != "" {
				remote = newer
			}
			notApplied = un.ChangeID
			continue
		}
		u, err := update(cur, remote)
		if err != nil {
			return err
		}
		err = s.Local.Save(ctx, u)
		if errors.Is(err, ErrStale) {
			continue
		}
		if err != nil {
			return fmt.Errorf("save: %w", err)
		}
		count(st, cur, u)
		return nil
	}
	return fmt.Errorf("save: %w %d times", ErrStale, maxStaleRetries)
}

// settleFirst pushes an unsettled change again and settles it. On a
// conflict it returns the server's record, to merge with the old base
// (the change was not applied); else the zero record.
func (s *Syncer) settleFirst(ctx context.Context, change wire.PushRecord, st *Status) (wire.Record, error) {
	results, err := s.Remote.Push(ctx, []wire.PushRecord{change})
	if err != nil {
		return wire.Record{}, fmt.Errorf("push again: %w", err)
	}
	if len(results) != 1 {
		return wire.Record{}, fmt.Errorf("push again: %d results for 1 change", len(results))
	}
	res := results[0]
	if res.Status == wire.StatusConflict && res.Current != nil {
		return *res.Current, nil
	}
	return wire.Record{}, s.settle(ctx, change, res, st)
}

// update decides what to store for remote on top of the local state.
func update(cur Record, remote wire.Record) (Update, error) {
	u := Update{Remote: remote, Doc: remote.Doc, From: cur.Doc}
	if !cur.Pending || remote.Deleted {
		// A tombstone wins over local changes: the company was erased
		// for the whole organisation, and the server refuses its records.
		return u, nil
	}
	merged, conflicts, err := merge.Merge(cur.Base, cur.Doc, remote.Doc)
	if err != nil {
		return Update{}, err
	}
	if merged == nil && len(conflicts) > 0 {
		// Deleted here, changed there: keep the record until the advisor
		// chooses, since pushing the deletion would erase it for everyone
		// and could not be undone. Choosing Local deletes it again.
		merged = remote.Doc
	}
	for i := range conflicts {
		conflicts[i].By = remote.ChangedBy
	}
	u.Doc, u.Conflicts = merged, conflicts
	return u, nil
}

func count(st *Status, cur Record, u Update) {
	switch {
	case u.Remote.Deleted:
		if cur.Doc != nil || cur.Base != nil {
			st.Erased++
		}
	case cur.Pending:
		st.Merged++
		st.Conflicts += len(u.Conflicts)
	default:
		st.Pulled++
	}
}
