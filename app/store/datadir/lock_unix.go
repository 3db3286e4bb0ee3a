//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package datadir

import (
	"errors"
	"os"
	"syscall"
)

// createLockFile creates path only if it does not exist, which is what makes
// the lock exclusive even where flock is not available.
func createLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY, 0)
}

// lockOS takes flock without waiting. The kernel drops it when the process
// dies, so a held flock proves a live holder even if its PID was reused.
// errLockBusy means another open file holds it; other errors mean the file
// system has no flock (some network mounts) and the PID check must do.
func lockOS(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLockBusy
	}
	return err
}

// processAlive sends signal 0, which checks existence without disturbing the
// process; EPERM means it exists but belongs to another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false // 0 and negative PIDs address process groups, never a holder
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// haveOSLocks says whether lockOS really locks here.
const haveOSLocks = true
