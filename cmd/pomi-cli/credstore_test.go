package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/credstore"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/secretservicetest"
	"github.com/pomi-planner/pomi/locales"
)

// With a Secret Service (gnome-keyring-daemon on a bus of the test's own)
// login keeps the token there, not in team.json; status says so, sync
// uses it and logout takes it away.
func TestLoginKeepsTheTokenInTheCredentialStore(t *testing.T) {
	secretservicetest.Start(t)
	t.Setenv(teamfile.EnvVar, "keyring")
	e := newTeamEnv(t)
	d := e.device("anna@example.se")
	cfg, err := loadTeam(d.dir)
	must(t, err)
	raw, err := os.ReadFile(filepath.Join(d.dir, teamFile))
	must(t, err)
	if cfg.TokenStore != teamfile.InKeyring || cfg.Token == "" || strings.Contains(string(raw), cfg.Token) {
		t.Fatalf("kept in %q; team.json:\n%s", cfg.TokenStore, raw)
	}
	text := d.run("sync", "--status", "--lang", "en")
	if want := locales.MustNew("en").T("cli.sync.status_token_keyring"); !strings.Contains(text, want) {
		t.Errorf("status does not say %q:\n%s", want, text)
	}
	if st := d.status(); st.Connection != "ok" || st.TokenStore != teamfile.InKeyring {
		t.Errorf("status: %+v", st)
	}
	d.run("sync")
	d.run("logout")
	if _, err := credstore.Get(credstore.Account(d.dir, e.URL)); !errors.Is(err, credstore.ErrNotFound) {
		t.Errorf("the token outlived logout: %v", err)
	}
}
