//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package datadir

import "os"

// createLockFile creates path only if it does not exist.
func createLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY, 0)
}

// lockOS has no portable OS lock here; the exclusive create still protects.
func lockOS(*os.File) error { return nil }

// processAlive cannot check here, so a holder is always respected.
func processAlive(int) bool { return true }

// haveOSLocks says whether lockOS really locks here.
const haveOSLocks = false
