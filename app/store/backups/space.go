package backups

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"syscall"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"modernc.org/sqlite"

	"github.com/pomi-planner/pomi/app"
)

// SpaceMargin is kept free beside a new backup, for SQLite's temporary
// files, the WAL and the log: a backup that fills the disk to the last
// byte would leave the next save nowhere to go.
const SpaceMargin = 8 << 20

// sqliteFull is SQLITE_FULL, "database or disk is full".
const sqliteFull = 13

// DiskFree returns the bytes the user may still write in dir. Tests
// replace it to play a nearly full disk.
var DiskFree = datadir.FreeBytes

// NoSpaceError is app.NoSpaceError: a backup that does not fit on the disk.
type NoSpaceError = app.NoSpaceError

// MegabytesUp is app.MegabytesUp: n bytes in whole megabytes, rounded up.
func MegabytesUp(n int64) int64 { return app.MegabytesUp(n) }

// Size is what VACUUM INTO will write for db: its pages in use.
func Size(ctx context.Context, db *sql.DB) (int64, error) {
	var pages, free, size int64
	for _, q := range []struct {
		pragma string
		into   *int64
	}{{"page_count", &pages}, {"freelist_count", &free}, {"page_size", &size}} {
		if err := db.QueryRowContext(ctx, "PRAGMA "+q.pragma).Scan(q.into); err != nil {
			return 0, fmt.Errorf("measure the database (%s): %w", q.pragma, err)
		}
	}
	return (pages - free) * size, nil
}

// makeRoom makes sure a backup of size bytes fits in dir. When the disk is
// too full, the oldest automatic backups (any but "manual") are deleted one
// at a time until it fits; the newest backup is never among them, so
// something to restore is always left. It returns a *NoSpaceError, naming
// the bytes still missing, when even that is not enough.
func makeRoom(dir string, size int64) error {
	need := size + SpaceMargin
	free, err := DiskFree(dir)
	if err != nil || free >= need {
		return nil // unknown free space: let the write itself tell
	}
	entries, err := list(dir)
	if err != nil {
		return err
	}
	for _, e := range slices.Backward(givable(entries)) {
		if err := os.Remove(e.Path); err != nil {
			continue
		}
		datadir.FileStep("backup: an old one gave way")
		if free, err = DiskFree(dir); err != nil || free >= need {
			return nil
		}
	}
	return &NoSpaceError{Dir: dir, Need: need - free}
}

// givable is the automatic backups that may give way for space, newest
// first: all but the manual ones and the newest backup of all.
func givable(entries []entry) []entry {
	var out []entry
	for i, e := range entries {
		if i > 0 && e.Reason != "manual" {
			out = append(out, e)
		}
	}
	return out
}

// IsDiskFull reports whether err is a write that failed for want of space.
func IsDiskFull(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteFull {
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || datadir.IsDiskFullOS(err)
}

// shortBy is how many bytes dir lacks for a backup of size bytes after a
// write failed for space: the difference when the free space is known and
// short, else the whole backup (a quota or a limit the free space hides).
func shortBy(dir string, size int64) int64 {
	need := size + SpaceMargin
	if free, err := DiskFree(dir); err == nil && free < need {
		return need - free
	}
	return need
}
