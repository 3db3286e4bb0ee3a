package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/selfsigned"
)

// userHZ is the unit of the CPU times in /proc/PID/stat: USER_HZ, 100 on
// every Linux architecture Go builds for.
const userHZ = 100

// cluster is PostgreSQL and pomi-server, each a process of its own on
// loopback, so the CPU time of each can be read from /proc.
type cluster struct {
	pg    *pgtest.Server
	dbURL string
	// serverDB is the URL pomi-server gets: dbURL, with pool_max_conns
	// when a pool size was asked for.
	serverDB string
	server   *exec.Cmd
	url      string
	roots    *x509.CertPool
	dir      string
}

// startCluster starts a throw-away PostgreSQL with an empty database.
func startCluster(ctx context.Context) (*cluster, error) {
	pg, err := pgtest.Start()
	if err != nil {
		return nil, fmt.Errorf("start PostgreSQL: %w", err)
	}
	c := &cluster{pg: pg}
	if c.dbURL, err = pg.CreateDB(ctx); err != nil {
		c.stop()
		return nil, err
	}
	if c.dir, err = os.MkdirTemp("", "pomi-teamload-"); err != nil {
		c.stop()
		return nil, err
	}
	return c, nil
}

// startServer runs the pomi-server binary on a free loopback port with a
// fresh self-signed certificate and waits until it listens. The database
// must be migrated (serve migrates too, but finds nothing to do).
func (c *cluster) startServer(bin string, pool int) error {
	c.serverDB = c.dbURL
	if pool > 0 {
		c.serverDB += fmt.Sprintf("&pool_max_conns=%d", pool)
	}
	cert, err := selfsigned.New()
	if err != nil {
		return err
	}
	certFile, keyFile, err := cert.WriteFiles(c.dir)
	if err != nil {
		return err
	}
	c.roots = x509.NewCertPool()
	c.roots.AppendCertsFromPEM(cert.CertPEM)
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--cert", certFile, "--key", keyFile)
	cmd.Env = append(os.Environ(), "POMI_DATABASE_URL="+c.serverDB)
	logs, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", bin, err)
	}
	c.server = cmd
	if c.url, err = listenAddr(logs); err != nil {
		return fmt.Errorf("pomi-server: %w", err)
	}
	go func() { _, _ = io.Copy(io.Discard, logs) }()
	return nil
}

// listenAddr reads the server's log until it says where it listens.
func listenAddr(logs io.Reader) (string, error) {
	sc := bufio.NewScanner(logs)
	deadline := time.AfterFunc(30*time.Second, func() {
		if cl, ok := logs.(io.Closer); ok {
			cl.Close()
		}
	})
	defer deadline.Stop()
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "addr=https://"); i >= 0 {
			return strings.Fields(line[i+len("addr="):])[0], nil
		}
	}
	return "", errors.New("exited or timed out before listening")
}

// httpClient is one device's HTTPS client: its own connections, trusting
// the server's certificate only.
func (c *cluster) httpClient() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: c.roots, MinVersion: tls.VersionTLS12}, MaxIdleConnsPerHost: 4}
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute}
}

// stop ends pomi-server and PostgreSQL and removes their files.
func (c *cluster) stop() {
	if c.server != nil && c.server.Process != nil {
		_ = c.server.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = c.server.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = c.server.Process.Kill()
		}
	}
	if c.dir != "" {
		_ = os.RemoveAll(c.dir)
	}
	if err := c.pg.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "teamload: stop PostgreSQL:", err)
	}
}

// cpu is CPU time used so far by pomi-server, by PostgreSQL and by this
// process (the simulated devices).
type cpu struct{ server, postgres, self time.Duration }

func (a cpu) sub(b cpu) cpu {
	return cpu{a.server - b.server, a.postgres - b.postgres, a.self - b.self}
}

// selfCPU is this process's CPU time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuNow reads both from /proc. PostgreSQL's is the postmaster's own and
// its finished children's (cutime, cstime) plus every live backend's.
func (c *cluster) cpuNow() (cpu, error) {
	out := cpu{self: selfCPU()}
	if c.server != nil {
		st, err := readStat(c.server.Process.Pid)
		if err != nil {
			return out, err
		}
		out.server = st.own()
	}
	pm, err := c.postmasterPID()
	if err != nil {
		return out, err
	}
	st, err := readStat(pm)
	if err != nil {
		return out, err
	}
	out.postgres = st.own() + st.children()
	kids, err := childrenOf(pm)
	for _, k := range kids {
		out.postgres += k.own()
	}
	return out, err
}

// postmasterPID is the first line of the data directory's postmaster.pid.
func (c *cluster) postmasterPID() (int, error) {
	b, err := os.ReadFile(filepath.Join(c.pg.Dir, "data", "postmaster.pid"))
	if err != nil {
		return 0, fmt.Errorf("postmaster pid: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strconv.Atoi(strings.TrimSpace(line))
}

// procStat holds the fields of /proc/PID/stat used here, in clock ticks.
type procStat struct {
	ppid                         int
	utime, stime, cutime, cstime int64
}

func (s procStat) own() time.Duration {
	return time.Duration(s.utime+s.stime) * time.Second / userHZ
}

func (s procStat) children() time.Duration {
	return time.Duration(s.cutime+s.cstime) * time.Second / userHZ
}

// readStat reads /proc/PID/stat; the command name may hold spaces and
// parentheses, so the fields are counted from its last closing one.
func readStat(pid int) (procStat, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, err
	}
	st, err := parseStat(b)
	if err != nil {
		return st, fmt.Errorf("/proc/%d/stat: %w", pid, err)
	}
	return st, nil
}

// parseStat parses the text of /proc/PID/stat.
func parseStat(b []byte) (procStat, error) {
	i := strings.LastIndexByte(string(b), ')')
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 15 {
		return procStat{}, fmt.Errorf("%d fields", len(f))
	}
	n := func(k int) int64 { v, _ := strconv.ParseInt(f[k], 10, 64); return v }
	// f[0] is field 3 (state): ppid is field 4, utime..cstime 14..17.
	return procStat{ppid: int(n(1)), utime: n(11), stime: n(12), cutime: n(13), cstime: n(14)}, nil
}

// childrenOf returns the stats of pid's live child processes.
func childrenOf(pid int) ([]procStat, error) {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil, err
	}
	var out []procStat
	for _, e := range ents {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, err := readStat(p); err == nil && st.ppid == pid {
			out = append(out, st)
		}
	}
	return out, nil
}
