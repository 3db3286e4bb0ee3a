package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"
)

// Restore replaces the database with a backup file. The backup is checked
// first; the current database is backed up ("pre-restore") before it is
// replaced, so a restore can itself be undone. The store stays open and
// locked throughout.
func (s *Store) Restore(ctx context.Context, backup string) error {
	if err := checkBackup(ctx, backup); err != nil {
		return err
	}
	// Copy the backup beside the database before the pre-restore backup is
	// made: pruning after that backup may delete the very file chosen, when
	// it is the oldest of the kept ones.
	staged, err := stageCopy(backup, filepath.Dir(s.path))
	if err != nil {
		return fmt.Errorf("restore %s: %w", backup, err)
	}
	defer os.Remove(staged)
	if _, err := s.BackupNow(ctx, "pre-restore"); err != nil {
		return fmt.Errorf("restore: back up the current database first: %w", err)
	}
	datadir.FileStep("restore: staged and backed up")
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("restore: close database: %w", err)
	}
	replaceErr := swapIn(staged, s.path)
	// Reopen whatever is there now: the restored file, or the untouched old
	// one when the copy failed, so the store stays usable either way.
	fresh, err := open(ctx, s.path, nil, false)
	if err != nil {
		return errors.Join(fmt.Errorf("restore: reopen: %w", err), replaceErr)
	}
	s.db = fresh.db
	if replaceErr != nil {
		return fmt.Errorf("restore %s: %w", backup, replaceErr)
	}
	return nil
}

// checkBackup opens a backup read-only and refuses one that fails the quick
// check or comes from a newer version of the app.
func checkBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", backups.ReadOnlyURI(path))
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	defer db.Close()
	var check string
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return &CorruptError{Path: path, Err: errors.Join(err, errors.New(check))}
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return &CorruptError{Path: path, Err: err}
	}
	if version > latestVersion() {
		return &NewerError{Path: path, Version: version, Supported: latestVersion()}
	}
	if version == 0 {
		return &CorruptError{Path: path, Err: errors.New("not a POMI Planner database")}
	}
	return nil
}

// replaceFile copies src over dst atomically: a synced copy in dst's
// folder (stageCopy), then swapped in (swapIn).
func replaceFile(src, dst string) error {
	staged, err := stageCopy(src, filepath.Dir(dst))
	if err != nil {
		return err
	}
	defer os.Remove(staged)
	return swapIn(staged, dst)
}

// stageCopy copies src to a new, synced temp file in dir and returns its path.
func stageCopy(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, ".restore-*.db")
	if err != nil {
		return "", err
	}
	datadir.FileStep("restore: staging")
	_, err = io.Copy(tmp, in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = datadir.MakePrivate(tmp.Name(), 0o600)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// swapIn renames staged over dst; the old WAL, shared-memory and rollback
// journal files go first so SQLite cannot replay them onto the restored
// file (a stale journal played into it put rows out of order).
func swapIn(staged, dst string) error {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		datadir.FileStep("restore: side file removed")
	}
	return os.Rename(staged, dst)
}
