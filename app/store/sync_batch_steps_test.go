package store

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store/backups"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/server/wire"
)

// TestPulledEraseInsideABatchedPage: a company erased by the team, in the
// middle of a pulled page, still leaves this computer and its backups
// (its erase runs outside the page's transaction), and the records after
// it on the page are applied.
func TestPulledEraseInsideABatchedPage(t *testing.T) {
	a := openTemp(t)
	gbg, err := a.ImportDocument(bg, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate)
	must(t, err)
	_, err = a.ImportDocument(bg, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate)
	must(t, err)
	remote := &pagedRemote{}
	xa := a.SyncStore()
	_, err = (&engine.Syncer{Remote: remote, Outbox: xa, Local: xa}).Sync(bg)
	must(t, err)
	b := openTemp(t)
	xb := b.SyncStore()
	_, err = (&engine.Syncer{Remote: remote, Outbox: xb, Local: xb}).Sync(bg)
	must(t, err)
	for _, reason := range []string{"daily", "manual"} {
		_, err := b.BackupNow(bg, reason)
		must(t, err)
	}

	_, err = a.EraseCompany(bg, gbg, app.EraseEverywhere)
	must(t, err)
	_, err = a.ImportDocument(bg, demoDocument(t, "smaland-mobler.json"), app.ImportRefuseDuplicate)
	must(t, err)
	seen := len(remote.recs)
	_, err = (&engine.Syncer{Remote: remote, Outbox: xa, Local: xa}).Push(bg)
	must(t, err)
	// The page: half of the new company's records, the erase, the rest.
	page := remote.recs[seen:]
	var tomb wire.Record
	rest := page[:0:0]
	for _, r := range page {
		if r.Deleted && r.Kind == wire.KindCompany {
			tomb = r
		} else {
			rest = append(rest, r)
		}
	}
	if tomb.ID == "" || len(rest) < 2 {
		t.Fatalf("pushed %d records without the erased company's tombstone", len(page))
	}
	page = append(append(append([]wire.Record{}, rest[:len(rest)/2]...), tomb), rest[len(rest)/2:]...)
	for i := range page {
		page[i].Version, page[i].Seq = int64(seen+i+1), int64(seen+i+1)
	}
	remote.recs = append(remote.recs[:seen], page...)

	st, err := (&engine.Syncer{Remote: remote, Outbox: xb, Local: xb}).Sync(bg)
	must(t, err)
	if st.Erased == 0 || st.Pulled < len(rest) {
		t.Errorf("status %+v, want the erase and %d records pulled", st, len(rest))
	}
	list, _, err := b.ListCompanies(bg, app.ListQuery{})
	must(t, err)
	if len(list) != 2 || list[0].Name == list[1].Name {
		t.Fatalf("b lists %+v, want Malmö and Småland", list)
	}
	for _, c := range list {
		if strings.Contains(c.Name, "Älvsense") {
			t.Errorf("the erased company %q is still on b", c.Name)
		}
	}
	kept, err := backups.List(backups.Dir(b.Path()))
	must(t, err)
	files := []string{b.Path(), b.Path() + "-wal"}
	for _, k := range kept {
		files = append(files, k.Path)
	}
	assertNoWords(t, files, eraseWords)
	if _, err := os.Stat(filepath.Join(filepath.Dir(b.Path()), erasePendingName)); err == nil {
		t.Error("the erase left its mark behind")
	}
	c, err := xb.Cursor(bg)
	must(t, err)
	if c != int64(len(remote.recs)) {
		t.Errorf("cursor %d, want %d", c, len(remote.recs))
	}
}

// TestStaleSaveInsideABatchChangesNothing: a save that finds the record
// edited meanwhile rolls back to before it (a savepoint), not the batch:
// the batch's other work is kept, and the triggers note edits again.
func TestStaleSaveInsideABatchChangesNothing(t *testing.T) {
	s := openTemp(t)
	x := s.SyncStore()
	id, err := s.CreateCompany(bg, &app.Company{Name: "Acme"})
	must(t, err)
	gid, err := x.GlobalID(bg, wire.KindCompany, int64(id))
	must(t, err)
	doc := json.RawMessage(`{"name":"Remote AB"}`)
	err = x.Batch(bg, func(ctx context.Context) error {
		if err := x.Save(ctx, engine.Update{Remote: wire.Record{ID: remoteID, Kind: wire.KindCompany, Version: 3, Doc: doc}, Doc: doc}); err != nil {
			return err
		}
		err := x.Save(ctx, engine.Update{Remote: wire.Record{ID: gid, Kind: wire.KindCompany, Version: 2, Doc: doc},
			Doc: doc, From: json.RawMessage(`{"name":"Other"}`)})
		if !errors.Is(err, engine.ErrStale) {
			t.Errorf("save = %v, want ErrStale", err)
		}
		return x.SetCursor(ctx, 3)
	})
	must(t, err)
	if r, err := x.Get(bg, remoteID); err != nil || r.BaseVersion != 3 {
		t.Errorf("the batch's other record: %+v, %v", r, err)
	}
	if r, err := x.Get(bg, gid); err != nil || r.BaseVersion != 0 || !strings.Contains(string(r.Doc), "Acme") {
		t.Errorf("the stale save changed the record: %+v, %v", r, err)
	}
	if c, err := x.Cursor(bg); err != nil || c != 3 {
		t.Errorf("cursor %d, %v", c, err)
	}
	var applying int
	must(t, s.db.QueryRow("SELECT count(*) FROM sync_applying").Scan(&applying))
	if applying != 0 {
		t.Fatal("the stale save left the triggers quiet")
	}
	c, err := s.Company(bg, id)
	must(t, err)
	c.Name = "Acme AB"
	must(t, s.UpdateCompany(bg, id, &c.Company))
	if n, err := x.PendingCount(bg); err != nil || n != 1 {
		t.Errorf("%d pending after an edit (%v), want 1", n, err)
	}
}
