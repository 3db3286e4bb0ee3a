package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/server/wire"
)

// syncCrashChildEnv names the data folder a sync crash child pulls into;
// the records it pulls are in the file records.json beside it.
const syncCrashChildEnv = "POMI_SYNC_CRASH_CHILD_DIR"

// syncCrashPage is the crash children's page size: many pages, so that
// the kills land between pages and inside them.
const syncCrashPage = 20

// TestSyncCrashChild is not a test on its own: run by
// TestKilledMidPullKeepsRecordsAndCursorTogether as a child process, it
// pulls a portfolio into a new data folder and then waits to be killed.
func TestSyncCrashChild(t *testing.T) {
	dir := os.Getenv(syncCrashChildEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestKilledMidPullKeepsRecordsAndCursorTogether")
	}
	raw, err := os.ReadFile(filepath.Join(dir, "..", "records.json"))
	var recs []wire.Record
	if err == nil {
		err = json.Unmarshal(raw, &recs)
	}
	if err != nil {
		fmt.Println("records:", err)
		os.Exit(3)
	}
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	x := s.SyncStore()
	fmt.Println(crashChildReady)
	if _, err := (&engine.Syncer{Remote: &pagedRemote{recs: recs}, Outbox: x, Local: x, PullLimit: syncCrashPage}).Sync(ctx); err != nil {
		fmt.Println("sync:", err)
		os.Exit(4)
	}
	fmt.Println("synced")
	time.Sleep(time.Minute)
}

// TestKilledMidPullKeepsRecordsAndCursorTogether kills a device's first
// sync at random moments: afterwards the device holds exactly the records
// of the pages up to its cursor (a page is committed whole, with the
// cursor), and the next sync converges.
func TestKilledMidPullKeepsRecordsAndCursorTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 8 times")
	}
	recs := portfolioRecords(t, 150)
	root := t.TempDir()
	raw, err := json.Marshal(recs)
	must(t, err)
	must(t, os.WriteFile(filepath.Join(root, "records.json"), raw, 0o600))
	last := recs[len(recs)-1].Version
	midway := 0
	for round := range 8 {
		dir := filepath.Join(root, fmt.Sprint(round))
		for _, l := range killChild(t, "TestSyncCrashChild", time.Duration(rand.IntN(150))*time.Millisecond, syncCrashChildEnv+"="+dir) {
			if l != "synced" {
				t.Fatalf("child: %s", l)
			}
		}
		s, err := Open(bg, dir)
		must(t, err)
		cursor, err := s.SyncStore().Cursor(bg)
		must(t, err)
		if cursor%syncCrashPage != 0 && cursor != last {
			t.Errorf("cursor %d is not at the end of a page", cursor)
		}
		if cursor < last {
			midway++
		}
		assertSynced(t, s, recs, cursor)
		x := s.SyncStore()
		_, err = (&engine.Syncer{Remote: &pagedRemote{recs: recs}, Outbox: x, Local: x, PullLimit: syncCrashPage}).Sync(bg)
		must(t, err)
		assertSynced(t, s, recs, last)
		must(t, s.Close())
	}
	if midway == 0 {
		t.Error("no kill landed before the sync's end")
	}
	t.Logf("%d of 8 kills landed before the sync's end", midway)
}
