// Package engine runs team sync rounds on the device: it pushes the
// device's pending changes to pomi-server, merges the server's version
// into any record both sides changed (three-way, package merge), pushes
// the merged version on top, and pulls everyone else's changes since the
// last round. Conflicting fields are recorded for the advisor, never
// decided silently.
//
// The engine talks to the server through Remote (package client in
// production) and to the device's data through Outbox and Local, which
// the app implements over its SQLite store; MemStore implements both in
// memory and is the reference for their contract.
package engine

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// Remote is pomi-server's sync API; *client.Client has it.
type Remote interface {
	// Push sends changes and returns one result per change, in order.
	Push(ctx context.Context, recs []wire.PushRecord) ([]wire.PushResult, error)
	// Pull returns up to limit records changed after sequence since.
	Pull(ctx context.Context, since int64, limit int) (wire.PullResponse, error)
}

// Outbox is the device's queue of local changes waiting for the server.
type Outbox interface {
	// Pending returns up to max records with local changes, each as its
	// whole new state on top of the version last agreed with the server
	// (BaseVersion; 0 for a new record), a local deletion as a tombstone.
	// A change returned before and not yet settled by Applied, Rejected
	// or Local.Save comes back with the same ChangeID and content, so a
	// retried push is applied once; the ChangeID must therefore be stored
	// before Pending returns it. Changes the server rejected for good
	// are not returned again until the record is edited.
	Pending(ctx context.Context, max int) ([]wire.PushRecord, error)
	// Applied settles a change the server stored as version: its content
	// becomes the record's base. A change that is no longer the record's
	// unsettled one is ignored.
	Applied(ctx context.Context, change wire.PushRecord, version int64) error
	// Rejected settles a change the server refused for good. With reason
	// wire.ReasonErased the record (or its company) was erased on the
	// server: erase the local copy.
	Rejected(ctx context.Context, change wire.PushRecord, res wire.PushResult) error
}

// Local is the device's copy of the records and its pull cursor.
type Local interface {
	// Get returns a record's local state; the zero Record (Exists false)
	// when the device does not have it.
	Get(ctx context.Context, id string) (Record, error)
	// Save stores what the device learnt from the server about a record:
	// u.Remote becomes its base, u.Doc its local document on top, and
	// u.Conflicts are added to the record's open conflicts. A remote
	// tombstone erases the local copy (its content and conflicts too).
	// Any unsettled change of the record is dropped (the server did not
	// apply it, or its content is part of u.Remote). When the local
	// document is no longer u.From, the advisor edited it meanwhile: Save
	// must change nothing and return ErrStale, and the engine merges again.
	Save(ctx context.Context, u Update) error
	// Cursor returns the sequence number pulled up to (0 at first).
	Cursor(ctx context.Context) (int64, error)
	// SetCursor stores the sequence number pulled up to.
	SetCursor(ctx context.Context, seq int64) error
}

// Authors is implemented by a Local that keeps who made and who last
// changed each record. The syncer gives it every pulled page after saving
// the page's records, the records it skipped too (the device's own
// changes, coming back with the server's attribution).
type Authors interface {
	// Attribute takes a page's records' CreatedBy and ChangedBy, the
	// advisors' names and the id of the advisor signed in.
	Attribute(ctx context.Context, page wire.PullResponse) error
}

// Batcher is implemented by a Local that can apply many calls as one
// unit, one database transaction instead of one per record: the syncer
// applies each pulled page with its cursor, and the settlement of each
// push, through Batch, so a device's first sync of a portfolio is a few
// commits, not thousands. Batch runs fn with a context that the Local's
// (and Outbox's) methods recognise, and keeps fn's work only when fn
// succeeds. It may make part of the unit durable early for work that
// cannot share a transaction (erasing a company): the syncer re-applies
// a page or a settlement that did not complete, which is harmless.
type Batcher interface {
	Batch(ctx context.Context, fn func(ctx context.Context) error) error
}

// Record is a record's state on the device.
type Record struct {
	ID      string
	Kind    wire.Kind
	Company string
	// Exists is false for a record the device never had.
	Exists bool
	// Base is the document last agreed with the server, at BaseVersion;
	// nil for a record not yet on the server, or erased.
	Base        json.RawMessage
	BaseVersion int64
	// Doc is the local document; nil when deleted on the device (or erased).
	Doc json.RawMessage
	// Pending reports local changes the server has not applied yet.
	Pending bool
	// Unsettled is the change pushed for this record and not yet settled
	// (its answer may have been lost), or nil.
	Unsettled *wire.PushRecord
}

// Update is what Local.Save stores.
type Update struct {
	// Remote is the server's record, the record's new base.
	Remote wire.Record
	// Doc is the local document to keep on top of Remote: Remote.Doc
	// when the device had no changes, else the merge (nil: deleted locally).
	Doc json.RawMessage
	// From is the local document the merge started from (Record.Doc).
	From json.RawMessage
	// Conflicts are the fields both sides changed, for the advisor.
	Conflicts []merge.Conflict
}

// ErrStale is returned by Local.Save when the local document changed
// after the engine read it.
var ErrStale = errors.New("local record changed during sync")

// Status is what one sync round did.
type Status struct {
	Pushed    int // changes the server applied
	Pulled    int // records taken from the server
	Merged    int // records merged with the server's version
	Conflicts int // conflicting fields recorded for the advisor
	Rejected  int // changes the server refused for good
	Erased    int // local records erased because the server erased them
	// More reports pending changes left for the next round (the round
	// stopped after Syncer.MaxPasses pushes).
	More bool
	// LastSynced is when the round completed; zero when it did not.
	LastSynced time.Time
	// Offline reports that the server could not be reached.
	Offline bool
}

// NewChangeID returns a random UUID (version 4) for a change.
func NewChangeID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
