package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
)

// crashChildEnv names the data folder a crash child writes to.
const crashChildEnv = "POMI_CRASH_CHILD_DIR"

// TestCrashChild is not a test on its own: run by TestKilledMidSaveLosesNoCommit
// as a child process, it imports a company (a company row, two assessments and
// their actions, in one transaction) over and over, printing each name only
// after its commit returned.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashChildEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestKilledMidSaveLosesNoCommit")
	}
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	doc := demoDocument(t, "smaland-mobler.json")
	fmt.Println(crashChildReady)
	for i := 0; ; i++ {
		name := fmt.Sprintf("Krasch %d-%d", os.Getpid(), i)
		doc.Company.Name, doc.Company.OrgNr = name, ""
		if _, err := s.ImportDocument(ctx, doc, app.ImportAsNew); err != nil {
			fmt.Println("import:", err)
			os.Exit(4)
		}
		fmt.Println(name)
	}
}

// TestKilledMidSaveLosesNoCommit kills a writing child process with SIGKILL at
// random moments, many times. Afterwards the file must pass integrity_check,
// every company the child reported as committed must be there, and each must
// be whole: a transaction is never half applied.
func TestKilledMidSaveLosesNoCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 20 times")
	}
	dir := t.TempDir()
	var committed []string
	for round := 0; round < 20; round++ {
		committed = append(committed, runAndKill(t, dir, time.Duration(20+rand.IntN(250))*time.Millisecond)...)
	}
	if len(committed) < 20 {
		t.Fatalf("only %d commits reported in 20 rounds: the child did not get to work", len(committed))
	}
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen after the kills: %v", err)
	}
	defer s.Close()
	if check, err := s.Check(ctx); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	for _, name := range committed {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM companies WHERE name = ?", name).Scan(&n); err != nil || n != 1 {
			t.Errorf("committed %q: found %d (%v)", name, n, err)
		}
	}
	var all int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM companies").Scan(&all)
	var orphans int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM companies c WHERE (SELECT count(*) FROM assessments a WHERE a.company_id = c.id) <> 2`).Scan(&orphans)
	if orphans != 0 {
		t.Errorf("%d of %d companies are not whole", orphans, all)
	}
	t.Logf("%d commits reported, %d companies stored (a commit may land just before the kill, unreported)", len(committed), all)
}

// crashChildReady is what the child prints once the database is open, so
// the kills land among its writes however long opening took (under -race
// on a busy machine, longer than the kill delays).
const crashChildReady = "ready"

// runAndKill starts the child, lets it write for d once it is ready, kills
// it and returns the names it reported as committed.
func runAndKill(t *testing.T, dir string, d time.Duration) []string {
	t.Helper()
	var names []string
	for _, l := range killChild(t, "TestCrashChild", d, crashChildEnv+"="+dir) {
		switch {
		case strings.HasPrefix(l, "Krasch "):
			names = append(names, l)
		case strings.HasPrefix(l, "open:"), strings.HasPrefix(l, "import:"):
			t.Fatalf("child failed: %s", l)
		}
	}
	return names
}

// killChild runs the test named test of this binary as a child process
// with env added, waits until it prints crashChildReady, lets it work for d,
// kills it (SIGKILL on Unix: no chance to clean up) and returns the other
// lines it printed.
func killChild(t *testing.T, test string, d time.Duration, env ...string) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 4096)
	ready, finished := make(chan struct{}), make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == crashChildReady {
				close(ready)
				continue
			}
			lines <- sc.Text()
		}
		close(lines)
		close(finished)
	}()
	select {
	case <-ready:
	case <-finished: // it failed to start its work: lines say why
	case <-time.After(30 * time.Second):
	}
	select { // a child that ends by itself (or kills itself) ends the wait
	case <-time.After(d):
	case <-finished:
	}
	cmd.Process.Kill()
	cmd.Wait()
	var out []string
	for l := range lines {
		out = append(out, l)
	}
	return out
}
