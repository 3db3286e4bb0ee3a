package api_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/selfsigned"
	"github.com/pomi-planner/pomi/server/wire"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// fastHash keeps tests quick; the stored hash carries its own parameters.
var fastHash = auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

const password = "correct horse battery"

// env is a migrated database, a real pomi-server API on HTTPS with a
// certificate made for the test, and a client trusting only it.
type env struct {
	t      *testing.T
	url    string
	store  *pgstore.Store
	srv    *httptest.Server
	client *http.Client
	org    pgstore.Organisation
}

func newEnv(t *testing.T, cfg api.Config) *env {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	store, err := pgstore.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, err := store.CreateOrganisation(ctx, "Rådgivarna AB")
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, url: url, store: store, org: org}
	e.srv, e.client = startTLS(t, store, cfg)
	return e
}

// startTLS serves the API over real HTTPS on loopback.
func startTLS(t *testing.T, store api.Store, cfg api.Config) (*httptest.Server, *http.Client) {
	t.Helper()
	cert, err := selfsigned.New()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	h := api.New(store, cfg)
	srv := httptest.NewUnstartedServer(h)
	srv.Config = api.NewHTTPServer("", h, cfg.Log)
	srv.TLS = api.TLSConfig()
	srv.TLS.Certificates = []tls.Certificate{cert.TLS}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: cert.Pool, MinVersion: tls.VersionTLS12},
	}}
	return srv, client
}

// addAdvisor adds an advisor with the test password to an organisation.
func (e *env) addAdvisor(orgID int64, name, email string) pgstore.Advisor {
	e.t.Helper()
	hash, err := auth.HashPassword(password, fastHash)
	if err != nil {
		e.t.Fatal(err)
	}
	a, err := e.store.AddAdvisor(context.Background(), orgID, name, email, hash)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// do sends a request (body marshalled unless it is []byte) and returns the
// status and body.
func (e *env) do(method, path, token string, body any) (int, []byte) {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp.StatusCode, out
}

// login signs in and returns the token, failing the test otherwise.
func (e *env) login(email, device string) string {
	e.t.Helper()
	status, body := e.do("POST", "/v1/login", "", wire.LoginRequest{Email: email, Password: password, Device: device})
	if status != http.StatusOK {
		e.t.Fatalf("login %s: %d %s", email, status, body)
	}
	var resp wire.LoginResponse
	mustUnmarshal(e.t, body, &resp)
	return resp.Token
}

func (e *env) push(token string, recs ...wire.PushRecord) []wire.PushResult {
	e.t.Helper()
	status, body := e.do("POST", "/v1/push", token, wire.PushRequest{Records: recs})
	if status != http.StatusOK {
		e.t.Fatalf("push: %d %s", status, body)
	}
	var resp wire.PushResponse
	mustUnmarshal(e.t, body, &resp)
	if len(resp.Results) != len(recs) {
		e.t.Fatalf("push: %d results for %d records", len(resp.Results), len(recs))
	}
	return resp.Results
}

func (e *env) pull(token string, since int64, limit int) wire.PullResponse {
	e.t.Helper()
	path := "/v1/pull?since=" + itoa(since)
	if limit > 0 {
		path += "&limit=" + itoa(int64(limit))
	}
	status, body := e.do("GET", path, token, nil)
	if status != http.StatusOK {
		e.t.Fatalf("pull: %d %s", status, body)
	}
	var resp wire.PullResponse
	mustUnmarshal(e.t, body, &resp)
	return resp
}

// sql runs a statement straight on the test database.
func (e *env) sql(query string, args ...any) {
	e.t.Helper()
	conn, err := pgx.Connect(context.Background(), e.url)
	if err != nil {
		e.t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), query, args...); err != nil {
		e.t.Fatal(err)
	}
}

// queryInt runs a query that returns one integer.
func (e *env) queryInt(query string, args ...any) int64 {
	e.t.Helper()
	conn, err := pgx.Connect(context.Background(), e.url)
	if err != nil {
		e.t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int64
	if err := conn.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

func mustUnmarshal(t *testing.T, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}

func errorCode(t *testing.T, raw []byte) string {
	t.Helper()
	var e wire.Error
	mustUnmarshal(t, raw, &e)
	return e.Error
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

var uuidSeq atomic.Uint64

// newID returns a fresh UUID-shaped id.
func newID() string {
	n := uuidSeq.Add(1)
	return fmt.Sprintf("%08x-0000-4000-8000-%012x", uint32(time.Now().UnixNano()), n)
}

func company(id, name string) wire.PushRecord {
	return wire.PushRecord{ChangeID: newID(), ID: id, Kind: wire.KindCompany, Doc: json.RawMessage(`{"name":` + strconv.Quote(name) + `}`)}
}

func dependent(kind wire.Kind, id, companyID, doc string) wire.PushRecord {
	return wire.PushRecord{ChangeID: newID(), ID: id, Kind: kind, Company: companyID, Doc: json.RawMessage(doc)}
}
