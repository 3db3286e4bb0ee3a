package teamfile

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/pomi-planner/pomi/app/sync/credstore"
)

// The logic around the credential store, against go-keyring's in-memory
// mock; secretservice_test.go in credstore runs it against a real daemon.

const server = "https://pomi.example.se"

// mockStore makes go-keyring keep entries in memory (failing with fail
// when it is not nil) and makes a session bus seem present, which
// credstore looks for before it calls go-keyring on Linux.
func mockStore(t *testing.T, mode string, fail error) {
	t.Helper()
	if fail != nil {
		keyring.MockInitWithError(fail)
	} else {
		keyring.MockInit()
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
	t.Setenv(EnvVar, mode)
}

func sample(token string) *Config {
	return &Config{Server: server, Email: "anna@example.se", Advisor: "Anna Berg", Organisation: "Rådgivarna AB",
		Device: "laptop", DeviceID: 7, Token: token}
}

// raw is team.json's text; it fails the test when the mode is not 0600.
func raw(t *testing.T, dir string) string {
	t.Helper()
	fi, err := os.Stat(Path(dir))
	if err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Fatalf("team.json: %v %v", fi, err)
	}
	b, err := os.ReadFile(Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTheTokenGoesToTheCredentialStore(t *testing.T) {
	mockStore(t, "auto", nil)
	dir, other := t.TempDir(), t.TempDir()
	cfg := sample("secret-token-1")
	if err := Save(dir, cfg); err != nil || cfg.TokenStore != InKeyring || cfg.StoreErr != nil {
		t.Fatalf("save: %v, kept in %q (%v)", err, cfg.TokenStore, cfg.StoreErr)
	}
	if text := raw(t, dir); strings.Contains(text, "secret-token-1") || !strings.Contains(text, `"token_store": "keyring"`) {
		t.Errorf("team.json holds:\n%s", text)
	}
	if err := Save(other, sample("secret-token-2")); err != nil {
		t.Fatal(err)
	}
	for d, want := range map[string]string{dir: "secret-token-1", other: "secret-token-2"} {
		got, err := Load(d)
		if err != nil || got.Token != want || got.TokenStore != InKeyring || got.Advisor != "Anna Berg" {
			t.Errorf("load %s: %+v %v, want token %s", d, got, err, want)
		}
	}
	if tok, err := keyring.Get(credstore.Service, credstore.Account(dir, server)); err != nil || tok != "secret-token-1" {
		t.Errorf("store entry: %q %v", tok, err)
	}
	if err := Remove(dir); err != nil || Exists(dir) {
		t.Fatalf("remove: %v", err)
	}
	if _, err := keyring.Get(credstore.Service, credstore.Account(dir, server)); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("the entry outlived the sign-out: %v", err)
	}
	if got, err := Load(other); err != nil || got.Token != "secret-token-2" {
		t.Errorf("the other folder lost its token: %+v %v", got, err)
	}
}

func TestAStoreThatFailsLeavesTheTokenInThePrivateFile(t *testing.T) {
	mockStore(t, "auto", errors.New("the keychain is locked"))
	dir := t.TempDir()
	cfg := sample("secret-token")
	if err := Save(dir, cfg); err != nil || cfg.TokenStore != InFile {
		t.Fatalf("save: %v, kept in %q", err, cfg.TokenStore)
	}
	if cfg.StoreErr == nil || !strings.Contains(cfg.StoreErr.Error(), "locked") {
		t.Errorf("why not the store: %v", cfg.StoreErr)
	}
	if text := raw(t, dir); !strings.Contains(text, `"token": "secret-token"`) || !strings.Contains(text, `"token_store": "file"`) {
		t.Errorf("team.json holds:\n%s", text)
	}
	if got, err := Load(dir); err != nil || got.Token != "secret-token" || got.TokenStore != InFile || got.StoreErr != nil {
		t.Errorf("load: %+v %v", got, err)
	}
	if err := Remove(dir); err != nil || Exists(dir) {
		t.Errorf("remove: %v", err) // the store's error does not matter for a token in the file
	}

	t.Setenv(EnvVar, "keyring")
	if err := Save(dir, sample("secret-token")); err == nil || Exists(dir) {
		t.Errorf("keyring mode saved without the store: %v", err)
	}
	t.Setenv(EnvVar, "vault")
	if err := Save(dir, sample("secret-token")); !errors.Is(err, credstore.ErrBadMode) {
		t.Errorf("a bad mode: %v", err)
	}
}

func TestWithoutASessionBusTheTokenStaysInTheFile(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("Credential Manager and the Keychain need no session bus")
	}
	mockStore(t, "auto", nil)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	dir := t.TempDir()
	cfg := sample("secret-token")
	if err := Save(dir, cfg); err != nil || cfg.TokenStore != InFile || !errors.Is(cfg.StoreErr, credstore.ErrUnavailable) {
		t.Fatalf("save: %v, kept in %q (%v)", err, cfg.TokenStore, cfg.StoreErr)
	}
	if _, err := keyring.Get(credstore.Service, credstore.Account(dir, server)); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("the store was used: %v", err)
	}
}

func TestAnOldTeamFileMovesItsTokenToTheStore(t *testing.T) {
	mockStore(t, "file", nil)
	dir := t.TempDir()
	old := `{"server": "` + server + `", "email": "anna@example.se", "advisor": "Anna Berg", "device_id": 7, "token": "old-token"}`
	if err := os.WriteFile(Path(dir), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(dir); err != nil || got.Token != "old-token" || got.TokenStore != InFile {
		t.Fatalf("file mode: %+v %v", got, err)
	}
	if !strings.Contains(raw(t, dir), "old-token") {
		t.Fatal("file mode moved the token")
	}
	t.Setenv(EnvVar, "auto")
	got, err := Load(dir)
	if err != nil || got.Token != "old-token" || got.TokenStore != InKeyring || got.DeviceID != 7 {
		t.Fatalf("auto: %+v %v", got, err)
	}
	if text := raw(t, dir); strings.Contains(text, "old-token") || !strings.Contains(text, "Anna Berg") {
		t.Errorf("team.json after the move:\n%s", text)
	}
	if again, err := Load(dir); err != nil || again.Token != "old-token" {
		t.Errorf("load after the move: %+v %v", again, err)
	}

	// Where the store fails, the token stays in the file, which says so.
	locked := t.TempDir()
	if err := os.WriteFile(Path(locked), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("the keychain is locked"))
	if got, err := Load(locked); err != nil || got.Token != "old-token" || got.TokenStore != InFile || got.StoreErr != nil {
		t.Errorf("locked store: %+v %v", got, err)
	}
	if text := raw(t, locked); !strings.Contains(text, `"token": "old-token"`) || !strings.Contains(text, `"token_store": "file"`) {
		t.Errorf("team.json after a failed move:\n%s", text)
	}
}

func TestATokenMissingFromTheStoreAsksToSignInAgain(t *testing.T) {
	mockStore(t, "auto", nil)
	dir := t.TempDir()
	if err := Save(dir, sample("secret-token")); err != nil {
		t.Fatal(err)
	}
	if err := keyring.Delete(credstore.Service, credstore.Account(dir, server)); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil || got.Token != "" || !errors.Is(got.StoreErr, credstore.ErrNotFound) {
		t.Errorf("load: %+v %v", got, err)
	}
	t.Setenv(EnvVar, "file")
	if got, err := Load(dir); err != nil || got.Token != "" || got.StoreErr == nil {
		t.Errorf("file mode: %+v %v", got, err)
	}
}

// Moving to another server, or to the file, leaves no entry behind; a
// save that cannot write team.json takes back the entry it made.
func TestNoTokenLingersInTheStore(t *testing.T) {
	mockStore(t, "auto", nil)
	dir := t.TempDir()
	entry := func(srv string) error {
		_, err := keyring.Get(credstore.Service, credstore.Account(dir, srv))
		return err
	}
	must(t, Save(dir, sample("a")))
	moved := sample("b")
	moved.Server = "https://other.example.se"
	must(t, Save(dir, moved))
	if entry(server) == nil || entry(moved.Server) != nil {
		t.Errorf("after changing server: old %v, new %v", entry(server), entry(moved.Server))
	}
	t.Setenv(EnvVar, "file")
	must(t, Save(dir, moved))
	if entry(moved.Server) == nil || !strings.Contains(raw(t, dir), `"token": "b"`) {
		t.Errorf("after moving to the file: entry %v", entry(moved.Server))
	}
	t.Setenv(EnvVar, "auto")
	missing := dir + "/missing"
	if err := Save(missing, sample("c")); err == nil {
		t.Fatal("saved into a missing folder")
	}
	if _, err := keyring.Get(credstore.Service, credstore.Account(missing, server)); err == nil {
		t.Error("a failed save left its entry")
	}
}

func TestASignOutTheStoreRefusesIsAnError(t *testing.T) {
	mockStore(t, "auto", nil)
	dir := t.TempDir()
	must(t, Save(dir, sample("secret-token")))
	keyring.MockInitWithError(errors.New("the keychain is locked"))
	if err := Remove(dir); err == nil || !strings.Contains(err.Error(), "locked") || Exists(dir) {
		t.Errorf("remove: %v, team.json left %v", err, Exists(dir))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// ReadSettings never asks the credential store (the window calls it on
// the UI thread, where an unlock prompt would freeze it); WithToken does,
// and leaves the settings it was given as they are.
func TestReadSettingsLeavesTheStoreAlone(t *testing.T) {
	mockStore(t, "auto", nil)
	dir := t.TempDir()
	if err := Save(dir, sample("secret-token-2")); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("the keychain is locked"))
	cfg, err := ReadSettings(dir)
	if err != nil || cfg.Token != "" || cfg.StoreErr != nil || cfg.TokenStore != InKeyring || cfg.Advisor != "Anna Berg" {
		t.Fatalf("settings %+v, %v", cfg, err)
	}
	if full := WithToken(dir, cfg); full.Token != "" || full.StoreErr == nil {
		t.Errorf("with a locked store: token %q, error %v", full.Token, full.StoreErr)
	}
	keyring.MockInit()
	if err := Save(dir, sample("secret-token-3")); err != nil {
		t.Fatal(err)
	}
	cfg, _ = ReadSettings(dir)
	if full := WithToken(dir, cfg); full.Token != "secret-token-3" || full.StoreErr != nil || cfg.Token != "" {
		t.Errorf("with the store open: token %q (%v); the settings given now hold %q", full.Token, full.StoreErr, cfg.Token)
	}
}
