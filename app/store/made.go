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

// madeMarkName is a file the data folder keeps once it has held a
// database. A missing pomi.db is a first start only in a folder without it
// and without backups; with it, the file was lost (deleted on the first
// day, before any backup, or taken by a sync client) and an empty database
// in its place would hide that.
const madeMarkName = ".database-made"

// markDatabaseMade leaves the mark in dir, once; failing to is no reason
// to refuse the data, only a first start the next time the file is lost.
func markDatabaseMade(dir string, now time.Time) {
	path := filepath.Join(dir, madeMarkName)
	if _, err := os.Stat(path); err == nil {
		return
	}
	writeMark(dir, madeMarkName, now.UTC().Format(time.RFC3339)+"\n")
}

// databaseWasMade reports whether dir has held a database.
func databaseWasMade(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, madeMarkName))
	return err == nil
}

// ErrDatabaseExists is StartEmpty's refusal when there is a database.
var ErrDatabaseExists = errors.New("the data folder has a database")

// StartEmpty lets the next open of dir make a new, empty database when
// its database file is missing and there is no backup to restore: the
// user's choice, on the recovery screen or with pomi-cli start-empty, after
// being told the file is gone. It takes the folder's lock and refuses a
// folder that has a database file or a good backup.
func StartEmpty(ctx context.Context, dir string) error {
	lock, err := datadir.AcquireLock(dir)
	if err != nil {
		return err
	}
	defer lock.Release()
	db := filepath.Join(dir, datadir.DatabaseName)
	if _, err := os.Stat(db); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("start empty in %s: %w", dir, ErrDatabaseExists)
	}
	if backup, _ := backups.NewestGood(ctx, backups.Dir(db)); backup != "" {
		return fmt.Errorf("start empty in %s: restore %s instead", dir, backup)
	}
	if err := os.Remove(filepath.Join(dir, madeMarkName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("start empty in %s: %w", dir, err)
	}
	backups.SyncDir(dir)
	return nil
}
