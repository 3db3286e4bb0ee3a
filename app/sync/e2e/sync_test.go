package e2e

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

const companyID = "c0000000-0000-4000-8000-000000000001"

// shared makes a company on a and syncs it to b.
func shared(t *testing.T, a, b *device, doc string) {
	t.Helper()
	if err := a.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(doc)); err != nil {
		t.Fatal(err)
	}
	a.sync(t)
	b.sync(t)
	if got := b.doc(t, companyID); got != a.doc(t, companyID) {
		t.Fatalf("b has %s, a %s", got, a.doc(t, companyID))
	}
}

func TestDifferentFieldsMerge(t *testing.T) {
	e := newEnv(t)
	a, b := e.device("anna@example.se", nil), e.device("bo@example.se", nil)
	shared(t, a, b, `{"name":"Acme","city":"Lund","size":10}`)
	must(t, a.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{"name":"Acme AB","city":"Lund","size":10}`)))
	must(t, b.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{"name":"Acme","city":"Malmö","size":10}`)))
	a.sync(t)
	if st := b.sync(t); st.Merged != 1 || st.Conflicts != 0 {
		t.Errorf("b's round: %+v", st)
	}
	a.sync(t)
	want := `{"city":"Malmö","name":"Acme AB","size":10}`
	if a.doc(t, companyID) != want || b.doc(t, companyID) != want {
		t.Errorf("a %s, b %s, want %s", a.doc(t, companyID), b.doc(t, companyID), want)
	}
}

func TestSameFieldConflictThenConverge(t *testing.T) {
	e := newEnv(t)
	a, b := e.device("anna@example.se", nil), e.device("bo@example.se", nil)
	shared(t, a, b, `{"name":"Acme"}`)
	must(t, a.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{"name":"Acme AB"}`)))
	must(t, b.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{"name":"Acme Ltd"}`)))
	a.sync(t)
	b.sync(t)
	cs, err := b.store.Conflicts(companyID)
	must(t, err)
	if len(cs) != 1 || cs[0].Pointer() != "/name" || string(cs[0].Local) != `"Acme Ltd"` || string(cs[0].Remote) != `"Acme AB"` {
		t.Fatalf("conflicts = %+v", cs)
	}
	must(t, b.store.Resolve(companyID, []merge.Side{merge.Remote}))
	b.sync(t)
	a.sync(t)
	if a.doc(t, companyID) != `{"name":"Acme AB"}` || b.doc(t, companyID) != a.doc(t, companyID) {
		t.Errorf("a %s, b %s", a.doc(t, companyID), b.doc(t, companyID))
	}
}

// loseFirstPush performs the first push and then reports a network error.
type loseFirstPush struct {
	next http.RoundTripper
	lost atomic.Bool
}

func (l *loseFirstPush) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.next.RoundTrip(r)
	if err == nil && r.URL.Path == "/v1/push" && l.lost.CompareAndSwap(false, true) {
		resp.Body.Close()
		return nil, errors.New("connection reset (simulated)")
	}
	return resp, err
}

func TestLostPushAnswerAppliedOnce(t *testing.T) {
	e := newEnv(t)
	lose := &loseFirstPush{}
	a := e.device("anna@example.se", func(rt http.RoundTripper) http.RoundTripper { lose.next = rt; return lose })
	b := e.device("bo@example.se", nil)
	must(t, a.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{"name":"Acme"}`)))
	if st := a.sync(t); st.Pushed != 1 || !lose.lost.Load() {
		t.Fatalf("a's round: %+v (lost %v)", st, lose.lost.Load())
	}
	resp, err := b.client.Pull(ctx, 0, 0)
	must(t, err)
	if len(resp.Changes) != 1 || resp.Changes[0].Version != 1 {
		t.Fatalf("server holds %+v, want one record at version 1", resp.Changes)
	}
	if a.store.PendingCount() != 0 {
		t.Error("still pending")
	}
}

func TestUnauthorizedIsTyped(t *testing.T) {
	e := newEnv(t)
	a := e.device("anna@example.se", nil)
	check := func(name, code string) {
		t.Helper()
		_, err := a.syncer.Sync(ctx)
		var ce *client.Error
		if !errors.Is(err, client.ErrUnauthorized) || !errors.As(err, &ce) || ce.Code != code {
			t.Errorf("%s: %v", name, err)
		}
	}
	token := a.client.Token
	a.client.Token = "wrong"
	check("wrong token", wire.ErrUnauthorized)
	a.client.Token = token
	me, err := a.client.Me(ctx)
	must(t, err)
	e.sql("UPDATE devices SET expires_at = now() - interval '1 second' WHERE id = $1", me.DeviceID)
	check("expired", wire.ErrTokenExpired)
	e.sql("UPDATE devices SET expires_at = now() + interval '1 hour' WHERE id = $1", me.DeviceID)
	if _, err := e.store.RevokeDevice(ctx, e.org.ID, me.DeviceID); err != nil {
		t.Fatal(err)
	}
	check("revoked", wire.ErrDeviceRevoked)
	if _, err := a.client.Login(ctx, "anna@example.se", "not the password", "x"); !errors.Is(err, client.ErrUnauthorized) {
		t.Errorf("bad password: %v", err)
	}
}

func TestLogout(t *testing.T) {
	e := newEnv(t)
	a := e.device("anna@example.se", nil)
	must(t, a.client.Logout(ctx))
	if _, err := a.client.Me(ctx); !errors.Is(err, client.ErrUnauthorized) {
		t.Errorf("after logout: %v", err)
	}
}

func TestServerStoppedIsOfflineAndKeepsChanges(t *testing.T) {
	e := newEnv(t)
	a, b := e.device("anna@example.se", nil), e.device("bo@example.se", nil)
	a.client.Attempts = 2
	must(t, a.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{"name":"Acme"}`)))
	e.srv.Close()
	st, err := a.syncer.Sync(ctx)
	if !errors.Is(err, client.ErrOffline) || !st.Offline {
		t.Fatalf("status %+v, err %v", st, err)
	}
	if a.store.PendingCount() != 1 {
		t.Fatal("local change lost")
	}
	e.start()
	a.client.BaseURL, b.client.BaseURL = e.srv.URL, e.srv.URL
	a.sync(t)
	b.sync(t)
	if b.doc(t, companyID) != `{"name":"Acme"}` {
		t.Errorf("b has %s", b.doc(t, companyID))
	}
}

func TestErasePulledRemovesCompanyAndItsRecords(t *testing.T) {
	e := newEnv(t)
	a, b := e.device("anna@example.se", nil), e.device("bo@example.se", nil)
	const actionID = "a0000000-0000-4000-8000-000000000002"
	must(t, a.store.Edit(actionID, wire.KindAction, companyID, json.RawMessage(`{"title":"Call"}`)))
	shared(t, a, b, `{"name":"Acme"}`)
	b.doc(t, actionID)
	must(t, a.store.Delete(companyID))
	a.sync(t)
	st := b.sync(t)
	if _, ok := b.store.Doc(companyID); ok {
		t.Error("b still has the company")
	}
	if _, ok := b.store.Doc(actionID); ok {
		t.Error("b still has the action")
	}
	if st.Erased != 2 {
		t.Errorf("b's round: %+v", st)
	}
	if err := b.store.Edit(companyID, wire.KindCompany, "", json.RawMessage(`{}`)); !errors.Is(err, engine.ErrErased) {
		t.Errorf("edit erased: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
