package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// sqlDevice is an advisor's computer as the app has it: a real SQLite data
// folder edited through the store's own methods, synced by its SyncStore.
type sqlDevice struct {
	t      *testing.T
	login  string
	st     *store.Store
	x      *store.SyncStore
	client *client.Client
	syncer *engine.Syncer
	// requests counts the HTTP requests sent, retries included.
	requests *atomic.Int64
}

// devOpts says how a device reaches the server.
type devOpts struct {
	base      string           // https://host:port, the proxy's or the server's
	now       func() time.Time // the device's clock; nil for time.Now
	keepAlive bool
	attempts  int // client.Attempts; 0 for the default
}

func (e *env) sqlDevice(email string, o devOpts) *sqlDevice {
	e.t.Helper()
	// As the window opens it: the full check and the day's backup, which
	// read the whole file, are not what these tests are about.
	st, err := store.OpenQuick(ctx, e.t.TempDir())
	must(e.t, err)
	e.t.Cleanup(func() { st.Close() })
	hc := e.transport(o.now, o.keepAlive)
	n := &atomic.Int64{}
	hc.Transport = counting{next: hc.Transport, n: n}
	c := client.New(o.base, hc, "")
	c.Backoff, c.MaxBackoff, c.Attempts = time.Millisecond, 5*time.Millisecond, o.attempts
	resp, err := c.Login(ctx, email, password, email+" laptop")
	must(e.t, err)
	c.Token = resp.Token
	x := st.SyncStore()
	return &sqlDevice{t: e.t, login: email, st: st, x: x, client: c, requests: n,
		syncer: &engine.Syncer{Remote: c, Outbox: x, Local: x, Now: o.now}}
}

// counting counts the requests that go through it.
type counting struct {
	next http.RoundTripper
	n    *atomic.Int64
}

func (c counting) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

// create adds a company through the store and returns its global id.
func (d *sqlDevice) create(name string) string {
	d.t.Helper()
	id, err := d.st.CreateCompany(ctx, &app.Company{Name: name})
	must(d.t, err)
	gid, err := d.x.GlobalID(ctx, wire.KindCompany, int64(id))
	must(d.t, err)
	return gid
}

// rename sets the name of the company with global id gid.
func (d *sqlDevice) rename(gid, name string) {
	d.t.Helper()
	id, ok, err := d.x.LocalID(ctx, gid)
	if err != nil || !ok {
		d.t.Fatalf("%s: no company %s (%v)", d.login, gid, err)
	}
	c, err := d.st.Company(ctx, app.CompanyID(id))
	must(d.t, err)
	c.Name = name
	must(d.t, d.st.UpdateCompany(ctx, app.CompanyID(id), &c.Company))
}

func (d *sqlDevice) sync() engine.Status {
	d.t.Helper()
	st, err := d.syncer.Sync(ctx)
	if err != nil {
		d.t.Fatalf("%s: %v", d.login, err)
	}
	return st
}

func (d *sqlDevice) pending() int {
	d.t.Helper()
	n, err := d.x.PendingCount(ctx)
	must(d.t, err)
	return n
}

func (d *sqlDevice) cursor() int64 {
	d.t.Helper()
	n, err := d.x.Cursor(ctx)
	must(d.t, err)
	return n
}

// companies counts the device's company rows: a record taken twice would
// show as a second row.
func (d *sqlDevice) companies() int {
	d.t.Helper()
	_, n, err := d.st.ListCompanies(ctx, app.ListQuery{Limit: 1})
	must(d.t, err)
	return n
}

// serverRecord is a record as PostgreSQL holds it, with how many pushed
// changes were applied to it.
type serverRecord struct {
	id, kind string
	version  int64
	deleted  bool
	doc      []byte
	applied  int64
}

// serverState reads the organisation's records and its last sequence number.
func (e *env) serverState() (map[string]serverRecord, int64) {
	e.t.Helper()
	conn, err := pgx.Connect(ctx, e.url)
	must(e.t, err)
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT r.id::text, r.kind, r.version, r.deleted, r.doc,
		(SELECT count(*) FROM applied_changes a WHERE a.org_id = r.org_id AND a.record_id = r.id)
		FROM records r WHERE r.org_id = $1`, e.org.ID)
	must(e.t, err)
	recs := map[string]serverRecord{}
	for rows.Next() {
		var r serverRecord
		must(e.t, rows.Scan(&r.id, &r.kind, &r.version, &r.deleted, &r.doc, &r.applied))
		recs[r.id] = r
	}
	must(e.t, rows.Err())
	var last int64
	must(e.t, conn.QueryRow(ctx, "SELECT last_seq FROM organisations WHERE id = $1", e.org.ID).Scan(&last))
	return recs, last
}

// converged checks the promise of the fault tests: the server holds every
// name in want (company id → last name committed) and nothing else, each
// record's version is the number of changes applied to it (nothing
// applied twice), and every device has exactly the server's documents,
// one row per company, nothing pending, its cursor at the end.
func (e *env) converged(want map[string]string, devs ...*sqlDevice) {
	e.t.Helper()
	recs, _ := e.settled(want, devs...)
	for _, d := range devs {
		e.sameDocs(d, recs)
	}
}

// settled is converged without comparing every document, for the rounds
// of a long test that compares them at its end: the server's records and
// versions, and each device's pending changes, cursor and company rows.
func (e *env) settled(want map[string]string, devs ...*sqlDevice) (map[string]serverRecord, int64) {
	e.t.Helper()
	recs, last := e.serverState()
	if len(recs) != len(want) {
		e.t.Errorf("server holds %d records, want %d", len(recs), len(want))
	}
	for id, r := range recs {
		if r.applied != r.version {
			e.t.Errorf("record %s at version %d from %d applied changes", id, r.version, r.applied)
		}
		if name, ok := want[id]; !ok || r.deleted || !bytes.Contains(r.doc, []byte(`"name":`+quote(name))) {
			e.t.Errorf("server has %s = %s, want name %q", id, r.doc, name)
		}
	}
	for _, d := range devs {
		e.deviceSettled(d, recs, last)
	}
	return recs, last
}

func (e *env) deviceSettled(d *sqlDevice, recs map[string]serverRecord, last int64) {
	e.t.Helper()
	if n := d.pending(); n != 0 {
		e.t.Errorf("%s: %d changes pending", d.login, n)
	}
	if c := d.cursor(); c != last {
		e.t.Errorf("%s: cursor %d, server at %d", d.login, c, last)
	}
	if n := d.companies(); n != len(recs) {
		e.t.Errorf("%s: %d companies, server %d records", d.login, n, len(recs))
	}
}

// sameDocs checks that d has each record at the server's version and content.
func (e *env) sameDocs(d *sqlDevice, recs map[string]serverRecord) {
	e.t.Helper()
	for id, r := range recs {
		got, err := d.x.Get(ctx, id)
		must(e.t, err)
		want, err := merge.Canonical(r.doc)
		must(e.t, err)
		if !got.Exists || got.BaseVersion != r.version || !bytes.Equal(got.Doc, want) {
			e.t.Errorf("%s: %s is v%d %s, server v%d %s", d.login, id, got.BaseVersion, got.Doc, r.version, want)
		}
	}
}

func quote(s string) string {
	raw, _ := json.Marshal(s)
	return string(raw)
}
