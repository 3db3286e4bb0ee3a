package credstore_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/credstore"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/secretservicetest"
)

func TestTheTokenInARealSecretService(t *testing.T) {
	stop := secretservicetest.Start(t)
	const server = "https://pomi.example.se"
	acct := credstore.Account(t.TempDir(), server)
	if err := credstore.Set(acct, "s3cret"); err != nil {
		t.Fatal(err)
	}
	if got, err := credstore.Get(acct); err != nil || got != "s3cret" {
		t.Fatalf("get: %q %v", got, err)
	}
	if err := credstore.Delete(acct); err != nil {
		t.Fatal(err)
	}
	if _, err := credstore.Get(acct); !errors.Is(err, credstore.ErrNotFound) {
		t.Fatalf("get after delete: %v", err)
	}

	t.Setenv(credstore.EnvVar, "keyring")
	dir, other := t.TempDir(), t.TempDir()
	for d, token := range map[string]string{dir: "device-token-1", other: "device-token-2"} {
		cfg := &teamfile.Config{Server: server, Email: "anna@example.se", Advisor: "Anna Berg", Device: "laptop", Token: token}
		if err := teamfile.Save(d, cfg); err != nil || cfg.TokenStore != teamfile.InKeyring {
			t.Fatalf("save: %v, kept in %q", err, cfg.TokenStore)
		}
		if text := readTeamFile(t, d); strings.Contains(text, token) || !strings.Contains(text, `"token_store": "keyring"`) {
			t.Errorf("team.json holds:\n%s", text)
		}
	}
	for d, want := range map[string]string{dir: "device-token-1", other: "device-token-2"} {
		if cfg, err := teamfile.Load(d); err != nil || cfg.Token != want || cfg.Advisor != "Anna Berg" {
			t.Errorf("load: %+v %v, want %s", cfg, err, want)
		}
	}
	if got, err := credstore.Get(credstore.Account(dir, server)); err != nil || got != "device-token-1" {
		t.Errorf("the daemon holds %q %v", got, err)
	}
	if err := teamfile.Remove(dir); err != nil || teamfile.Exists(dir) {
		t.Fatalf("remove: %v", err)
	}
	if _, err := credstore.Get(credstore.Account(dir, server)); !errors.Is(err, credstore.ErrNotFound) {
		t.Errorf("the token outlived the sign-out: %v", err)
	}

	// Without the daemon, auto keeps the token in the private file and
	// says why; keyring refuses.
	stop()
	t.Setenv(credstore.EnvVar, "auto")
	cfg := &teamfile.Config{Server: server, Email: "anna@example.se", Token: "device-token-3"}
	if err := teamfile.Save(dir, cfg); err != nil || cfg.TokenStore != teamfile.InFile || cfg.StoreErr == nil {
		t.Fatalf("save without the daemon: %v, kept in %q (%v)", err, cfg.TokenStore, cfg.StoreErr)
	}
	if text := readTeamFile(t, dir); !strings.Contains(text, "device-token-3") {
		t.Errorf("team.json holds:\n%s", text)
	}
	if got, err := teamfile.Load(dir); err != nil || got.Token != "device-token-3" {
		t.Errorf("load from the file: %+v %v", got, err)
	}
	t.Setenv(credstore.EnvVar, "keyring")
	if err := teamfile.Save(other, &teamfile.Config{Server: server, Token: "x"}); err == nil {
		t.Error("keyring mode saved without the daemon")
	}
}

// readTeamFile is team.json's text, which must be the user's alone.
func readTeamFile(t *testing.T, dir string) string {
	t.Helper()
	fi, err := os.Stat(teamfile.Path(dir))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("team.json: %v %v", fi, err)
	}
	b, err := os.ReadFile(teamfile.Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
