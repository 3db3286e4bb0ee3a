package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
)

// restoreChildEnv names the backup a restore child restores, over and over.
const restoreChildEnv = "POMI_RESTORE_CHILD_BACKUP"

// TestRestoreChild is not a test on its own: run by
// TestKilledRestoreLeavesADatabaseThatOpens as a child process, it restores
// the backup into the folder again and again, as pomi-cli restore does.
func TestRestoreChild(t *testing.T) {
	backup := os.Getenv(restoreChildEnv)
	if backup == "" {
		t.Skip("runs only as the child of TestKilledRestoreLeavesADatabaseThatOpens")
	}
	dir := os.Getenv(crashChildEnv)
	fmt.Println(crashChildReady)
	for {
		if _, err := RestoreClosed(context.Background(), dir, backup); err != nil {
			fmt.Println("restore:", err)
			os.Exit(4)
		}
	}
}

// TestKilledRestoreLeavesADatabaseThatOpens kills a restoring child with
// SIGKILL at random moments (issue 12, finding 1). After each kill the next
// open must succeed, find the backup's companies whole, pass the integrity
// check and leave no temporary copy behind.
func TestKilledRestoreLeavesADatabaseThatOpens(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 15 times")
	}
	dir, _, backup := faultFolder(t)
	ctx := context.Background()
	for round := range 15 {
		killRestoreChild(t, dir, backup, time.Duration(rand.IntN(40))*time.Millisecond)
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("round %d: the open after the kill: %v", round, err)
		}
		_, n, err := s.ListCompanies(ctx, app.ListQuery{})
		check, cerr := s.Check(ctx)
		s.Close()
		if n != 2 || err != nil || check != "ok" || cerr != nil {
			t.Fatalf("round %d: %d companies (%v), integrity %q (%v)", round, n, err, check, cerr)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".restore-*")); len(left) != 0 {
			t.Fatalf("round %d: left behind: %v", round, left)
		}
	}
}

func killRestoreChild(t *testing.T, dir, backup string, after time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRestoreChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir, restoreChildEnv+"="+backup)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready, failed := make(chan struct{}), make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			switch l := sc.Text(); {
			case l == crashChildReady:
				close(ready)
			case strings.HasPrefix(l, "restore:"):
				failed <- l
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
	}
	time.Sleep(after)
	cmd.Process.Kill()
	cmd.Wait()
	select {
	case l := <-failed:
		t.Fatalf("the child failed: %s", l)
	default:
	}
}
