package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Restore replaces the database with a backup file. The backup is checked
// first; the current database is backed up ("pre-restore") before it is
// replaced, so a restore can itself be undone. The store stays open and
// locked throughout.
func (s *Store) Restore(ctx context.Context, backup string) error {
	if err := checkBackup(ctx, backup); err != nil {
		return err
	}
	if _, err := s.BackupNow(ctx, "pre-restore"); err != nil {
		return fmt.Errorf("restore: back up the current database first: %w", err)
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("restore: close database: %w", err)
	}
	replaceErr := replaceFile(backup, s.path)
	// Reopen whatever is there now: the restored file, or the untouched old
	// one when the copy failed, so the store stays usable either way.
	fresh, err := open(ctx, s.path, nil)
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
	db, err := sql.Open("sqlite", readOnlyURI(path))
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

// replaceFile copies src over dst atomically: a temp file in dst's folder,
// synced, then renamed; the old WAL and shared-memory files go first so
// SQLite cannot replay them onto the restored file.
func replaceFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".restore-*.db")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}
