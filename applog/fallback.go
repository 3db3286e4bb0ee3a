package applog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// appDirName is the app's own folder inside the user's cache folder.
const appDirName = "POMI Planner"

// FallbackDir is where the log goes when the data folder cannot be used:
// the user's cache folder, which is writable even when the configured data
// folder is on a read-only or missing drive.
func FallbackDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find user cache folder: %w", err)
	}
	return filepath.Join(base, appDirName), nil
}

// OpenFirst opens the log in the first of dirs that works, skipping empty
// names, with opts for each try. The error lists every folder's reason when
// none works; the caller then logs to stderr alone.
func OpenFirst(opts Options, dirs ...string) (*Log, error) {
	var errs []error
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		l, err := OpenWith(dir, opts)
		if err == nil {
			return l, nil
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return nil, errors.New("no folder for the log file")
	}
	return nil, errors.Join(errs...)
}

// IsTerminal reports whether f is a character device, such as the terminal a
// developer started the app from. A Windows GUI program has no valid stderr,
// and Stat fails, so it is not. /dev/null is a character device too, which
// only costs a discarded copy.
func IsTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
