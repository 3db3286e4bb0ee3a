package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/wire"
)

// twoDevices is one organisation with two advisors, each signed in on a device.
func twoDevices(t *testing.T) (e *env, anna, bo string) {
	e = newEnv(t, api.Config{})
	e.addAdvisor(e.org.ID, "Anna", "anna@example.se")
	e.addAdvisor(e.org.ID, "Bo", "bo@example.se")
	return e, e.login("anna@example.se", "Annas laptop"), e.login("bo@example.se", "Bos laptop")
}

func TestPushPullRoundTripBetweenTwoDevices(t *testing.T) {
	e, anna, bo := twoDevices(t)
	co, as := newID(), newID()
	res := e.push(anna, company(co, "Svensson Bygg AB"), dependent(wire.KindAssessment, as, co, `{"date": "2026-03-01"}`))
	for i, r := range res {
		if r.Status != wire.StatusApplied || r.Version != 1 || r.Seq != int64(i+1) {
			t.Fatalf("result %d = %+v", i, r)
		}
	}

	got := e.pull(bo, 0, 0)
	if len(got.Changes) != 2 || got.Next != 2 || got.More {
		t.Fatalf("bo's pull = %+v", got)
	}
	c := got.Changes[0]
	if len(got.Advisors) != 2 || got.Advisors[c.CreatedBy] != "Anna" || got.Advisors[got.Advisor] != "Bo" || got.Advisor == c.CreatedBy {
		t.Errorf("bo's pull names advisors %v, is advisor %d; anna is %d", got.Advisors, got.Advisor, c.CreatedBy)
	}
	if c.ID != co || c.Kind != wire.KindCompany || c.Version != 1 || c.CreatedBy != c.ChangedBy || string(c.Doc) != `{"name":"Svensson Bygg AB"}` {
		t.Errorf("company = %+v doc %s", c, c.Doc)
	}
	if a := got.Changes[1]; a.Company != co || string(a.Doc) != `{"date":"2026-03-01"}` {
		t.Errorf("assessment = %+v doc %s", a, a.Doc)
	}

	upd := company(co, "Svensson Bygg & Son AB")
	upd.BaseVersion = 1
	if r := e.push(bo, upd)[0]; r.Status != wire.StatusApplied || r.Version != 2 || r.Seq != 3 {
		t.Fatalf("bo's update = %+v", r)
	}
	got = e.pull(anna, 2, 0)
	if len(got.Changes) != 1 || got.Next != 3 || got.Changes[0].Version != 2 ||
		got.Changes[0].ChangedBy == got.Changes[0].CreatedBy {
		t.Fatalf("anna's pull = %+v", got)
	}
	if ch := got.Changes[0]; got.Advisors[ch.CreatedBy] != "Anna" || got.Advisors[ch.ChangedBy] != "Bo" || len(got.Advisors) != 2 {
		t.Errorf("anna's pull names advisors %v", got.Advisors)
	}
	if got := e.pull(anna, 3, 0); len(got.Changes) != 0 || got.Next != 3 {
		t.Errorf("pull with nothing new = %+v", got)
	}

	// Paging: each record once, in its latest state, in sequence order.
	page := e.pull(anna, 0, 1)
	if len(page.Changes) != 1 || !page.More || page.Changes[0].ID != as {
		t.Errorf("first page = %+v", page)
	}
	if page = e.pull(anna, page.Next, 1); len(page.Changes) != 1 || page.More || page.Changes[0].ID != co {
		t.Errorf("second page = %+v", page)
	}
}

func TestConflictingPushReturnsServerVersion(t *testing.T) {
	e, anna, bo := twoDevices(t)
	co := newID()
	e.push(anna, company(co, "Original"))

	a := company(co, "Annas edit")
	a.BaseVersion = 1
	b := company(co, "Bos edit")
	b.BaseVersion = 1
	if r := e.push(anna, a)[0]; r.Status != wire.StatusApplied || r.Version != 2 {
		t.Fatalf("anna = %+v", r)
	}
	r := e.push(bo, b)[0]
	if r.Status != wire.StatusConflict || r.Current == nil || r.Current.Version != 2 || string(r.Current.Doc) != `{"name":"Annas edit"}` {
		t.Fatalf("bo's conflicting push = %+v", r)
	}
	// Bo merges and pushes on top of what he was shown.
	b2 := company(co, "Annas and Bos edit")
	b2.BaseVersion = r.Current.Version
	if r := e.push(bo, b2)[0]; r.Status != wire.StatusApplied || r.Version != 3 {
		t.Fatalf("bo's merged push = %+v", r)
	}
	// A base version the server never had is a conflict too, with no current record.
	ghost := company(newID(), "Ghost")
	ghost.BaseVersion = 4
	if r := e.push(bo, ghost)[0]; r.Status != wire.StatusConflict || r.Current != nil {
		t.Errorf("unknown record with base 4 = %+v", r)
	}
	// A record's kind cannot change.
	asAction := dependent(wire.KindAction, co, newID(), `{}`)
	asAction.BaseVersion = 3
	if r := e.push(bo, asAction)[0]; r.Status != wire.StatusRejected || r.Reason != wire.ReasonKindMismatch {
		t.Errorf("kind change = %+v", r)
	}
	if got := e.pull(anna, 0, 0); len(got.Changes) != 1 || string(got.Changes[0].Doc) != `{"name":"Annas and Bos edit"}` {
		t.Errorf("final state = %+v", got)
	}
}

func TestRetriedPushIsAppliedOnce(t *testing.T) {
	e, anna, _ := twoDevices(t)
	co, ac := newID(), newID()
	recs := []wire.PushRecord{company(co, "Once AB"), dependent(wire.KindAction, ac, co, `{"title":"Ring kunden"}`)}
	first := e.push(anna, recs...)
	// The connection was cut before the answer arrived: the device pushes
	// the very same changes again.
	again := e.push(anna, recs...)
	for i := range recs {
		if !again[i].Duplicate || again[i].Status != wire.StatusApplied ||
			again[i].Version != first[i].Version || again[i].Seq != first[i].Seq {
			t.Errorf("retry %d = %+v, first %+v", i, again[i], first[i])
		}
	}
	if got := e.pull(anna, 0, 0); len(got.Changes) != 2 || got.Changes[0].Version != 1 || got.Next != 2 {
		t.Errorf("after the retry = %+v", got)
	}
	if n := e.queryInt("SELECT last_seq FROM organisations WHERE id = $1", e.org.ID); n != 2 {
		t.Errorf("sequence numbers given out = %d, want 2", n)
	}
	// A change id reused for another record is refused.
	other := company(newID(), "Other AB")
	other.ChangeID = recs[0].ChangeID
	if r := e.push(anna, other)[0]; r.Status != wire.StatusRejected || r.Reason != wire.ReasonChangeIDReused {
		t.Errorf("reused change id = %+v", r)
	}
}

func TestOtherOrganisationsIDsAreNotFound(t *testing.T) {
	e, anna, _ := twoDevices(t)
	org2, err := e.store.CreateOrganisation(t.Context(), "Konkurrenten AB")
	if err != nil {
		t.Fatal(err)
	}
	e.addAdvisor(org2.ID, "Eve", "eve@konkurrenten.se")
	eve := e.login("eve@konkurrenten.se", "Eves laptop")

	co := newID()
	e.push(anna, company(co, "Hemlig Kund AB"))
	if got := e.pull(eve, 0, 0); len(got.Changes) != 0 {
		t.Fatalf("eve sees %+v", got)
	}
	// Eve guesses the id: updating it finds nothing (no current record
	// is shown), and creating it makes her own record, not Anna's.
	upd := company(co, "Stulen")
	upd.BaseVersion = 1
	if r := e.push(eve, upd)[0]; r.Status != wire.StatusConflict || r.Current != nil {
		t.Fatalf("eve's update of anna's id = %+v", r)
	}
	if r := e.push(eve, company(co, "Eves egen"))[0]; r.Status != wire.StatusApplied || r.Seq != 1 {
		t.Fatalf("eve's own record with that id = %+v", r)
	}
	erase := wire.PushRecord{ChangeID: newID(), ID: co, Kind: wire.KindCompany, BaseVersion: 1, Deleted: true}
	if r := e.push(eve, erase)[0]; r.Status != wire.StatusApplied {
		t.Fatalf("eve's erase of her record = %+v", r)
	}
	got := e.pull(anna, 0, 0)
	if len(got.Changes) != 1 || string(got.Changes[0].Doc) != `{"name":"Hemlig Kund AB"}` {
		t.Errorf("anna's record after eve's pushes = %+v", got)
	}
	if got := e.pull(eve, 0, 0); len(got.Changes) != 1 || !got.Changes[0].Deleted {
		t.Errorf("eve's pull = %+v", got)
	}
}

func TestEraseTombstonePropagatesAndIsAudited(t *testing.T) {
	e, anna, bo := twoDevices(t)
	co, other := newID(), newID()
	deps := []wire.PushRecord{
		dependent(wire.KindAssessment, newID(), co, `{"secret":"känslig uppgift"}`),
		dependent(wire.KindAction, newID(), co, `{"secret":"känslig uppgift"}`),
		dependent(wire.KindActor, newID(), co, `{"secret":"känslig uppgift"}`),
		dependent(wire.KindRecommendation, newID(), co, `{"secret":"känslig uppgift"}`),
	}
	e.push(anna, append([]wire.PushRecord{company(co, "känslig uppgift")}, deps...)...)
	e.push(anna, company(other, "Kvar AB"), wire.PushRecord{ChangeID: newID(), ID: newID(), Kind: wire.KindBranding, Doc: json.RawMessage(`{"color":"#123456"}`)})
	cursor := e.pull(bo, 0, 0).Next

	erase := wire.PushRecord{ChangeID: newID(), ID: co, Kind: wire.KindCompany, BaseVersion: 1, Deleted: true}
	if r := e.push(bo, erase)[0]; r.Status != wire.StatusApplied || r.Version != 2 {
		t.Fatalf("erase = %+v", r)
	}
	got := e.pull(anna, cursor, 0)
	if len(got.Changes) != 5 {
		t.Fatalf("anna learns of %d erased records, want 5: %+v", len(got.Changes), got)
	}
	for _, c := range got.Changes {
		if !c.Deleted || c.Doc != nil || c.Version != 2 {
			t.Errorf("erased record = %+v", c)
		}
	}
	if n := e.queryInt("SELECT count(*) FROM records WHERE position('känslig'::bytea in doc) > 0"); n != 0 {
		t.Errorf("%d documents still hold the erased content", n)
	}
	if n := e.queryInt("SELECT count(*) FROM records WHERE doc IS NOT NULL"); n != 2 {
		t.Errorf("records with a document = %d, want the other company and the branding", n)
	}

	log, err := e.store.AuditLog(t.Context(), e.org.ID)
	if err != nil || len(log) != 1 {
		t.Fatalf("audit log = %+v %v", log, err)
	}
	if a := log[0]; a.Action != "erase" || a.RecordID != co || a.Dependents != 4 || a.Kind != wire.KindCompany || a.At.IsZero() {
		t.Errorf("audit row = %+v", a)
	}
	if n := e.queryInt("SELECT count(*) FROM audit_log WHERE row_to_json(audit_log)::text LIKE '%känslig%'"); n != 0 {
		t.Error("the audit row holds content")
	}

	// Nothing comes back: not the company, not a new record of it.
	revive := company(co, "Tillbaka")
	revive.BaseVersion = 2
	if r := e.push(anna, revive)[0]; r.Status != wire.StatusRejected || r.Reason != wire.ReasonErased {
		t.Errorf("revive = %+v", r)
	}
	late := dependent(wire.KindAction, newID(), co, `{"title":"sent"}`)
	if r := e.push(anna, late)[0]; r.Status != wire.StatusRejected || r.Reason != wire.ReasonErased || r.Current == nil || r.Current.ID != co {
		t.Errorf("late record of the erased company = %+v", r)
	}
}

func TestPullParameters(t *testing.T) {
	e, anna, _ := twoDevices(t)
	for _, q := range []string{"since=-1", "since=abc", "limit=0", "limit=1001", "since=1;DROP TABLE records", "limit=1e3"} {
		if status, body := e.do("GET", "/v1/pull?"+q, anna, nil); status != http.StatusBadRequest {
			t.Errorf("pull?%s = %d %s", q, status, body)
		}
	}
	if status, body := e.do("GET", "/v1/pull", anna, nil); status != http.StatusOK || !strings.HasPrefix(string(body), "{\"changes\":[],\"next\":0,\"more\":false,\"advisors\":{\"") {
		t.Errorf("empty pull = %d %s", status, body)
	}
}

func TestOrganisationsOwnActorsAndBrandingNameNoCompany(t *testing.T) {
	e, anna, bo := twoDevices(t)
	actor := wire.PushRecord{ChangeID: newID(), ID: newID(), Kind: wire.KindActor, Doc: json.RawMessage(`{"id":"own-almi"}`)}
	rec := wire.PushRecord{ChangeID: newID(), ID: newID(), Kind: wire.KindRecommendation, Doc: json.RawMessage(`{"id":"own-fair"}`)}
	brand := wire.PushRecord{ChangeID: newID(), ID: wire.BrandingID, Kind: wire.KindBranding, Doc: json.RawMessage(`{"organisation":"Rådgivarna AB"}`)}
	for i, r := range e.push(anna, actor, rec, brand) {
		if r.Status != wire.StatusApplied {
			t.Errorf("record %d = %+v", i, r)
		}
	}
	got := e.pull(bo, 0, 0)
	if len(got.Changes) != 3 || got.Changes[0].Company != "" || got.Changes[2].ID != wire.BrandingID {
		t.Errorf("bo's pull = %+v", got)
	}
	orphan := wire.PushRecord{ChangeID: newID(), ID: newID(), Kind: wire.KindAssessment, Doc: json.RawMessage(`{}`)}
	if status, body := e.do("POST", "/v1/push", anna, wire.PushRequest{Records: []wire.PushRecord{orphan}}); status != http.StatusBadRequest {
		t.Errorf("an assessment without its company = %d %s", status, body)
	}
}
