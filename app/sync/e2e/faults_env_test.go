package e2e

import (
	"bufio"
	"crypto/tls"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/internal/faultproxy"
)

// buildServer builds the real cmd/pomi-server into a folder of t's, for
// the tests that kill it; they share one build through subtests.
func buildServer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "pomi-server")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/pomi-planner/pomi/cmd/pomi-server")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build pomi-server: %v\n%s", err, out)
	}
	return bin
}

// serverProc is one running pomi-server serve process.
type serverProc struct {
	cmd  *exec.Cmd
	addr string // host:port it listens on
	done chan struct{}
	mu   sync.Mutex
	log  strings.Builder
}

var listeningRE = regexp.MustCompile(`addr=https://(\S+)`)

// startServer runs `pomi-server serve` on e's database and certificate,
// on a free loopback port, and waits until it listens.
func (e *env) startServer(bin string) *serverProc {
	e.t.Helper()
	dir := e.t.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	must(e.t, os.WriteFile(certFile, e.cert.CertPEM, 0o600))
	must(e.t, os.WriteFile(keyFile, e.cert.KeyPEM, 0o600))
	p := &serverProc{done: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve", "--database-url", e.url, "--listen", "127.0.0.1:0", "--cert", certFile, "--key", keyFile)
	stderr, err := p.cmd.StderrPipe()
	must(e.t, err)
	must(e.t, p.cmd.Start())
	e.t.Cleanup(func() {
		p.kill()
		if e.t.Failed() {
			e.t.Logf("pomi-server's log:\n%s", p.output())
		}
	})
	addr := make(chan string, 1)
	go p.read(stderr, addr)
	select {
	case p.addr = <-addr:
	case <-p.done:
		e.t.Fatalf("pomi-server stopped at start:\n%s", p.output())
	case <-time.After(30 * time.Second):
		e.t.Fatalf("pomi-server did not start:\n%s", p.output())
	}
	return p
}

// read keeps the server's log and reports the address it listens on.
func (p *serverProc) read(r io.Reader, addr chan<- string) {
	defer close(p.done)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		p.mu.Lock()
		p.log.WriteString(line + "\n")
		p.mu.Unlock()
		if m := listeningRE.FindStringSubmatch(line); m != nil {
			select {
			case addr <- m[1]:
			default:
			}
		}
	}
}

func (p *serverProc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// kill sends SIGKILL, as a crash or the OOM killer would, and waits.
func (p *serverProc) kill() {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Kill()
	<-p.done
	_ = p.cmd.Wait()
}

// newProxy puts a fault proxy in front of addr, closed when the test ends.
func newProxy(t *testing.T, addr string) *faultproxy.Proxy {
	t.Helper()
	p, err := faultproxy.New(addr)
	must(t, err)
	t.Cleanup(func() { p.Close() })
	return p
}

// transport is the devices' HTTP client setup: trusting e's certificate
// only, with the device's clock for checking it; keepAlive false opens a
// connection per request, so byte offsets fall in a known request.
func (e *env) transport(now func() time.Time, keepAlive bool) *http.Client {
	tr := &http.Transport{
		TLSClientConfig:   &tls.Config{RootCAs: e.cert.Pool, MinVersion: tls.VersionTLS12, Time: now},
		DisableKeepAlives: !keepAlive,
	}
	return &http.Client{Timeout: 10 * time.Second, Transport: tr}
}

// figure is one line of the fault tests' table, logged as
// "FAULT-FIGURE scenario | ms | rounds | requests | connections | records".
type figure struct {
	scenario string
	took     time.Duration // the converging round
	rounds   int           // rounds until converged, the failed one included
	requests int           // HTTP requests of the converging round, retries included
	conns    int           // connections the proxy saw for it (-1: no proxy)
	records  int           // records it pushed, pulled or merged
}

func (f figure) log(t *testing.T) {
	t.Helper()
	t.Logf("FAULT-FIGURE %s | %.0f ms | %d rounds | %d requests | %d connections | %d records",
		f.scenario, float64(f.took.Microseconds())/1000, f.rounds, f.requests, f.conns, f.records)
}

// timed runs a round of d and measures it; p, when set, counts connections.
func timed(name string, d *sqlDevice, p *faultproxy.Proxy, rounds int) figure {
	d.t.Helper()
	conns, reqs := 0, d.requests.Load()
	if p != nil {
		conns = p.Stats().Conns
	}
	start := time.Now()
	st := d.sync()
	f := figure{scenario: name, took: time.Since(start), rounds: rounds, conns: -1,
		requests: int(d.requests.Load() - reqs), records: st.Pushed + st.Pulled + st.Merged}
	if p != nil {
		f.conns = p.Stats().Conns - conns
	}
	return f
}
