package engine

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/pomi-planner/pomi/server/wire"
)

// batchingStore is a MemStore that notes which of its calls ran inside a
// Batch, and can fail a batch after its work, as a commit that did not
// make it: the cursor goes back, the records stay (a Batcher may make
// part of a unit durable early).
type batchingStore struct {
	*MemStore
	batches int
	in      bool
	// last is the last call inside the current batch.
	last    string
	outside []string // calls that change the store outside a batch
	failAt  int      // the batch (1-based) that fails; 0 for none
}

var errCommit = errors.New("commit failed")

func (b *batchingStore) Batch(ctx context.Context, fn func(context.Context) error) error {
	if b.in {
		return errors.New("nested batch")
	}
	b.batches++
	b.in = true
	cursor := b.cursor
	err := fn(ctx)
	b.in = false
	if err == nil && b.batches == b.failAt {
		b.cursor = cursor
		return errCommit
	}
	return err
}

func (b *batchingStore) note(call string) {
	if !b.in {
		b.outside = append(b.outside, call)
	}
	b.last = call
}

func (b *batchingStore) Save(ctx context.Context, u Update) error {
	b.note("save")
	return b.MemStore.Save(ctx, u)
}

func (b *batchingStore) SetCursor(ctx context.Context, seq int64) error {
	b.note("cursor")
	return b.MemStore.SetCursor(ctx, seq)
}

func (b *batchingStore) Applied(ctx context.Context, change wire.PushRecord, version int64) error {
	b.note("applied")
	return b.MemStore.Applied(ctx, change, version)
}

// TestSyncerBatchesPagesAndSettlements: with a Batcher, each pulled page
// and its cursor, and each push's settlement, are one Batch; a batch that
// fails is counted by the round that redoes it, which converges.
func TestSyncerBatchesPagesAndSettlements(t *testing.T) {
	srv := newFakeServer()
	a := &batchingStore{MemStore: NewMemStore()}
	for i := range 7 {
		must(t, a.Edit(fmt.Sprintf("c%d", i), wire.KindCompany, "", []byte(fmt.Sprintf(`{"name":"Bolag %d"}`, i))))
	}
	st, err := (&Syncer{Remote: srv, Outbox: a, Local: a, Batch: 3}).Push(context.Background())
	must(t, err)
	if st.Pushed != 7 || a.batches != 3 || len(a.outside) != 0 {
		t.Errorf("pushed %d in %d batches, %v outside one; want 7 in 3, none", st.Pushed, a.batches, a.outside)
	}

	b := &batchingStore{MemStore: NewMemStore(), failAt: 2}
	sync := &Syncer{Remote: srv, Outbox: b, Local: b, PullLimit: 3}
	st, err = sync.Sync(context.Background())
	if !errors.Is(err, errCommit) {
		t.Fatalf("sync: %v, want the failed commit", err)
	}
	if st.Pulled != 3 || b.batches != 2 || len(b.outside) != 0 || b.last != "cursor" {
		t.Errorf("pulled %d in %d batches, %v outside, last %q; want 3 in 2, none, the cursor last",
			st.Pulled, b.batches, b.outside, b.last)
	}
	// The failed page is pulled again: its records, kept, are skipped
	// (and were not counted), the last page is counted.
	st, err = sync.Sync(context.Background())
	must(t, err)
	if st.Pulled != 1 || b.batches != 4 || b.last != "cursor" {
		t.Errorf("pulled %d in %d batches in all, last %q; want 1 more, 4, the cursor", st.Pulled, b.batches, b.last)
	}
	if len(b.IDs()) != 7 || b.PendingCount() != 0 {
		t.Errorf("%d records, %d pending after the second round", len(b.IDs()), b.PendingCount())
	}
	if c, _ := b.Cursor(context.Background()); c != 7 {
		t.Errorf("cursor %d, want 7", c)
	}
}
