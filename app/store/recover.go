package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"
)

// damagedPrefix starts the names a damaged database is kept under; it does
// not match backupNameRE, so pruning backups never touches it.
const damagedPrefix = "pomi-damaged-"

// RestoreClosed puts a backup in place of the database in dir when the
// database cannot be opened, so there is no Store to call Restore on. It
// takes the folder's lock (a *LockedError when another copy runs), checks the
// backup, moves the current database and its -wal and -shm files aside under
// a timestamped name in dir (they are never deleted: support may still rescue
// something from them) and copies the backup into place. It returns where the
// damaged files went ("" when there was no database file). Open the folder
// with Open afterwards.
func RestoreClosed(ctx context.Context, dir, backup string) (string, error) {
	lock, err := datadir.AcquireLock(dir)
	if err != nil {
		return "", err
	}
	defer lock.Release()
	if err := checkBackup(ctx, backup); err != nil {
		return "", err
	}
	db := filepath.Join(dir, datadir.DatabaseName)
	// Killed from here on, the next open finishes the restore.
	if err := markRestorePending(dir, backup); err != nil {
		return "", fmt.Errorf("restore %s: %w", backup, err)
	}
	datadir.FileStep("restore: marked")
	aside, err := moveAside(db, time.Now())
	if err != nil {
		clearRestorePending(dir)
		return "", fmt.Errorf("restore %s: %w", backup, err)
	}
	datadir.FileStep("restore: old database aside")
	if err := replaceFile(backup, db); err != nil {
		return aside, fmt.Errorf("restore %s: %w", backup, err)
	}
	backups.SyncDir(dir)
	datadir.FileStep("restore: backup in place")
	clearRestorePending(dir)
	return aside, nil
}

// moveAside renames db, db-wal, db-shm and db-journal to
// pomi-damaged-<time>.db (and the same with the suffixes), keeping the WAL or
// a hot rollback journal beside its database so SQLite could still read
// them together; a stray WAL or journal of a missing database goes aside
// too, so it cannot be replayed onto the backup. It returns the new name of db, ""
// when none of the files exists.
func moveAside(db string, now time.Time) (string, error) {
	suffixes := []string{"-wal", "-shm", "-journal", ""}
	var present []string
	for _, suffix := range suffixes {
		if _, err := os.Lstat(db + suffix); err == nil {
			present = append(present, suffix)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	if len(present) == 0 {
		return "", nil
	}
	target, err := freeDamagedName(filepath.Dir(db), now)
	if err != nil {
		return "", err
	}
	for i, suffix := range present {
		datadir.FileStep("restore: moving aside")
		if err := os.Rename(db+suffix, target+suffix); err != nil {
			// Put back what moved, so the database keeps its WAL.
			for _, back := range present[:i] {
				os.Rename(target+back, db+back)
			}
			return "", fmt.Errorf("move damaged %s aside: %w", db+suffix, err)
		}
	}
	return target, nil
}

// freeDamagedName returns the first unused pomi-damaged-<time>[-n].db in dir.
func freeDamagedName(dir string, now time.Time) (string, error) {
	ts := now.Local().Format(backups.TimeLayout)
	for n := 1; n <= backups.MaxSameSecond; n++ {
		name := damagedPrefix + ts + ".db"
		if n > 1 {
			name = fmt.Sprintf("%s%s-%d.db", damagedPrefix, ts, n)
		}
		path := filepath.Join(dir, name)
		free, err := namesFree(path, "", "-wal", "-shm", "-journal")
		if err != nil {
			return "", err
		}
		if free {
			return path, nil
		}
	}
	return "", fmt.Errorf("no free name in %s for the damaged database", dir)
}

// namesFree reports whether no file path+suffix exists for any suffix.
func namesFree(path string, suffixes ...string) (bool, error) {
	for _, suffix := range suffixes {
		if _, err := os.Lstat(path + suffix); err == nil {
			return false, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return false, fmt.Errorf("check name %s: %w", path+suffix, err)
		}
	}
	return true, nil
}
