package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/server/wire"
)

const medtech = "Älvsense Medical AB"

// shared imports the demo company with two assessments on a, syncs it and
// brings it to b.
func shared(t *testing.T) (e *teamEnv, a, b *device) {
	t.Helper()
	e = newTeamEnv(t)
	a = e.device("anna@example.se")
	a.run("import", filepath.Join("..", "..", "testdata", "goteborg-medtech.json"))
	if res := a.sync(); res.Pushed != 3 {
		t.Fatalf("a pushed %d, want the company and two assessments", res.Pushed)
	}
	b = e.device("bo@example.se")
	if res := b.sync(); res.Pulled != 3 {
		t.Fatalf("b pulled %d", res.Pulled)
	}
	return e, a, b
}

func assertSame(t *testing.T, a, b *device) map[string]work {
	t.Helper()
	wa, wb := a.companies(), b.companies()
	if !reflect.DeepEqual(wa, wb) {
		t.Fatalf("the devices differ:\na %+v\nb %+v", wa, wb)
	}
	return wa
}

// Device B signs in and gets A's company with the same profile, the same
// assessments and the same actions in order; nothing echoes back.
func TestTeamSyncSharesACompanyWithItsAssessments(t *testing.T) {
	_, a, b := shared(t)
	w := assertSame(t, a, b)[medtech]
	if len(w.Assessments) != 2 || len(w.Assessments[1].Actions) != 8 {
		t.Fatalf("b has %d assessments", len(w.Assessments))
	}
	for _, d := range []*device{a, b} {
		if st := d.status(); st.Pending != 0 || st.Conflicts != 0 || st.Connection != "ok" || st.LastSynced == nil {
			t.Errorf("status %+v", st)
		}
	}
	if res := a.sync(); res.Pushed+res.Pulled != 0 {
		t.Errorf("a's next round moved %+v", res)
	}
}

// Edits of different fields merge; edits of one field become a conflict
// that keeps both values.
func TestTeamSyncMergesAndRecordsConflicts(t *testing.T) {
	_, a, b := shared(t)
	a.edit(medtech, func(c *app.Company) { c.Notes = "Anna's note" })
	b.edit(medtech, func(c *app.Company) { c.Website = "https://alvsense.example" })
	a.sync()
	if res := b.sync(); res.Merged != 1 || res.Conflicts != 0 {
		t.Errorf("b's round %+v", res)
	}
	a.sync()
	w := assertSame(t, a, b)[medtech]
	if w.Company.Notes != "Anna's note" || w.Company.Website != "https://alvsense.example" {
		t.Fatalf("merged %+v", w.Company)
	}
	a.edit(medtech, func(c *app.Company) { c.Notes = "Anna again" })
	b.edit(medtech, func(c *app.Company) { c.Notes = "Bo's view" })
	a.sync()
	if res := b.sync(); res.Conflicts != 1 {
		t.Errorf("b's round %+v", res)
	}
	if st := b.status(); st.Conflicts != 1 {
		t.Errorf("b's status %+v", st)
	}
	if got := b.companies()[medtech].Company.Notes; got != "Bo's view" {
		t.Errorf("b's notes %q", got)
	}
	b.with(func(s *store.Store) {
		x := s.SyncStore()
		gid, err := x.GlobalID(context.Background(), wire.KindCompany, int64(onlyID(t, s)))
		must(t, err)
		cs, err := x.Conflicts(context.Background(), gid)
		must(t, err)
		if len(cs) != 1 || cs[0].Pointer() != "/notes" || string(cs[0].Remote) != `"Anna again"` {
			t.Errorf("conflicts %+v", cs)
		}
	})
	text := b.run("sync", "--status", "--lang", "en")
	if !strings.Contains(text, "Open conflicts: 1") || !strings.Contains(text, "Last synced: just now") {
		t.Errorf("status text:\n%s", text)
	}
}

// Erasing the company on A erases it on B at B's next sync.
func TestTeamSyncErasesEverywhere(t *testing.T) {
	_, a, b := shared(t)
	id := a.run("list", "--json")
	if !strings.Contains(id, medtech) {
		t.Fatal(id)
	}
	a.with(func(s *store.Store) {
		_, err := s.EraseCompany(context.Background(), onlyID(t, s), app.EraseKeepBackups)
		must(t, err)
	})
	if res := a.sync(); res.Pushed != 1 || res.Rejected != 0 {
		t.Errorf("a's round %+v", res)
	}
	if res := b.sync(); res.Erased == 0 {
		t.Errorf("b's round %+v", res)
	}
	if n := len(b.companies()); n != 0 {
		t.Errorf("b keeps %d companies", n)
	}
}

// Offline, a change waits and sync says so; it goes once the server is back.
func TestTeamSyncOfflineKeepsTheChange(t *testing.T) {
	e, a, b := shared(t)
	a.edit(medtech, func(c *app.Company) { c.Notes = "written offline" })
	e.HTTP.Close()
	code, line := a.fail("sync")
	if code != 1 || !strings.Contains(line, "cannot be reached") {
		t.Errorf("offline sync: %d %q", code, line)
	}
	if st := a.status(); st.Pending != 1 || st.Connection != "offline" {
		t.Errorf("offline status %+v", st)
	}
	e.Start()
	if res := a.sync(); res.Pushed != 1 {
		t.Errorf("a's round %+v", res)
	}
	b.sync()
	if got := b.companies()[medtech].Company.Notes; got != "written offline" {
		t.Errorf("b has %q", got)
	}
}

// Without team.json, sync says so in one sentence and exits 1; the other
// commands are as before, and logout after login forgets the sign-in.
func TestSyncWithoutAServer(t *testing.T) {
	d := &device{t: t, dir: t.TempDir()}
	for _, lang := range []string{"sv", "en"} {
		code, line := cliLine(env(map[string]string{"sv": "sv_SE.UTF-8", "en": "en_GB.UTF-8"}[lang]), "sync", "--data-dir", d.dir)
		want := "pomi-cli: " + locales.MustNew(lang).T("cli.sync.no_server") + "\n"
		if code != 1 || line != want {
			t.Errorf("%s: %d %q, want %q", lang, code, line, want)
		}
	}
	d.run("import", filepath.Join("..", "..", "testdata", "goteborg-medtech.json"))
	if len(d.companies()) != 1 {
		t.Fatal("import failed")
	}
	if _, err := os.Stat(filepath.Join(d.dir, teamFile)); !os.IsNotExist(err) {
		t.Errorf("team.json: %v", err)
	}
}

func TestLoginKeepsTheTokenPrivateAndLogoutForgetsIt(t *testing.T) {
	e := newTeamEnv(t)
	d := e.device("anna@example.se")
	fi, err := os.Stat(filepath.Join(d.dir, teamFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("team.json: %v %v", fi, err)
	}
	text := d.run("sync", "--status", "--lang", "sv")
	if !strings.Contains(text, "Anna Berg <anna@example.se>") || !strings.Contains(text, "Senast synkat: aldrig") {
		t.Errorf("status:\n%s", text)
	}
	if want := locales.MustNew("sv").T("cli.sync.status_token_file"); !strings.Contains(text, want) {
		t.Errorf("status does not say %q:\n%s", want, text)
	}
	cfg, err := loadTeam(d.dir)
	must(t, err)
	token := cfg.Token
	cfg.Token = "not-a-token"
	must(t, saveTeam(d.dir, cfg))
	if code, line := d.fail("sync"); code != 1 || !strings.Contains(line, "Sign in again") {
		t.Errorf("sync with a bad token: %d %q", code, line)
	}
	if st := d.status(); st.Connection != "unauthorized" {
		t.Errorf("status with a bad token: %+v", st)
	}
	cfg.Token = token
	must(t, saveTeam(d.dir, cfg))
	d.run("logout")
	if code, _ := d.fail("sync"); code != 1 {
		t.Errorf("sync after logout: %d", code)
	}
	stdin = strings.NewReader("wrong password\n")
	defer func() { stdin = os.Stdin }()
	code, line := d.fail("login", "--server", e.URL, "--email", "anna@example.se", "--ca", e.CAFile)
	if code != 1 || !strings.Contains(line, "password is wrong") {
		t.Errorf("bad password: %d %q", code, line)
	}
}

func TestAgoSpeaksTheUsersLanguage(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	sv := locales.MustNew("sv")
	for d, want := range map[time.Duration]string{
		10 * time.Second: "alldeles nyss", 2 * time.Minute: "för 2 min sedan",
		3 * time.Hour: "för 3 timmar sedan", 72 * time.Hour: "för 3 dagar sedan",
	} {
		if got := ago(sv, now.Add(-d), now); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
	if got := ago(locales.MustNew("en"), now.Add(-2*time.Minute), now); got != "2 min ago" {
		t.Errorf("en: %q", got)
	}
}

func onlyID(t *testing.T, s *store.Store) app.CompanyID {
	t.Helper()
	list, _, err := s.ListCompanies(context.Background(), app.ListQuery{})
	if err != nil || len(list) != 1 {
		t.Fatalf("%d companies (%v)", len(list), err)
	}
	return list[0].ID
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A data folder synced with one team is refused by another, so two
// organisations' companies never mix; the first sign-in stays.
func TestLoginToAnotherTeamKeepsTheFirst(t *testing.T) {
	first, second := newTeamEnv(t), newTeamEnv(t)
	anna := first.device("anna@example.se")
	anna.with(func(s *store.Store) {
		if _, err := s.CreateCompany(context.Background(), &app.Company{Name: "Svensson Bygg AB"}); err != nil {
			t.Fatal(err)
		}
	})
	if res := anna.sync(); res.Pushed != 1 {
		t.Fatalf("the first team's sync: %+v", res)
	}

	stdin = strings.NewReader(teamtest.Password + "\n")
	defer func() { stdin = os.Stdin }()
	var out bytes.Buffer
	err := run([]string{"login", "--server", second.URL, "--email", "anna@example.se", "--ca", second.CAFile,
		"--data-dir", anna.dir, "--lang", "en"}, &out)
	if err == nil || !strings.Contains(err.Error(), "another team") {
		t.Fatalf("login to a second team: %v", err)
	}
	cfg, lerr := teamfile.Load(anna.dir)
	if lerr != nil || cfg.Server != first.URL {
		t.Fatalf("team.json after the refusal: %+v, %v", cfg, lerr)
	}
	if res := anna.sync(); res.Pushed != 0 {
		t.Errorf("the first team's sync after the refusal: %+v", res)
	}
}
