package pgtest

import (
	"fmt"
	"testing"
)

// Halt stops the server as an administrator's restart does (pg_ctl -m
// fast: open sessions are ended, their transactions rolled back), keeping
// its data; Resume starts it again. Not -m immediate: the server runs
// with synchronous_commit off for speed, so a crash could lose commits it
// had acknowledged, which no client could guard against.
func (s *Server) Halt() error {
	if err := s.run("pg_ctl", "-D", s.dataDir(), "-m", "fast", "-w", "stop"); err != nil {
		return fmt.Errorf("halt: %w", err)
	}
	return nil
}

// Resume starts a halted server again on the same port, with the same
// data, and waits until it accepts connections.
func (s *Server) Resume() error {
	if err := s.start(); err != nil {
		return fmt.Errorf("resume: %w", err)
	}
	return nil
}

// Halt stops the package's server (see Server.Halt); every
// database on it is unreachable until Resume. Tests that call it must not
// run in parallel with others of their package.
func Halt(t testing.TB) {
	t.Helper()
	if current == nil {
		t.Fatal("pgtest: no server; call pgtest.Main(m) from TestMain")
	}
	if err := current.Halt(); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
}

// Resume starts the package's server again after Halt, on the same port.
func Resume(t testing.TB) {
	t.Helper()
	if current == nil {
		t.Fatal("pgtest: no server; call pgtest.Main(m) from TestMain")
	}
	if err := current.Resume(); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
}
