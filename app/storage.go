package app

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// This file holds what the screens and commands need to know about the
// data folder's outcomes: the backups it keeps and the ways opening or
// backing up the database can fail. app/store produces them; the types
// live here so that the screens can tell them apart without importing the
// storage package.

// BackupInfo describes one backup file; Time and Reason come from its name.
type BackupInfo struct {
	Path   string
	Time   time.Time
	Reason string
	Size   int64
}

// LockInfo is what the lock file says about its holder, so a second copy can
// tell the user who holds the data folder and judge whether the holder died.
type LockInfo struct {
	PID   int       `json:"pid"`
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
}

// LockedError says another running copy of the app holds the data folder.
// Holder is zero when the lock file could not be read yet (another copy is
// starting at this very moment).
type LockedError struct {
	Path   string // the lock file
	Holder LockInfo
}

// Error names the holder so the user can find and close the other copy.
func (e *LockedError) Error() string {
	if e.Holder.PID == 0 {
		return fmt.Sprintf("%s is in use by another process that is starting up", e.Path)
	}
	return fmt.Sprintf("%s is in use by process %d on host %s since %s",
		e.Path, e.Holder.PID, e.Holder.Host, e.Holder.Since.Local().Format(time.RFC3339))
}

// CorruptError says the database file cannot be used; Backup names the newest
// backup that passed a check ("" when there is none). Nothing was written.
type CorruptError struct {
	Path   string
	Backup string
	Err    error
}

// ErrDatabaseMissing is a CorruptError's cause when the database file is
// gone from a folder that had one (backups of it, or the mark of one made):
// lost data, not a first start.
var ErrDatabaseMissing = errors.New("the database file is missing")

// Error says what is wrong with the file and names the backup to restore.
func (e *CorruptError) Error() string {
	if errors.Is(e.Err, ErrDatabaseMissing) && e.Backup == "" {
		return fmt.Sprintf("database %s is missing and there is no backup of it; put the file back, "+
			"or begin with an empty database (pomi-cli start-empty)", e.Path)
	}
	if errors.Is(e.Err, ErrDatabaseMissing) {
		return fmt.Sprintf("database %s is missing, but backups of it exist; newest good backup: %s", e.Path, e.Backup)
	}
	// The integrity report has a line per problem; an error is one line.
	var lines []string
	for _, l := range strings.Split(fmt.Sprint(e.Err), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	detail := strings.Join(lines, "; ")
	msg := fmt.Sprintf("database %s is damaged or not a POMI Planner database: %s", e.Path, detail)
	if e.Backup != "" {
		msg += "; newest good backup: " + e.Backup
	}
	return msg
}

// Unwrap returns the cause: ErrDatabaseMissing or what the check found.
func (e *CorruptError) Unwrap() error { return e.Err }

// NewerError says the database was written by a newer version of the app;
// it is refused and left untouched.
type NewerError struct {
	Path      string
	Version   int
	Supported int
}

// Error names both schema versions.
func (e *NewerError) Error() string {
	return fmt.Sprintf("database %s has schema version %d, newer than this version of POMI Planner understands (%d); update the app",
		e.Path, e.Version, e.Supported)
}

// NoSpaceError is a backup that does not fit on the disk, even after the
// oldest automatic backups gave way. Need is how many more bytes must be
// freed for it.
type NoSpaceError struct {
	Dir  string
	Need int64
	Err  error
}

// Error says how much space to free.
func (e *NoSpaceError) Error() string {
	msg := fmt.Sprintf("not enough disk space for a backup in %s: free %d MB more", e.Dir, MegabytesUp(e.Need))
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the disk's own error, nil when the lack was measured first.
func (e *NoSpaceError) Unwrap() error { return e.Err }

// MegabytesUp is n bytes in whole megabytes (10^6), rounded up, so a
// message never asks for less space than is needed.
func MegabytesUp(n int64) int64 {
	return (n + 999_999) / 1_000_000
}
