package datadir

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockHelperEnv makes the test binary, started again, hold a lock for
// TestLockHeldByAnotherProcess.
const lockHelperEnv = "POMI_TEST_LOCK_HELPER_DIR"

// TestLockHelperProcess is not a test: it is the other process.
func TestLockHelperProcess(t *testing.T) {
	dir := os.Getenv(lockHelperEnv)
	if dir == "" {
		t.Skip("helper process for TestLockHeldByAnotherProcess")
	}
	l, err := AcquireLock(dir)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	io.ReadAll(os.Stdin) // hold the lock until the parent closes stdin or kills us
	l.Release()
	os.Exit(0)
}

func lockPath(dir string) string { return filepath.Join(dir, LockFileName) }

func readLockFileInfo(t *testing.T, dir string) LockInfo {
	t.Helper()
	raw, err := os.ReadFile(lockPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	var info LockInfo
	if err := json.Unmarshal(raw, &info); err != nil {
		t.Fatalf("lock file %q: %v", raw, err)
	}
	return info
}

func writeLockFileInfo(t *testing.T, dir string, info LockInfo) {
	t.Helper()
	raw, err := json.Marshal(info)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lockPath(dir), raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

func thisHost(t *testing.T) string {
	t.Helper()
	host, err := os.Hostname()
	if err != nil {
		t.Skip("no host name:", err)
	}
	return host
}

// deadPID starts a process that exits at once and waits for it, so its PID
// names no living process (barring immediate reuse).
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GORACE=atexit_sleep_ms=0") // -race waits 1 s at exit
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func mustAcquire(t *testing.T, dir string) *Lock {
	t.Helper()
	l, err := AcquireLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Release() })
	return l
}

func asLocked(t *testing.T, err error) *LockedError {
	t.Helper()
	var locked *LockedError
	if !errors.As(err, &locked) {
		t.Fatalf("want *LockedError, got %v", err)
	}
	return locked
}

func TestLockAcquireWritesHolderAndReleaseRemovesIt(t *testing.T) {
	dir := t.TempDir()
	before := time.Now().Add(-time.Second)
	l := mustAcquire(t, dir)
	info := readLockFileInfo(t, dir)
	if info.PID != os.Getpid() || info.Host != thisHost(t) || info.Since.Before(before) {
		t.Errorf("lock file says %+v", info)
	}
	if st, err := os.Stat(lockPath(dir)); err != nil {
		t.Fatal(err)
	} else if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("lock file mode %v, want 0600", st.Mode().Perm())
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lockPath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file still there after Release: %v", err)
	}
	mustAcquire(t, dir) // free again
}

func TestLockReleaseIsIdempotent(t *testing.T) {
	l := mustAcquire(t, t.TempDir())
	for i := range 3 {
		if err := l.Release(); err != nil {
			t.Fatalf("release %d: %v", i+1, err)
		}
	}
	var none *Lock
	if err := none.Release(); err != nil {
		t.Errorf("nil lock: %v", err)
	}
}

func TestLockSecondAcquireIsLockedAndNamesThisProcess(t *testing.T) {
	dir := t.TempDir()
	mustAcquire(t, dir)
	_, err := AcquireLock(dir)
	locked := asLocked(t, err)
	if locked.Holder.PID != os.Getpid() || locked.Path != lockPath(dir) {
		t.Errorf("got %+v", locked)
	}
	msg := err.Error()
	for _, want := range []string{"in use by process " + strconv.Itoa(os.Getpid()), "on host " + thisHost(t), "since "} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

func TestLockHeldByAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelperProcess$")
	cmd.Env = append(os.Environ(), lockHelperEnv+"="+dir)
	cmd.StdinPipe() // never written: the helper holds the lock until killed
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("helper said %q", line)
	}

	_, err := AcquireLock(dir)
	if locked := asLocked(t, err); locked.Holder.PID != cmd.Process.Pid {
		t.Errorf("holder %+v, want PID %d", locked.Holder, cmd.Process.Pid)
	}

	// The helper dies without releasing: its lock file stays, naming a dead PID.
	cmd.Process.Kill()
	cmd.Wait()
	if got := readLockFileInfo(t, dir).PID; got != cmd.Process.Pid {
		t.Fatalf("lock file names %d, want the dead helper %d", got, cmd.Process.Pid)
	}
	l := mustAcquire(t, dir)
	if got := readLockFileInfo(t, dir).PID; got != os.Getpid() || l == nil {
		t.Errorf("lock file names %d after takeover", got)
	}
}

func TestLockStaleFromDeadProcessIsRecovered(t *testing.T) {
	dir := t.TempDir()
	pid := deadPID(t)
	writeLockFileInfo(t, dir, LockInfo{PID: pid, Host: thisHost(t), Since: time.Now().Add(-time.Hour)})
	mustAcquire(t, dir)
	if got := readLockFileInfo(t, dir).PID; got != os.Getpid() {
		t.Errorf("lock file names %d, want %d", got, os.Getpid())
	}
	assertNoLockLeftovers(t, dir)
}

func TestLockOfAnotherHostIsRespected(t *testing.T) {
	dir := t.TempDir()
	holder := LockInfo{PID: deadPID(t), Host: "someone-else-" + thisHost(t), Since: time.Now().Add(-time.Hour).Round(time.Second)}
	writeLockFileInfo(t, dir, holder)
	_, err := AcquireLock(dir)
	if locked := asLocked(t, err); !locked.Holder.Since.Equal(holder.Since) || locked.Holder.Host != holder.Host {
		t.Errorf("got %+v, want %+v", locked.Holder, holder)
	}
}

func TestLockOfLiveProcessWithoutOSLockIsRespected(t *testing.T) {
	dir := t.TempDir()
	// The parent (go test) lives as long as this test does.
	writeLockFileInfo(t, dir, LockInfo{PID: os.Getppid(), Host: thisHost(t), Since: time.Now()})
	_, err := AcquireLock(dir)
	asLocked(t, err)
}

// A crashed copy's process id can be this process's own: Windows, and Wine
// at once, hands ids on. Seen under Wine: after the app was killed, the next
// start found "process 32" holding the lock, and was process 32 itself.
func TestLockLeftByAnEarlierProcessWithOurIDIsRecovered(t *testing.T) {
	// Written a minute before this process started: the test binary may
	// have run for minutes (make reliability) before this test.
	dir := t.TempDir()
	writeLockFileInfo(t, dir, LockInfo{PID: os.Getpid(), Host: thisHost(t), Since: processStarted.Add(-time.Minute)})
	mustAcquire(t, dir)
	assertNoLockLeftovers(t, dir)
}

func TestLockOldGarbageIsRecovered(t *testing.T) {
	for _, garbage := range []string{"", "not json\x00\xff", `{"pid":0}`, `{"pid":-1,"host":"x"}`} {
		dir := t.TempDir()
		if err := os.WriteFile(lockPath(dir), []byte(garbage), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Minute)
		if err := os.Chtimes(lockPath(dir), old, old); err != nil {
			t.Fatal(err)
		}
		l, err := AcquireLock(dir)
		if err != nil {
			t.Fatalf("garbage %q: %v", garbage, err)
		}
		l.Release()
	}
}

// A copy that is starting holds the OS lock of the file it has just made
// before it writes its record: respected.
func TestLockFreshGarbageIsRespected(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(lockPath(dir), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	starting, err := openLockFile(lockPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer starting.Close()
	if err := lockOS(starting); err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(dir)
	locked := asLocked(t, err)
	if locked.Holder != (LockInfo{}) || !strings.Contains(err.Error(), "starting up") {
		t.Errorf("got %+v: %v", locked.Holder, err)
	}
}

// A start killed after it made the lock file and before it wrote its
// record leaves a file nobody locks; it is taken over after a moment, not
// after 10 s: found killing restores at random (issue 12), where the next
// open was refused as "another process that is starting up".
func TestLockLeftEmptyByAKilledStartIsTakenOver(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(lockPath(dir), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	mustAcquire(t, dir)
	if got := readLockFileInfo(t, dir).PID; got != os.Getpid() {
		t.Errorf("lock file names %d, want %d", got, os.Getpid())
	}
}

func TestLockReleaseKeepsSomeoneElsesLock(t *testing.T) {
	dir := t.TempDir()
	l := mustAcquire(t, dir)
	// Someone removed our file and another copy took the folder.
	if err := os.Remove(lockPath(dir)); err != nil {
		t.Fatal(err)
	}
	other := LockInfo{PID: os.Getpid() + 1, Host: "other", Since: time.Now().Round(time.Second)}
	writeLockFileInfo(t, dir, other)
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if got := readLockFileInfo(t, dir); got.PID != other.PID || got.Host != other.Host {
		t.Errorf("lock file now %+v, want %+v", got, other)
	}
}

func TestLockAcquireNeedsTheFolder(t *testing.T) {
	_, err := AcquireLock(filepath.Join(t.TempDir(), "missing"))
	var locked *LockedError
	if err == nil || errors.As(err, &locked) || !strings.Contains(err.Error(), "create lock") {
		t.Errorf("got %v", err)
	}
}

// TestLockRaceHasOneWinner lets several acquirers race, on a free folder and
// on one with a stale lock; exactly one may win each time.
func TestLockRaceHasOneWinner(t *testing.T) {
	host, dead := thisHost(t), deadPID(t)
	for round := range 20 {
		dir := t.TempDir()
		if round%2 == 1 {
			writeLockFileInfo(t, dir, LockInfo{PID: dead, Host: host, Since: time.Now()})
		}
		winners := raceForLock(t, dir, 8)
		if len(winners) != 1 {
			t.Fatalf("round %d: %d winners", round, len(winners))
		}
		if got := readLockFileInfo(t, dir); got.PID != os.Getpid() {
			t.Fatalf("round %d: lock names %d", round, got.PID)
		}
		winners[0].Release()
		assertNoLockLeftovers(t, dir)
	}
}

func raceForLock(t *testing.T, dir string, n int) []*Lock {
	t.Helper()
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		winners []*Lock
		start   = make(chan struct{})
	)
	for range n {
		wg.Go(func() {
			<-start
			l, err := AcquireLock(dir)
			var locked *LockedError
			if err != nil && !errors.As(err, &locked) {
				t.Error(err)
			}
			if l != nil {
				mu.Lock()
				winners = append(winners, l)
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	return winners
}

func assertNoLockLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != LockFileName {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

func TestLockedErrorMessage(t *testing.T) {
	since := time.Date(2026, 11, 28, 15, 30, 12, 0, time.Local)
	err := &LockedError{Path: "/data/pomi.lock", Holder: LockInfo{PID: 1234, Host: "kontoret", Since: since}}
	want := "/data/pomi.lock is in use by process 1234 on host kontoret since " + since.Format(time.RFC3339)
	if err.Error() != want {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
}
