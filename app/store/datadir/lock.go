package datadir

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pomi-planner/pomi/app"
)

// LockFileName is the lock's file inside the data folder; support staff can
// read it to see which process holds the folder.
const LockFileName = "pomi.lock"

const (
	// staleGarbageAge is how long an unreadable lock file is given: a younger
	// one may be a lock being written by a starting copy of the app.
	staleGarbageAge = 10 * time.Second
	// unlockedGarbageAge replaces staleGarbageAge where the OS locks files:
	// a starting copy takes the OS lock right after creating the file and
	// before it writes, so an unreadable file nobody locks is a start that
	// was killed, once this moment has passed.
	unlockedGarbageAge = 250 * time.Millisecond
	// lockAttempts and lockRetryDelay ride out the short moments in which
	// another copy is creating, replacing or removing the lock file.
	lockAttempts   = 5
	lockRetryDelay = 20 * time.Millisecond
	// maxLockFileSize bounds what is read from a lock file of unknown origin.
	maxLockFileSize = 4096
)

// errLockBusy is what the platform lock returns when another open file holds
// the OS lock.
var errLockBusy = errors.New("lock held by another open file")

// LockInfo is app.LockInfo: what the lock file says about its holder.
type LockInfo = app.LockInfo

// LockedError is app.LockedError: another running copy of the app holds the
// data folder.
type LockedError = app.LockedError

// Lock is the data folder's lock held by this process. Keep it reachable
// until Release: its open file carries the OS lock, and a garbage-collected
// file would drop it.
type Lock struct {
	mu   sync.Mutex
	path string
	file *os.File // nil once released
}

// lockProbe is one look at the lock file; transient means it may change in a
// moment, so it is worth trying again before giving up.
type lockProbe struct {
	lock      *Lock
	locked    *LockedError
	transient bool
}

// AcquireLock takes dir's lock so that a second running copy of the app does
// not write the same database. The folder must exist. A lock left behind by a
// process of this host that is no longer alive, or an unreadable lock file
// that nobody OS-locks (older than 10 s where the OS has no file locks), is
// replaced; any other holder gives a *LockedError.
func AcquireLock(dir string) (*Lock, error) {
	path := filepath.Join(dir, LockFileName)
	self := currentLockInfo()
	var last *LockedError
	// Long enough for an unreadable, unlocked file to come of age.
	deadline := time.Now().Add(max(lockAttempts*lockRetryDelay, unlockedGarbageAge+2*lockRetryDelay))
	for attempt := 0; attempt < lockAttempts || time.Now().Before(deadline); attempt++ {
		if attempt > 0 {
			time.Sleep(lockRetryDelay)
		}
		p, err := probeLock(path, self)
		if err != nil {
			return nil, err
		}
		if p.lock != nil {
			return p.lock, nil
		}
		if last = p.locked; last != nil && !p.transient {
			break
		}
	}
	if last == nil {
		last = &LockedError{Path: path}
	}
	return nil, last
}

func currentLockInfo() LockInfo {
	host, _ := os.Hostname() // an unknown host only disables the stale check
	return LockInfo{PID: os.Getpid(), Host: host, Since: time.Now().Round(time.Second)}
}

// probeLock creates the lock file, or inspects the existing one.
func probeLock(path string, self LockInfo) (lockProbe, error) {
	f, err := createLockFile(path)
	if err == nil {
		l, err := claimNewLock(f, path, self)
		return lockProbe{lock: l}, err
	}
	if !errors.Is(err, fs.ErrExist) {
		return lockProbe{}, fmt.Errorf("create lock %s: %w", path, err)
	}
	return inspectLock(path, self)
}

// claimNewLock fills a lock file this process just created exclusively,
// taking its OS lock first, so that a start killed before the record is
// written leaves a file nobody locks (see lockIsStale). The OS lock may be
// briefly held by another copy looking at the file, so it is retried; the
// file is ours either way, since its holder (us) is alive.
func claimNewLock(f *os.File, path string, self LockInfo) (*Lock, error) {
	for range lockAttempts {
		if !errors.Is(lockOS(f), errLockBusy) {
			break
		}
		time.Sleep(lockRetryDelay)
	}
	if err := writeLockInfo(f, self); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("write lock %s: %w", path, err)
	}
	return &Lock{path: path, file: f}, nil
}

// inspectLock opens the existing lock file and decides whether its holder
// lives. Holding the file's OS lock first makes the decision race-free
// against other copies doing the same; a stale file is then replaced by
// a rename, or on Windows taken over in place, under that same OS lock.
func inspectLock(path string, self LockInfo) (lockProbe, error) {
	f, err := openLockFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return lockProbe{locked: &LockedError{Path: path}, transient: true}, nil // just released
	}
	if err != nil {
		return lockProbe{}, fmt.Errorf("open lock %s: %w", path, err)
	}
	busy := errors.Is(lockOS(f), errLockBusy) // other errors: no OS locks here
	holder, readErr := readLockInfo(f)
	locked := &LockedError{Path: path, Holder: holder}
	switch {
	case busy:
		// A live holder keeps the OS lock; a dead-looking or unreadable one
		// means another copy is creating or taking over the file right now.
		f.Close()
		return lockProbe{locked: locked, transient: readErr != nil || !holderAlive(holder, self.Host)}, nil
	case !sameFile(f, path):
		f.Close()
		return lockProbe{locked: locked, transient: true}, nil // replaced meanwhile
	case !lockIsStale(f, holder, readErr, self.Host):
		f.Close()
		return lockProbe{locked: locked, transient: readErr != nil}, nil
	}
	if runtime.GOOS == "windows" {
		l, err := takeOverLock(f, path, self)
		return lockProbe{lock: l}, err
	}
	defer f.Close() // its OS lock guards the rename
	l, err := replaceLock(path, self)
	return lockProbe{lock: l}, err
}

// lockIsStale applies the rules: unreadable and older than staleGarbageAge,
// or written by a process of this host that has ended. Holders on other hosts
// cannot be checked and are always respected.
func lockIsStale(f *os.File, holder LockInfo, readErr error, host string) bool {
	if readErr != nil {
		age := staleGarbageAge
		if haveOSLocks {
			age = unlockedGarbageAge // the caller holds its OS lock: nobody else does
		}
		st, err := f.Stat()
		return err == nil && time.Since(st.ModTime()) > age
	}
	return !holderAlive(holder, host)
}

// processStarted is about when this process started, for holderAlive.
var processStarted = time.Now()

// holderAlive is true unless the holder provably ended: same host, and no
// such process, or this process's own id in a lock taken before it started.
// Windows (and Wine at once) hands a dead process's id to the next process,
// so after a crash the app could find "itself" holding the lock and refuse
// to open. Since is rounded to the second, hence the second's margin.
func holderAlive(holder LockInfo, host string) bool {
	if host == "" || !strings.EqualFold(holder.Host, host) {
		return true
	}
	if holder.PID == os.Getpid() {
		return !holder.Since.Before(processStarted.Add(-time.Second))
	}
	return processAlive(holder.PID)
}

// takeOverLock rewrites a stale lock file, which f holds open for writing
// and OS-locked, with this process's details: on Windows, where renaming
// over a file that is open fails (the inspection holds it open), so after a
// crash the app could not open its data again (seen under Wine). Another
// copy finds the file busy and, while the record is half written,
// unreadable: it waits and retries.
func takeOverLock(f *os.File, path string, self LockInfo) (*Lock, error) {
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, fmt.Errorf("take over stale lock %s: %w", path, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("take over stale lock %s: %w", path, err)
	}
	if err := writeLockInfo(f, self); err != nil {
		f.Close()
		return nil, fmt.Errorf("write lock %s: %w", path, err)
	}
	return &Lock{path: path, file: f}, nil
}

// replaceLock swaps a stale lock for ours in one rename, so other copies see
// either the old file or the complete new one, never a missing or half file.
func replaceLock(path string, self LockInfo) (*Lock, error) {
	tmp := path + "." + strconv.FormatUint(rand.Uint64(), 36) + ".tmp"
	f, err := createLockFile(tmp)
	if err != nil {
		return nil, fmt.Errorf("create lock %s: %w", tmp, err)
	}
	if err := writeLockInfo(f, self); err != nil {
		return nil, discardTempLock(f, tmp, fmt.Errorf("write lock %s: %w", tmp, err))
	}
	if err := lockOS(f); errors.Is(err, errLockBusy) {
		return nil, discardTempLock(f, tmp, fmt.Errorf("lock %s: %w", tmp, err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, discardTempLock(f, tmp, fmt.Errorf("replace stale lock %s: %w", path, err))
	}
	return &Lock{path: path, file: f}, nil
}

func discardTempLock(f *os.File, tmp string, err error) error {
	f.Close()
	os.Remove(tmp)
	return err
}

func writeLockInfo(f *os.File, info LockInfo) error {
	raw, err := json.Marshal(info)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(raw, '\n')); err != nil {
		return err
	}
	return f.Sync()
}

// readLockInfo treats anything but a complete record as unreadable, so an
// empty file from a copy that crashed mid-start is judged by its age.
func readLockInfo(f *os.File) (LockInfo, error) {
	raw, err := io.ReadAll(io.LimitReader(f, maxLockFileSize))
	if err != nil {
		return LockInfo{}, err
	}
	var info LockInfo
	if err := json.Unmarshal(raw, &info); err != nil {
		return LockInfo{}, err
	}
	if info.PID <= 0 {
		return LockInfo{}, fmt.Errorf("lock names no process: %q", raw)
	}
	return info, nil
}

// sameFile reports whether path still names the open file f, that is, nobody
// removed or replaced it since it was opened.
func sameFile(f *os.File, path string) bool {
	open, err := f.Stat()
	if err != nil {
		return false
	}
	named, err := os.Stat(path)
	return err == nil && os.SameFile(open, named)
}

// Release gives the data folder free. It removes the lock file only while it
// is still the one this Lock created, never a lock another copy has taken
// over meanwhile. Calling it again, or on nil, does nothing.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file == nil {
		return nil
	}
	f := l.file
	l.file = nil
	var removeErr error
	if sameFile(f, l.path) {
		// Removed before closing: the OS lock guards the file until it is gone.
		if err := os.Remove(l.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			removeErr = fmt.Errorf("remove lock %s: %w", l.path, err)
		}
	}
	if err := f.Close(); err != nil {
		return errors.Join(removeErr, fmt.Errorf("close lock %s: %w", l.path, err))
	}
	return removeErr
}
