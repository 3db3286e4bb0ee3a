package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/wire"
)

func TestOversizedBodyIs413(t *testing.T) {
	e, anna, _ := twoDevices(t)
	big := `{"records":[{"change_id":"` + newID() + `","id":"` + newID() + `","kind":"company","base_version":0,"doc":{"x":"` +
		strings.Repeat("a", api.DefaultMaxBody) + `"}}]}`
	status, body := e.do("POST", "/v1/push", anna, []byte(big))
	if status != http.StatusRequestEntityTooLarge || errorCode(t, body) != wire.ErrTooLarge {
		t.Errorf("9 MB push = %d %s", status, body)
	}
	status, _ = e.do("POST", "/v1/login", "", []byte(`{"email":"`+strings.Repeat("a", 100<<10)+`"}`))
	if status != http.StatusRequestEntityTooLarge {
		t.Errorf("100 KB login = %d", status)
	}
	if n := e.queryInt("SELECT count(*) FROM records"); n != 0 {
		t.Errorf("records = %d", n)
	}
}

func TestMalformedRequestsAre400(t *testing.T) {
	e, anna, _ := twoDevices(t)
	id, cid, co := newID(), newID(), newID()
	rec := func(fields string) string { return `{"records":[{` + fields + `}]}` }
	ok := `"change_id":"` + cid + `","id":"` + id + `","kind":"company","base_version":0`
	for _, c := range []struct{ body, code string }{
		{``, wire.ErrMalformedJSON},
		{`{`, wire.ErrMalformedJSON},
		{`{"records":[}`, wire.ErrMalformedJSON},
		{`{"records":{}}`, wire.ErrMalformedJSON},
		{`{"records":[]} {"records":[]}`, wire.ErrMalformedJSON},
		{"{\"records\":[],\"x\":\"\xff\"}", wire.ErrMalformedJSON},
		{rec(ok + `,"doc":{"a":}`), wire.ErrMalformedJSON},
		{rec(ok + `,"base_version":"1","doc":{}`), wire.ErrMalformedJSON},
		{rec(ok), wire.ErrBadRequest},                                      // no doc
		{rec(ok + `,"doc":[1]`), wire.ErrBadRequest},                       // not an object
		{rec(ok + `,"doc":"{}"`), wire.ErrBadRequest},                      // a string
		{rec(ok + `,"deleted":true,"doc":{}`), wire.ErrBadRequest},         // a tombstone with a doc
		{rec(ok + `,"company":"` + co + `","doc":{}`), wire.ErrBadRequest}, // a company in a company
		{rec(`"change_id":"` + cid + `","id":"` + id + `","kind":"action","doc":{}`), wire.ErrBadRequest},
		{rec(`"change_id":"x","id":"` + id + `","kind":"company","doc":{}`), wire.ErrBadRequest},
		{rec(`"change_id":"` + cid + `","id":"` + id + `","kind":"company","base_version":-1,"doc":{}`), wire.ErrBadRequest},
		{`{"records":[{` + ok + `,"doc":{}},{` + ok + `,"doc":{}}]}`, wire.ErrBadRequest}, // the same record twice
	} {
		status, body := e.do("POST", "/v1/push", anna, []byte(c.body))
		if status != http.StatusBadRequest || errorCode(t, body) != c.code {
			t.Errorf("push %q = %d %s, want 400 %s", c.body, status, body, c.code)
		}
	}
	if status, body := e.do("POST", "/v1/login", "", []byte(`{"email":`)); status != http.StatusBadRequest || errorCode(t, body) != wire.ErrMalformedJSON {
		t.Errorf("malformed login = %d %s", status, body)
	}
	if status, body := e.do("GET", "/v1/nothing", anna, nil); status != http.StatusNotFound || errorCode(t, body) != wire.ErrNotFound {
		t.Errorf("unknown path = %d %s", status, body)
	}
}

// sqlText is what an attacker might type into any field.
const sqlText = `Robert'); DROP TABLE records; -- " OR 1=1; $1 %s \ ; DELETE FROM advisors`

func TestSQLInEveryFieldIsStoredVerbatim(t *testing.T) {
	e := newEnv(t, api.Config{})
	ctx := context.Background()
	org, err := e.store.CreateOrganisation(ctx, sqlText)
	if err != nil {
		t.Fatal(err)
	}
	email := "o'reilly--drop@example.se"
	hash, _ := auth.HashPassword(sqlText, fastHash)
	if _, err := e.store.AddAdvisor(ctx, org.ID, sqlText, email, hash); err != nil {
		t.Fatal(err)
	}
	status, body := e.do("POST", "/v1/login", "", wire.LoginRequest{Email: email, Password: sqlText, Device: sqlText})
	if status != http.StatusOK {
		t.Fatalf("login = %d %s", status, body)
	}
	var login wire.LoginResponse
	mustUnmarshal(t, body, &login)
	if login.AdvisorName != sqlText || login.Organisation != sqlText {
		t.Errorf("login = %+v", login)
	}
	if status, _ := e.do("POST", "/v1/login", "", wire.LoginRequest{Email: email, Password: "' OR '1'='1", Device: "x"}); status != http.StatusUnauthorized {
		t.Errorf("SQL as password = %d", status)
	}

	doc, _ := json.Marshal(map[string]string{sqlText: sqlText, "nul": "a\x00b", "emoji": "😀"})
	co := newID()
	res := e.push(login.Token, wire.PushRecord{ChangeID: newID(), ID: co, Kind: wire.KindCompany, Doc: doc},
		dependent(wire.KindActor, newID(), co, string(doc)))
	if res[0].Status != wire.StatusApplied || res[1].Status != wire.StatusApplied {
		t.Fatalf("push = %+v", res)
	}
	got := e.pull(login.Token, 0, 0)
	for _, c := range got.Changes {
		var m map[string]string
		mustUnmarshal(t, c.Doc, &m)
		if m[sqlText] != sqlText || m["nul"] != "a\x00b" || m["emoji"] != "😀" {
			t.Errorf("doc came back as %s", c.Doc)
		}
	}
	// Ids and kinds full of SQL are refused before any query.
	for _, bad := range []string{
		`{"records":[{"change_id":"` + newID() + `","id":"'; DROP TABLE records; --","kind":"company","doc":{}}]}`,
		`{"records":[{"change_id":"` + newID() + `","id":"` + newID() + `","kind":"company'; DROP TABLE records; --","doc":{}}]}`,
	} {
		if status, _ := e.do("POST", "/v1/push", login.Token, []byte(bad)); status != http.StatusBadRequest {
			t.Errorf("push %s = %d", bad, status)
		}
	}
	me := wire.Me{}
	_, body = e.do("GET", "/v1/me", login.Token, nil)
	mustUnmarshal(t, body, &me)
	if me.DeviceName != sqlText {
		t.Errorf("device name = %q", me.DeviceName)
	}
	for _, table := range []string{"organisations", "advisors", "devices", "records", "applied_changes", "audit_log", "login_failures"} {
		e.queryInt("SELECT count(*) FROM " + table) // every table is still there
	}
	if n := e.queryInt("SELECT count(*) FROM advisors"); n != 1 {
		t.Errorf("advisors = %d", n)
	}
}

// Two devices pushing on the same base at the same moment: exactly one wins.
func TestConcurrentPushesOnOneBaseApplyOnce(t *testing.T) {
	e, anna, bo := twoDevices(t)
	co := newID()
	e.push(anna, company(co, "Start"))
	var wg sync.WaitGroup
	results := make([]wire.PushResult, 8)
	for i := range results {
		wg.Go(func() {
			tok := anna
			if i%2 == 1 {
				tok = bo
			}
			rec := company(co, "edit")
			rec.BaseVersion = 1
			raw, _ := json.Marshal(wire.PushRequest{Records: []wire.PushRecord{rec}})
			req, _ := http.NewRequest("POST", e.srv.URL+"/v1/push", bytes.NewReader(raw))
			req.Header.Set("Authorization", "Bearer "+tok)
			resp, err := e.client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			var pr wire.PushResponse
			if err := json.NewDecoder(resp.Body).Decode(&pr); err != nil || len(pr.Results) != 1 {
				t.Errorf("push %d: %v %+v", i, err, pr)
				return
			}
			results[i] = pr.Results[0]
		})
	}
	wg.Wait()
	applied := 0
	for _, r := range results {
		if r.Status == wire.StatusApplied {
			applied++
		} else if r.Status != wire.StatusConflict || r.Current.Version != 2 {
			t.Errorf("result = %+v", r)
		}
	}
	if applied != 1 {
		t.Errorf("%d of %d concurrent pushes on one base applied, want 1", applied, len(results))
	}
}
