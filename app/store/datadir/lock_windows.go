package datadir

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// stillActive is GetExitCodeProcess's answer for a running process
// (STILL_ACTIVE, which x/sys/windows does not define).
const stillActive = 259

// lockByteOffset is where the one locked byte sits: far beyond the end of the
// file, because Windows byte-range locks also block reading, and a second
// copy must still read who holds the lock.
const lockByteOffset = 1 << 30

// createLockFile creates path only if it does not exist. It shares delete
// access, unlike os.OpenFile, so the file can be removed or replaced by
// rename while other copies have it open.
func createLockFile(path string) (*os.File, error) {
	return openShared(path, windows.CREATE_NEW)
}

func openLockFile(path string) (*os.File, error) {
	return openShared(path, windows.OPEN_EXISTING)
}

func openShared(path string, disposition uint32) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	h, err := windows.CreateFile(name,
		windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, disposition, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), nil
}

// lockOS takes an exclusive byte-range lock without waiting. Windows drops it
// when the process ends, so a held lock proves a live holder.
func lockOS(f *os.File) error {
	ol := windows.Overlapped{Offset: lockByteOffset}
	err := windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errLockBusy
	}
	return err
}

// processAlive opens the process to read its exit code; access denied means
// it exists but is protected or elevated.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true // cannot tell: respect the lock
	}
	return code == stillActive
}

// haveOSLocks says whether lockOS really locks here.
const haveOSLocks = true
