//go:build !windows

package store

import "os"

// makePrivate gives path the mode mode, which the callers choose so that
// only the user can read what holds clients' business details.
func makePrivate(path string, mode os.FileMode) error {
	return os.Chmod(path, mode)
}
