package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/engine"
)

// A pulled page (or a push's settlement) is applied in one transaction,
// not one per record: a first sync of a 1,000-company portfolio was 2,000
// commits, about ten seconds (docs/performance.md, "Team server"). The
// batch's transaction travels in the context, and inTx runs each step in
// it under a savepoint, so a step that fails (engine.ErrStale) still
// changes nothing, as outside a batch. The store has one connection: in a
// batch every query must go through the batch's transaction.

var _ engine.Batcher = (*SyncStore)(nil)

type batchKey struct{}

// txBatch is a batch's open transaction.
type txBatch struct {
	s  *Store
	tx *sql.Tx
	// steps counts open savepoints: the transaction cannot be committed
	// early (outside) while a step runs.
	steps int
	// after is work that must not run in a transaction (VACUUM), done
	// once the batch has committed.
	after []func(context.Context) error
}

// Batch implements engine.Batcher: fn's calls of the store's methods with
// the context it is given share one immediate transaction, committed when
// fn succeeds and rolled back otherwise. Erasing a company, which needs
// its mark file written before the erasing commit and VACUUM after it,
// commits the batch so far and runs alone (see outside). Nested calls
// join the outer batch.
func (x *SyncStore) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	if x.s.batchOf(ctx) != nil {
		return fn(ctx)
	}
	tx, err := x.s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sync: begin batch: %w", err)
	}
	b := &txBatch{s: x.s, tx: tx}
	defer func() { // a panicking fn must not keep the connection
		if b.tx != nil {
			b.tx.Rollback()
		}
	}()
	err = fn(context.WithValue(ctx, batchKey{}, b))
	if b.tx == nil { // outside could not begin again
		return errors.Join(err, errors.New("sync: batch: no transaction"))
	}
	if err != nil {
		return err
	}
	return b.commit(ctx)
}

// commit commits the batch's transaction and runs the work waiting for it.
func (b *txBatch) commit(ctx context.Context) error {
	err := b.tx.Commit()
	b.tx = nil
	if err != nil {
		return fmt.Errorf("sync: commit batch: %w", err)
	}
	after := b.after
	b.after = nil
	for _, f := range after {
		if err := f(ctx); err != nil {
			return err
		}
	}
	return nil
}

// batchOf returns the batch of s that ctx carries, or nil.
func (s *Store) batchOf(ctx context.Context) *txBatch {
	b, _ := ctx.Value(batchKey{}).(*txBatch)
	if b == nil || b.s != s || b.tx == nil {
		return nil
	}
	return b
}

// step runs fn in the batch's transaction under a savepoint, so that a
// failing fn leaves nothing behind, like a rolled back inTx.
func (b *txBatch) step(ctx context.Context, what string, fn func(*sql.Tx) error) error {
	if _, err := b.tx.ExecContext(ctx, "SAVEPOINT step"); err != nil {
		return fmt.Errorf("%s: savepoint: %w", what, err)
	}
	b.steps++
	err := fn(b.tx)
	b.steps--
	if err != nil {
		if _, rerr := b.tx.ExecContext(ctx, "ROLLBACK TO step"); rerr != nil {
			err = errors.Join(err, fmt.Errorf("roll back: %w", rerr))
		}
	}
	if _, rerr := b.tx.ExecContext(ctx, "RELEASE step"); rerr != nil && err == nil {
		err = fmt.Errorf("release: %w", rerr)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// afterCommit runs f now, or after the batch's commit when ctx carries
// one: f must not run inside a transaction.
func (s *Store) afterCommit(ctx context.Context, f func(context.Context) error) error {
	if b := s.batchOf(ctx); b != nil {
		b.after = append(b.after, f)
		return nil
	}
	return f(ctx)
}

// outside runs fn with its own transactions even when ctx carries a
// batch: the batch so far is committed first (its records without the
// cursor, which a new pull simply applies again) and a new transaction
// begun for the rest afterwards. Erasing a company needs it, since the
// erase mark must be written before the erasing commit and the company
// then purged from the backups.
func (s *Store) outside(ctx context.Context, fn func(context.Context) error) error {
	b := s.batchOf(ctx)
	if b == nil {
		return fn(ctx)
	}
	if b.steps > 0 {
		return errors.New("sync: an erase inside a transaction")
	}
	if err := b.commit(ctx); err != nil {
		return err
	}
	err := fn(context.WithValue(ctx, batchKey{}, (*txBatch)(nil)))
	tx, berr := s.db.BeginTx(ctx, nil)
	if berr != nil {
		return errors.Join(err, fmt.Errorf("sync: begin batch: %w", berr))
	}
	b.tx = tx
	return err
}

// queryRow is db.QueryRowContext, in the batch's transaction when ctx
// carries one (the connection is the batch's until it ends).
func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if b := s.batchOf(ctx); b != nil {
		return b.tx.QueryRowContext(ctx, query, args...)
	}
	return s.db.QueryRowContext(ctx, query, args...)
}
