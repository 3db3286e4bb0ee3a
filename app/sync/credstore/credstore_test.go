package credstore

import (
	"errors"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestModeFrom(t *testing.T) {
	for v, want := range map[string]Mode{"": Auto, "auto": Auto, " Keyring ": Keyring, "file": File} {
		if got, err := ModeFrom(func(string) string { return v }); err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", v, got, err, want)
		}
	}
	if _, err := ModeFrom(func(string) string { return "vault" }); !errors.Is(err, ErrBadMode) {
		t.Errorf("vault: %v", err)
	}
}

func TestAccountsOfTwoFoldersDiffer(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	const srv = "https://pomi.example.se"
	if Account(a, srv) == Account(b, srv) || Account(a, srv) == Account(a, "https://other.example.se") {
		t.Error("two folders or two servers share an entry")
	}
	if Account(filepath.Join(a, "x", ".."), srv) != Account(a, srv) {
		t.Error("the same folder spelt two ways has two entries")
	}
}

// A store that never answers (a prompt nobody sees) costs Timeout, not
// a hung sign-in.
func TestAStoreThatDoesNotAnswerTimesOut(t *testing.T) {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
	}
	defer func(d time.Duration) { Timeout = d }(Timeout)
	Timeout = 20 * time.Millisecond
	block := make(chan struct{})
	defer close(block)
	start := time.Now()
	err := call("read", func() error { <-block; return nil })
	if !errors.Is(err, ErrTimeout) || time.Since(start) > 5*time.Second {
		t.Errorf("%v after %v", err, time.Since(start))
	}
}
