package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
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
	for _, l := range killChild(t, "TestRestoreChild", after, crashChildEnv+"="+dir, restoreChildEnv+"="+backup) {
		if strings.HasPrefix(l, "restore:") {
			t.Fatalf("the child failed: %s", l)
		}
	}
}
