package store

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// killRounds is how many random kills each kind gets: POMI_KILL_ROUNDS,
// or a few in an ordinary test run (make reliability runs hundreds).
func killRounds() int {
	if n, err := strconv.Atoi(os.Getenv("POMI_KILL_ROUNDS")); err == nil && n >= 0 {
		return n
	}
	return 4
}

// TestKilledWritesOfEveryKindLoseNothing kills each kind of write at every
// file step in turn and at random moments (issue 12).
func TestKilledWritesOfEveryKindLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes many times")
	}
	for _, kind := range killKinds() {
		t.Run(kind.name, func(t *testing.T) {
			steps := killAtEachStep(t, kind)
			rounds := killRounds()
			dir, env := t.TempDir(), []string(nil)
			if kind.prepare != nil {
				env = kind.prepare(t, dir)
			}
			for round := range rounds {
				if kind.fresh && round > 0 {
					dir = t.TempDir()
					env = kind.prepare(t, dir)
				}
				after := time.Duration(rand.IntN(200)) * time.Millisecond
				lines := killChild(t, "TestKillHarnessChild", after, append(env, killKindEnv+"="+kind.name, killDirEnv+"="+dir)...)
				checkAfterKill(t, kind, dir, lines, "round "+strconv.Itoa(round))
			}
			t.Logf("%s: killed at each of %d file steps and at %d random moments; every open after a kill succeeded whole", kind.name, steps, rounds)
		})
	}
}

// killAtEachStep runs one write of kind, killed at its first file step,
// then its second, and so on until a write finishes before the step; each
// time in a freshly prepared folder. It returns the number of steps.
func killAtEachStep(t *testing.T, kind killKind) int {
	t.Helper()
	for at := 1; at < 200; at++ {
		dir, env := t.TempDir(), []string(nil)
		if kind.prepare != nil {
			env = kind.prepare(t, dir)
		}
		env = append(env, killKindEnv+"="+kind.name, killDirEnv+"="+dir, killAtEnv+"="+strconv.Itoa(at))
		lines := runChildToEnd(t, env)
		if contains(lines, killDone) {
			return at - 1
		}
		checkAfterKill(t, kind, dir, lines, "step "+strconv.Itoa(at)+" ("+stepName(lines)+")")
	}
	t.Fatalf("%s: more than 200 file steps", kind.name)
	return 0
}

// runChildToEnd runs the harness child until it kills itself or finishes.
func runChildToEnd(t *testing.T, env []string) []string {
	t.Helper()
	return killChild(t, "TestKillHarnessChild", time.Minute, env...)
}

func stepName(lines []string) string {
	for _, l := range lines {
		if name, ok := strings.CutPrefix(l, "step "); ok {
			return name
		}
	}
	return "?"
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// checkAfterKill is what must hold after any kill: the child did not fail
// on its own, the next open succeeds and passes integrity_check, nothing
// temporary is left, and the kind's own changes are all there.
func checkAfterKill(t *testing.T, kind killKind, dir string, lines []string, when string) {
	t.Helper()
	for _, l := range lines {
		if strings.HasPrefix(l, "failed:") {
			t.Fatalf("%s, %s: the child failed by itself: %s\n%s", kind.name, when, l, strings.Join(lines[max(0, len(lines)-20):], "\n"))
		}
	}
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("%s, %s: the open after the kill: %v", kind.name, when, err)
	}
	defer s.Close()
	if check, err := s.Check(ctx); err != nil || check != "ok" {
		t.Fatalf("%s, %s: integrity_check %q (%v)", kind.name, when, check, err)
	}
	for _, folder := range []string{dir, backups.Dir(s.Path())} {
		entries, _ := os.ReadDir(folder)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && e.Name() != madeMarkName {
				t.Errorf("%s, %s: left behind: %s", kind.name, when, filepath.Join(folder, e.Name()))
			}
		}
	}
	kind.verify(t, s, dir, lines)
}

// prepareTwoCompanies is a folder with two companies and a backup.
func prepareTwoCompanies(t *testing.T, dir string) []string {
	t.Helper()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range []string{"malmo-mat.json", "smaland-mobler.json"} {
		if _, err := s.ImportDocument(context.Background(), demoDocument(t, f), app.ImportAsNew); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.BackupNow(context.Background(), "manual"); err != nil {
		t.Fatal(err)
	}
	return nil
}

// prepareFullBackupFolder is prepareTwoCompanies with as many backups as
// are kept, of every automatic reason and a manual one, on a disk with no
// room for another (killTightDiskEnv).
func prepareFullBackupFolder(t *testing.T, dir string) []string {
	t.Helper()
	prepareTwoCompanies(t, dir)
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reasons := []string{"daily", "pre-import", "manual", "pre-erase", "daily", "pre-restore", "daily", "pre-import", "daily"}
	start := time.Now().Add(-time.Hour)
	for i, r := range reasons {
		if _, err := backups.Backup(context.Background(), s.db, s.path, r, start.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	return []string{killTightDiskEnv + "=1"}
}

// prepareRestore is prepareTwoCompanies with a third company added after
// the backup, which the restore takes away.
func prepareRestore(t *testing.T, dir string) []string {
	t.Helper()
	prepareTwoCompanies(t, dir)
	backups, _ := backups.List(filepath.Join(dir, backups.DirName))
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportDocument(context.Background(), demoDocument(t, "goteborg-medtech.json"), app.ImportAsNew); err != nil {
		t.Fatal(err)
	}
	return []string{killBackupEnv + "=" + backups[0].Path}
}

// prepareOldSchema is a database of schema version 1 with one company.
func prepareOldSchema(t *testing.T, dir string) []string {
	t.Helper()
	old := createAtVersion(t, filepath.Join(dir, datadir.DatabaseName), 1)
	defer old.Close()
	_, err := old.Exec(`INSERT INTO companies (name, org_nr, city, profile, created, updated)
		VALUES ('Gamla Firman AB', '556036-0793', 'Växjö', '{"name":"Gamla Firman AB","org_nr":"556036-0793"}', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
	if err != nil {
		t.Fatal(err)
	}
	return nil
}

// names returns the companies' names in s.
func names(t *testing.T, s *Store) map[string]bool {
	t.Helper()
	list, _, err := s.ListCompanies(context.Background(), app.ListQuery{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, c := range list {
		out[c.Name] = true
	}
	return out
}

func verifyTwoCompanies(t *testing.T, s *Store, _ string, _ []string) {
	t.Helper()
	n := names(t, s)
	if len(n) < 2 || !n["Möllevångens Pastafabrik AB"] {
		t.Errorf("companies after the kill: %v", n)
	}
}

// verifyBackups: every backup there is whole, and the last one the child
// reported made is among them.
func verifyBackups(t *testing.T, s *Store, _ string, lines []string) {
	t.Helper()
	verifyTwoCompanies(t, s, "", nil)
	backups, _ := backups.List(backups.Dir(s.Path()))
	for _, b := range backups {
		if err := checkBackup(context.Background(), b.Path); err != nil {
			t.Errorf("a backup is not whole: %v", err)
		}
	}
	if last := lastWith(lines, "backup "); last != "" {
		if _, err := os.Stat(last); err != nil {
			t.Errorf("the last backup reported made is gone: %v", err)
		}
	}
}

func verifyImports(t *testing.T, s *Store, _ string, lines []string) {
	t.Helper()
	have := names(t, s)
	for _, l := range lines {
		if name, ok := strings.CutPrefix(l, "imported "); ok && !have[name] {
			t.Errorf("%q was reported imported and is not there", name)
		}
	}
}

func verifySettings(t *testing.T, s *Store, _ string, lines []string) {
	t.Helper()
	last := lastWith(lines, "saved ")
	st, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if last != "" && !sameOrLaterWrite(st.Branding.AdvisorName, last) {
		t.Errorf("settings hold %q, older than the saved %q", st.Branding.AdvisorName, last)
	}
	if !strings.HasPrefix(string(st.Branding.Logo), st.Branding.AdvisorName) {
		t.Errorf("the logo and the advisor of one save were not stored together")
	}
}

// verifyErases: a company reported erased is gone; one that is gone from
// the database after an erase everywhere began is in no backup either; one
// imported whose erase never began is there.
func verifyErases(t *testing.T, s *Store, _ string, lines []string) {
	t.Helper()
	have := names(t, s)
	backups, _ := backups.List(backups.Dir(s.Path()))
	for _, l := range lines {
		if name, ok := strings.CutPrefix(l, "erased "); ok && have[name] {
			t.Errorf("%q was reported erased and is still there", name)
		}
		if name, ok := strings.CutPrefix(l, "imported "); ok && !have[name] && !contains(lines, "erasing "+name) {
			t.Errorf("%q was imported, never erased, and is gone", name)
		}
		name, ok := strings.CutPrefix(l, "erasing ")
		if !ok || have[name] || !strings.Contains(t.Name(), "everywhere") {
			continue
		}
		for _, b := range backups {
			for _, held := range companyNames(t, b.Path) {
				if held == name {
					t.Errorf("%q is erased from the database but %s still holds it", name, filepath.Base(b.Path))
				}
			}
		}
	}
}

func verifyMigrated(t *testing.T, s *Store, _ string, _ []string) {
	t.Helper()
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != latestVersion() || !names(t, s)["Gamla Firman AB"] {
		t.Errorf("after the migration: version %d, companies %v", version, names(t, s))
	}
}

// lastWith is the rest of the last line starting with prefix, "" for none.
func lastWith(lines []string, prefix string) string {
	last := ""
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			last = rest
		}
	}
	return last
}

// sameOrLaterWrite reports whether stored is the write reported, or a later
// one of the same child: killNames end in "pid-i".
func sameOrLaterWrite(stored, reported string) bool {
	sp, si, _ := strings.Cut(stored[strings.LastIndex(stored, " ")+1:], "-")
	rp, ri, _ := strings.Cut(reported[strings.LastIndex(reported, " ")+1:], "-")
	a, _ := strconv.Atoi(si)
	b, _ := strconv.Atoi(ri)
	return sp == rp && a >= b
}
