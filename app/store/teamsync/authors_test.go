package teamsync

import (
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/server/wire"
)

// localCompany returns d's local id of the company with global id gid.
func (d *device) localCompany(gid string) app.CompanyID {
	d.t.Helper()
	id, ok, err := d.x.LocalID(bg, gid)
	if err != nil || !ok {
		d.t.Fatalf("no local company %s (%v)", gid, err)
	}
	return app.CompanyID(id)
}

func authors(c portfolio.Client) [2]string { return [2]string{c.CreatedBy, c.ChangedBy} }

func TestAuthorsComeFromTheServerAndLocalEditsAreTheSignedInAdvisors(t *testing.T) {
	srv := teamtest.NewServer(t)
	anna, bo := newDevice(t, srv, "anna@example.se"), newDevice(t, srv, "bo@example.se")

	// Made before Anna's first sync: nobody is known yet, as without a server.
	cid, err := anna.s.CreateCompany(bg, &app.Company{Name: "Svensson Bygg AB"})
	must(t, err)
	if got := authors(anna.client(cid)); got != [2]string{} {
		t.Fatalf("authors before any sync = %q", got)
	}
	gid, err := anna.x.GlobalID(bg, wire.KindCompany, int64(cid))
	must(t, err)
	anna.sync()
	want := [2]string{"Anna Berg", "Anna Berg"}
	if got := authors(anna.client(cid)); got != want {
		t.Errorf("anna's own company after her sync = %q, want %q", got, want)
	}
	bo.sync()
	bid := bo.localCompany(gid)
	if got := authors(bo.client(bid)); got != want {
		t.Errorf("pulled by bo = %q, want %q", got, want)
	}

	// Bo's edit is his at once, before it reaches the server; a pull of
	// Anna's older attribution does not take it from him.
	c, err := bo.s.Company(bg, bid)
	must(t, err)
	c.Company.Contact.Name = "Eva Svensson"
	must(t, bo.s.UpdateCompany(bg, bid, &c.Company))
	want = [2]string{"Anna Berg", "Bo Ek"}
	if got := authors(bo.client(bid)); got != want {
		t.Errorf("bo's local edit = %q, want %q", got, want)
	}
	bo.sync()
	if got := authors(bo.client(bid)); got != want {
		t.Errorf("bo's edit after his sync = %q, want %q", got, want)
	}
	anna.sync()
	if got := authors(anna.client(cid)); got != want {
		t.Errorf("bo's edit pulled by anna = %q, want %q", got, want)
	}

	// A new assessment is the company's latest change.
	_, err = anna.s.SaveAssessment(bg, cid, &app.Assessment{Date: "2026-12-01", Assessor: "Anna Berg"})
	must(t, err)
	want = [2]string{"Anna Berg", "Anna Berg"}
	if got := authors(anna.client(cid)); got != want {
		t.Errorf("after anna's assessment = %q, want %q", got, want)
	}
	anna.sync()
	bo.sync()
	if got := authors(bo.client(bid)); got != want {
		t.Errorf("anna's assessment pulled by bo = %q, want %q", got, want)
	}

	// The portfolio filter by advisor ("handled by": made or last changed).
	d, err := ref.Load()
	must(t, err)
	rows := portfolio.Rows(d, []portfolio.Client{bo.client(bid)}, time.Now())
	for name, keep := range map[string]bool{"Anna Berg": true, "anna berg": true, "Bo Ek": false} {
		f := portfolio.Filter{Advisors: []string{name}}
		if got := len(f.Apply(rows)) == 1; got != keep {
			t.Errorf("filter by %q keeps the company: %v, want %v", name, got, keep)
		}
	}
}
