package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store/backups"
	"github.com/pomi-planner/pomi/app/store/datadir"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/server/wire"
)

// relay plays a server between two stores: it settles every pending change
// of from as its next version and hands the records to to, in the order
// given by reorder (nil: as pushed).
func relay(t *testing.T, from, to *SyncStore, reorder func([]wire.Record) []wire.Record) []wire.Record {
	t.Helper()
	changes, err := from.Pending(bg, 100)
	must(t, err)
	var recs []wire.Record
	for _, c := range changes {
		must(t, from.Applied(bg, c, c.BaseVersion+1))
		recs = append(recs, wire.Record{ID: c.ID, Kind: c.Kind, Company: c.Company, Version: c.BaseVersion + 1, Deleted: c.Deleted, Doc: c.Doc})
	}
	if reorder != nil {
		recs = reorder(recs)
	}
	for _, r := range recs {
		cur, err := to.Get(bg, r.ID)
		must(t, err)
		must(t, to.Save(bg, engine.Update{Remote: r, Doc: r.Doc, From: cur.Doc}))
	}
	return recs
}

// twoStores returns a store with a demo company and its assessments, and
// an empty one.
func twoStores(t *testing.T) (a, b *Store, company app.CompanyID) {
	a, b = openTemp(t), openTemp(t)
	doc := demoDocument(t, "goteborg-medtech.json")
	id, err := a.CreateCompany(bg, &doc.Company)
	must(t, err)
	for i := range doc.Assessments {
		_, err := a.SaveAssessment(bg, id, &doc.Assessments[i])
		must(t, err)
	}
	return a, b, id
}

func onlyCompany(t *testing.T, s *Store) app.CompanyID {
	t.Helper()
	list, _, err := s.ListCompanies(bg, app.ListQuery{})
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("%d companies", len(list))
	}
	return list[0].ID
}

func assertSameWork(t *testing.T, a *Store, aid app.CompanyID, b *Store, bid app.CompanyID) {
	t.Helper()
	ca, err := a.Company(bg, aid)
	must(t, err)
	cb, err := b.Company(bg, bid)
	must(t, err)
	ca.Updated, ca.ID, cb.ID = cb.Updated, 0, 0
	if !reflect.DeepEqual(ca, cb) {
		t.Errorf("profiles differ:\n%+v\n%+v", ca, cb)
	}
	la, err := a.Assessments(bg, aid)
	must(t, err)
	lb, err := b.Assessments(bg, bid)
	must(t, err)
	if len(la) != len(lb) || len(la) == 0 {
		t.Fatalf("%d and %d assessments", len(la), len(lb))
	}
	for i := range la {
		if !reflect.DeepEqual(la[i].Assessment, lb[i].Assessment) {
			t.Errorf("assessment %d differs", i)
		}
	}
}

// Assessments travel with their actions in order, arrive before their
// company or after, and what a store pulled is not pushed back.
func TestSyncCarriesAssessmentsWithTheirActions(t *testing.T) {
	for name, reorder := range map[string]func([]wire.Record) []wire.Record{
		"company first":     nil,
		"assessments first": func(r []wire.Record) []wire.Record { return append(r[1:], r[0]) },
	} {
		t.Run(name, func(t *testing.T) {
			a, b, aid := twoStores(t)
			recs := relay(t, a.SyncStore(), b.SyncStore(), reorder)
			if len(recs) < 3 {
				t.Fatalf("pushed %d records", len(recs))
			}
			assertSameWork(t, a, aid, b, onlyCompany(t, b))
			for _, s := range []*Store{a, b} {
				if n, err := s.SyncStore().PendingCount(bg); err != nil || n != 0 {
					t.Errorf("pending %d (%v)", n, err)
				}
			}
		})
	}
}

// An edit of an action marks its assessment; erasing the company sends
// one tombstone, and the other store erases the company with its
// assessments.
func TestSyncActionEditAndErase(t *testing.T) {
	a, b, aid := twoStores(t)
	relay(t, a.SyncStore(), b.SyncStore(), nil)
	list, err := a.Assessments(bg, aid)
	must(t, err)
	first := list[0]
	first.Actions[0].Title = "Ny titel"
	must(t, a.UpdateAssessment(bg, first.ID, &first.Assessment))
	if recs := relay(t, a.SyncStore(), b.SyncStore(), nil); len(recs) != 1 || recs[0].Kind != wire.KindAssessment {
		t.Fatalf("relayed %+v", recs)
	}
	assertSameWork(t, a, aid, b, onlyCompany(t, b))
	_, err = a.EraseCompany(bg, aid, app.EraseKeepBackups)
	must(t, err)
	var n int
	must(t, a.db.QueryRow("SELECT count(*) FROM sync_records WHERE (base IS NOT NULL AND base <> '{}') OR parked IS NOT NULL").Scan(&n))
	if n != 0 {
		t.Errorf("%d records keep content of the erased company before it is pushed", n)
	}
	recs := relay(t, a.SyncStore(), b.SyncStore(), nil)
	if len(recs) != 1 || !recs[0].Deleted || recs[0].Kind != wire.KindCompany {
		t.Fatalf("relayed %+v", recs)
	}
	must(t, b.db.QueryRow("SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM assessments) + (SELECT count(*) FROM actions)").Scan(&n))
	if n != 0 {
		t.Errorf("%d rows left after the erase", n)
	}
	must(t, b.db.QueryRow("SELECT count(*) FROM sync_records WHERE base IS NOT NULL OR parked IS NOT NULL").Scan(&n))
	if n != 0 {
		t.Errorf("%d records keep content after the erase", n)
	}
}

// A row made after another was deleted may get its id; it is a new record.
func TestSyncReusedRowIDIsANewRecord(t *testing.T) {
	s := openTemp(t)
	x := s.SyncStore()
	id, err := s.CreateCompany(bg, &app.Company{Name: "Först"})
	must(t, err)
	first, err := x.GlobalID(bg, wire.KindCompany, int64(id))
	must(t, err)
	_, err = s.EraseCompany(bg, id, app.EraseKeepBackups)
	must(t, err)
	id2, err := s.CreateCompany(bg, &app.Company{Name: "Sedan"})
	must(t, err)
	second, err := x.GlobalID(bg, wire.KindCompany, int64(id2))
	must(t, err)
	if id2 != id || second == first {
		t.Errorf("ids %d/%d, gids %s/%s", id, id2, first, second)
	}
}

// A database of the previous version keeps its data and has all of it to
// push at the first sync.
func TestSyncMigrationOffersExistingData(t *testing.T) {
	dir := t.TempDir()
	old := createAtVersion(t, filepath.Join(dir, datadir.DatabaseName), 2)
	_, err := old.Exec(`INSERT INTO companies (name, profile, created, updated)
		VALUES ('Gamla Firman AB', '{"name":"Gamla Firman AB"}', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
	must(t, err)
	_, err = old.Exec(`INSERT INTO assessments (company_id, date, data, updated) VALUES (1, '2025-02-01', '{"date":"2025-02-01"}', '2025-02-01T00:00:00Z')`)
	must(t, err)
	old.Close()
	s, err := Open(context.Background(), dir)
	must(t, err)
	defer s.Close()
	p, err := s.SyncStore().Pending(bg, 10)
	must(t, err)
	if len(p) != 2 || p[0].Kind != wire.KindCompany || p[1].Company != p[0].ID || string(p[1].Doc) != `{"actions":[],"date":"2025-02-01"}` {
		t.Fatalf("pending = %+v", p)
	}
}

// Without a server nothing but the dirty notes is written.
func TestEditsWithoutSyncOnlyNoteTheRow(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateCompany(bg, &app.Company{Name: "Lokal AB"})
	must(t, err)
	must(t, s.SetLogo(bg, id, nil))
	var dirty, records int
	must(t, s.db.QueryRow("SELECT (SELECT count(*) FROM sync_dirty), (SELECT count(*) FROM sync_records)").Scan(&dirty, &records))
	if dirty != 1 || records != 0 {
		t.Errorf("dirty %d, records %d", dirty, records)
	}
	var applying sql.NullInt64
	if err := s.db.QueryRow("SELECT id FROM sync_applying").Scan(&applying); err != sql.ErrNoRows {
		t.Errorf("sync_applying: %v", err)
	}
}

// An erase everywhere leaves no copy of the company in the sync records,
// neither in the database nor in the backups it rewrites.
func TestEraseEverywhereLeavesNoSyncContent(t *testing.T) {
	a, b, aid := twoStores(t)
	relay(t, a.SyncStore(), b.SyncStore(), nil)
	_, err := a.BackupNow(bg, "test")
	must(t, err)
	_, err = a.EraseCompany(bg, aid, app.EraseEverywhere)
	must(t, err)
	kept, err := backups.List(backups.Dir(a.Path()))
	must(t, err)
	if len(kept) == 0 {
		t.Fatal("no backup to check")
	}
	paths := []string{a.Path()}
	for _, k := range kept {
		paths = append(paths, k.Path)
	}
	for _, p := range paths {
		db, err := sql.Open("sqlite", backups.ReadOnlyURI(p))
		must(t, err)
		var n int
		err = db.QueryRow(`SELECT count(*) FROM sync_records
			WHERE (base IS NOT NULL AND base <> '{}') OR parked IS NOT NULL OR conflicts IS NOT NULL`).Scan(&n)
		db.Close()
		if err != nil || n != 0 {
			t.Errorf("%s: %d records keep content (%v)", filepath.Base(p), n, err)
		}
	}
}

// A change is stored before Pending returns it: after a restart the same
// change, with the same id and content, is pushed again.
func TestSyncUnsettledChangeSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(bg, dir)
	must(t, err)
	_, err = s.CreateCompany(bg, &app.Company{Name: "Omstart AB"})
	must(t, err)
	first, err := s.SyncStore().Pending(bg, 10)
	must(t, err)
	must(t, s.Close())
	s, err = Open(bg, dir)
	must(t, err)
	defer s.Close()
	again, err := s.SyncStore().Pending(bg, 10)
	must(t, err)
	if len(first) != 1 || !reflect.DeepEqual(first, again) {
		t.Errorf("before %+v, after %+v", first, again)
	}
}

// An erase pulled from the team leaves this computer's backups too, as an
// erase everywhere made here does, and leaves no mark behind; the other
// company stays in them.
func TestPulledEraseLeavesTheBackupsToo(t *testing.T) {
	a := openTemp(t)
	gbg, err := a.ImportDocument(bg, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate)
	must(t, err)
	_, err = a.ImportDocument(bg, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate)
	must(t, err)
	b := openTemp(t)
	relay(t, a.SyncStore(), b.SyncStore(), nil)
	for _, reason := range []string{"daily", "manual"} {
		_, err := b.BackupNow(bg, reason)
		must(t, err)
	}
	_, err = a.EraseCompany(bg, gbg, app.EraseEverywhere)
	must(t, err)
	relay(t, a.SyncStore(), b.SyncStore(), nil)

	kept, err := backups.List(backups.Dir(b.Path()))
	must(t, err)
	if len(kept) != 2 {
		t.Fatalf("%d backups on b, want the 2 made", len(kept))
	}
	files := []string{b.Path(), b.Path() + "-wal"}
	for _, k := range kept {
		files = append(files, k.Path)
		if names := companyNames(t, k.Path); len(names) != 1 {
			t.Errorf("backup %s holds %v, want the other company alone", filepath.Base(k.Path), names)
		}
	}
	assertNoWords(t, files, eraseWords)
	if _, err := os.Stat(filepath.Join(filepath.Dir(b.Path()), erasePendingName)); err == nil {
		t.Error("the erase left its mark behind")
	}
}
