// Package credstore keeps secrets in the operating system's credential
// store: Windows Credential Manager, the macOS Keychain, or the Secret
// Service (GNOME Keyring, KWallet) over D-Bus on Linux, through go-keyring.
// It has no fallback of its own: the caller decides what to do when the
// store cannot be used (teamfile then keeps the token in a 0600 file).
package credstore

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the name every entry is filed under, the one a user sees in
// Keychain Access, Credential Manager or Seahorse.
const Service = "POMI Planner"

// EnvVar chooses the store: auto (the default), keyring or file.
const EnvVar = "POMI_CREDENTIAL_STORE"

// Mode is where secrets may go, as EnvVar says.
type Mode string

// The modes of EnvVar.
const (
	// Auto uses the credential store when there is one, else the file.
	Auto Mode = "auto"
	// Keyring insists on the credential store: an error when it fails.
	Keyring Mode = "keyring"
	// File never touches the credential store (tests, shared machines).
	File Mode = "file"
)

// Errors for errors.Is.
var (
	// ErrNotFound: the store holds no entry for the account.
	ErrNotFound = errors.New("no entry in the credential store")
	// ErrUnavailable: this session has no credential store to talk to.
	ErrUnavailable = errors.New("no credential store in this session")
	// ErrTimeout: the store did not answer in time (a prompt left open).
	ErrTimeout = errors.New("the credential store did not answer")
	// ErrBadMode: EnvVar holds something other than auto, keyring or file.
	ErrBadMode = errors.New(EnvVar + " must be auto, keyring or file")
)

// Timeout bounds every call: the Secret Service may wait for the user to
// unlock a collection in a prompt that a headless session never shows.
var Timeout = 30 * time.Second

// ModeFrom reads EnvVar through getenv (os.Getenv); empty is Auto.
func ModeFrom(getenv func(string) string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(getenv(EnvVar)))); m {
	case "":
		return Auto, nil
	case Auto, Keyring, File:
		return m, nil
	default:
		return Auto, fmt.Errorf("%w, not %q", ErrBadMode, string(m))
	}
}

// Account names the entry of one data folder's sign-in to one server, so
// that two data folders, or two servers, never share a token.
func Account(dir, server string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return server + " " + filepath.Clean(dir)
}

// Set keeps secret for account, replacing what was there.
func Set(account, secret string) error {
	return call("save", func() error { return keyring.Set(Service, account, secret) })
}

// Get returns account's secret; ErrNotFound when there is none.
func Get(account string) (string, error) {
	var secret string
	err := call("read", func() (err error) {
		secret, err = keyring.Get(Service, account)
		return err
	})
	return secret, err
}

// Delete forgets account's secret; ErrNotFound when there was none.
func Delete(account string) error {
	return call("delete", func() error { return keyring.Delete(Service, account) })
}

// call runs op against the store when there is one, within Timeout.
// A call that times out is abandoned: go-keyring has no way to cancel.
func call(what string, op func() error) error {
	if err := available(); err != nil {
		return fmt.Errorf("credential store: %s: %w", what, err)
	}
	done := make(chan error, 1)
	go func() { done <- op() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(Timeout):
		err = ErrTimeout
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("credential store: %s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("credential store: %s: %w", what, err)
}
