//go:build !windows

package datadir

import "os"

// MakePrivate gives path the mode mode, which the callers choose so that
// only the user can read what holds clients' business details.
func MakePrivate(path string, mode os.FileMode) error {
	return os.Chmod(path, mode)
}
