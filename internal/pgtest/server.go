package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

const (
	superuser = "postgres"
	// nobody is the user a root test process runs PostgreSQL as (Debian's
	// nobody:nogroup).
	nobodyID = 65534
)

// Server is a running throw-away PostgreSQL server.
type Server struct {
	// Dir is the temporary directory holding the data and the socket.
	Dir string
	// Port is the TCP port it listens on at 127.0.0.1.
	Port int

	bin     string
	asOther bool
}

// Start creates a cluster in a new temporary directory and starts it.
func Start() (*Server, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pomi-pgtest-")
	if err != nil {
		return nil, fmt.Errorf("temp dir: %w", err)
	}
	s := &Server{Dir: dir, bin: bin, asOther: os.Geteuid() == 0}
	if err := s.init(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	if err := s.startOnFreePort(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// Stop stops the server at once and removes its directory.
func (s *Server) Stop() error {
	err := s.run("pg_ctl", "-D", s.dataDir(), "-m", "immediate", "-w", "stop")
	if rmErr := os.RemoveAll(s.Dir); rmErr != nil && err == nil {
		err = fmt.Errorf("remove %s: %w", s.Dir, rmErr)
	}
	return err
}

func (s *Server) dataDir() string { return filepath.Join(s.Dir, "data") }

// init runs initdb; as root it first hands the directory to nobody.
func (s *Server) init() error {
	if s.asOther {
		if err := os.Chown(s.Dir, nobodyID, nobodyID); err != nil {
			return fmt.Errorf("chown %s to nobody: %w", s.Dir, err)
		}
	}
	return s.run("initdb", "-D", s.dataDir(), "-U", superuser, "--auth=trust",
		"--no-locale", "--encoding=UTF8", "--no-sync", "--no-instructions")
}

// startOnFreePort starts the server, trying again on another port when a
// port picked as free was taken meanwhile.
func (s *Server) startOnFreePort() error {
	var err error
	for range 3 {
		if s.Port, err = freePort(); err != nil {
			return err
		}
		if err = s.start(); err == nil {
			return nil
		}
	}
	return err
}

func (s *Server) start() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off "+
		"-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", s.Port, s.Dir)
	logFile := filepath.Join(s.Dir, "server.log")
	if err := s.run("pg_ctl", "-D", s.dataDir(), "-l", logFile, "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(logFile)
		return fmt.Errorf("%w\nserver log:\n%s", err, log)
	}
	return s.ping()
}

// ping waits until the server accepts a connection.
func (s *Server) ping() error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := pgx.Connect(ctx, s.URL("postgres"))
		if err == nil {
			err = conn.Ping(ctx)
			_ = conn.Close(ctx)
		}
		cancel()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// run runs one of the PostgreSQL programs, as nobody when we are root.
func (s *Server) run(prog string, args ...string) error {
	path := filepath.Join(s.bin, prog)
	if s.asOther {
		args = append([]string{"--reuid=" + strconv.Itoa(nobodyID), "--regid=" + strconv.Itoa(nobodyID),
			"--clear-groups", "--", path}, args...)
		path = "setpriv"
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "PGTZ=UTC")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %w\n%s", prog, args, err, out.Bytes())
	}
	return nil
}

// debianBinGlob is where Debian's postgresql-NN packages put the programs.
var debianBinGlob = "/usr/lib/postgresql/*/bin"

// findBinaries returns the directory holding both initdb and pg_ctl.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		dir := filepath.Dir(p)
		if isFile(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob(debianBinGlob)
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, dir := range dirs {
		if isFile(filepath.Join(dir, "initdb")) && isFile(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	return "", ErrNoBinaries
}

// versionOf reads the major version out of /usr/lib/postgresql/N/bin.
func versionOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("find a free port: not a TCP address")
	}
	return addr.Port, nil
}
