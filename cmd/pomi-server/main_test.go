package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/selfsigned"
	"github.com/pomi-planner/pomi/server/wire"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// pomi runs one command against db with stdin and returns the exit code,
// stdout and stderr.
func pomi(t *testing.T, db, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append(args, "--database-url", db),
		stdio{in: strings.NewReader(stdin), out: &out, err: &errOut})
	return code, out.String(), errOut.String()
}

func TestAdminCommands(t *testing.T) {
	db := pgtest.NewDB(t)
	steps := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"org", "create", "--name", "Rådgivarna AB"}, exitOK, `created organisation 1 "Rådgivarna AB"`},
		{"", []string{"org", "create", "--name", "Rådgivarna AB"}, exitExists, "already exists"},
		{"", []string{"org", "create"}, exitUsage, "--name"},
		{"", []string{"org", "list"}, exitOK, "Rådgivarna AB"},
		{"en lång hemlighet\n", []string{"advisor", "add", "--org", "Rådgivarna AB", "--name", "Anna Berg", "--email", "Anna@Example.se"}, exitOK, "added advisor 1 anna@example.se"},
		{"en lång hemlighet\n", []string{"advisor", "add", "--org", "1", "--name", "Anna", "--email", "anna@example.se"}, exitExists, "already exists"},
		{"en lång hemlighet\n", []string{"advisor", "add", "--org", "Okänd", "--name", "Bo", "--email", "bo@example.se"}, exitNotFound, "org list"},
		{"kort\n", []string{"advisor", "add", "--org", "1", "--name", "Bo", "--email", "bo@example.se"}, exitUsage, "password"},
		{"", []string{"advisor", "add", "--org", "1", "--name", "Bo", "--email", "bo@example.se"}, exitUsage, "standard input"},
		{"", []string{"advisor", "add", "--org", "1", "--name", "Bo", "--email", "not-an-address"}, exitUsage, "e-mail"},
		{"", []string{"advisor", "add", "--org", "1", "--name", "Bo", "--email", "bo@example.se", "--password", "x"}, exitUsage, "password"},
		{"", []string{"advisor", "list", "--org", "1"}, exitOK, "anna@example.se"},
		{"", []string{"advisor", "disable", "--email", "anna@example.se"}, exitOK, "disabled"},
		{"", []string{"advisor", "list", "--org", "1"}, exitOK, "disabled"},
		{"", []string{"advisor", "enable", "--email", "ANNA@example.se"}, exitOK, "enabled"},
		{"", []string{"advisor", "disable", "--email", "ingen@example.se"}, exitNotFound, "not found"},
		{"en ny lång hemlighet\n", []string{"advisor", "password", "--email", "anna@example.se"}, exitOK, "new password"},
		{"", []string{"device", "list", "--org", "1"}, exitOK, "ID"},
		{"", []string{"device", "revoke", "--org", "1", "--id", "7"}, exitNotFound, "not found"},
		{"", []string{"device", "revoke", "--org", "1", "--id", "x"}, exitUsage, "--id"},
		{"", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"", []string{"migrate"}, exitOK, "schema version 2"},
	}
	for _, s := range steps {
		code, out, errOut := pomi(t, db, s.stdin, s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.want) {
			t.Errorf("pomi-server %s = %d\nstdout: %s\nstderr: %s\nwant %d and %q", strings.Join(s.args, " "), code, out, errOut, s.code, s.want)
		}
	}
	if code, _, errOut := run0(t, "org", "list"); code != exitUsage || !strings.Contains(errOut, "POMI_DATABASE_URL") {
		t.Errorf("no database URL = %d %s", code, errOut)
	}
}

// run0 runs a command without --database-url.
func run0(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv(envDatabaseURL, "")
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errOut})
	return code, out.String(), errOut.String()
}

// The real server, started in-process with a certificate from files, serves
// HTTPS: an advisor added by the admin command signs in, and a device
// revoked by the admin command is refused.
func TestServeOverHTTPSWithAdminCommands(t *testing.T) {
	db := pgtest.NewDB(t)
	pomi(t, db, "", "org", "create", "--name", "Rådgivarna AB")
	if code, _, errOut := pomi(t, db, "en lång hemlighet\n", "advisor", "add", "--org", "1", "--name", "Anna", "--email", "anna@example.se"); code != 0 {
		t.Fatal(errOut)
	}
	cert, err := selfsigned.New()
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile, err := cert.WriteFiles(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := pomi(t, db, "", "serve", "--listen", "127.0.0.1:0"); code != exitUsage || !strings.Contains(errOut, "--cert") {
		t.Errorf("serve without a certificate = %d %s", code, errOut)
	}

	srv := startServe(t, []string{"serve", "--database-url", db, "--listen", "127.0.0.1:0", "--cert", certFile, "--key", keyFile}, cert.Pool)
	base, client := srv.base, srv.client

	if resp, err := client.Get(base + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz = %v %v", resp, err)
	}
	body, _ := json.Marshal(wire.LoginRequest{Email: "anna@example.se", Password: "en lång hemlighet", Device: "Annas laptop"})
	resp, err := client.Post(base+"/v1/login", "application/json", bytes.NewReader(body))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("login = %v %v", resp, err)
	}
	var login wire.LoginResponse
	if err := json.NewDecoder(resp.Body).Decode(&login); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// Plain HTTP is not served.
	if resp, err := http.Get("http://" + strings.TrimPrefix(base, "https://") + "/healthz"); err == nil && resp.StatusCode == http.StatusOK {
		t.Error("plain HTTP answered 200")
	}

	code, out, _ := pomi(t, db, "", "device", "list", "--org", "Rådgivarna AB")
	if code != 0 || !strings.Contains(out, "Annas laptop") || !strings.Contains(out, "active") {
		t.Errorf("device list = %d %s", code, out)
	}
	if code, out, errOut := pomi(t, db, "", "device", "revoke", "--org", "1", "--id", "1"); code != 0 {
		t.Errorf("device revoke = %d %s %s", code, out, errOut)
	}
	req, _ := http.NewRequest("GET", base+"/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+login.Token)
	if resp, err := client.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("revoked device's token = %v %v", resp, err)
	}

	logs := srv.stop(t)
	if strings.Contains(logs, "en lång hemlighet") || strings.Contains(logs, login.Token) {
		t.Error("the log holds a password or token")
	}
}

// served is pomi-server's serve running in-process on a loopback port.
type served struct {
	base   string // https://127.0.0.1:PORT
	client *http.Client
	logs   *bytes.Buffer
	cancel context.CancelFunc
	done   chan int
}

// startServe runs pomi-server with args (serve …) until stop, and gives a
// client trusting pool.
func startServe(t *testing.T, args []string, pool *x509.CertPool) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := &served{logs: &bytes.Buffer{}, cancel: cancel, done: make(chan int, 1)}
	addrc := make(chan net.Addr, 1)
	go func() {
		s.done <- run(ctx, args, stdio{in: strings.NewReader(""), out: s.logs, err: s.logs, listening: func(a net.Addr) { addrc <- a }})
	}()
	select {
	case a := <-addrc:
		s.base = "https://" + a.String()
	case code := <-s.done:
		t.Fatalf("serve exited with %d: %s", code, s.logs.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	s.client = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	return s
}

// stop ends serve, which must exit with exitOK, and returns its log.
func (s *served) stop(t *testing.T) string {
	t.Helper()
	s.cancel()
	select {
	case code := <-s.done:
		if code != exitOK {
			t.Errorf("serve exited with %d: %s", code, s.logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	return s.logs.String()
}
