package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pomi-planner/pomi/app/store/backups"
	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// erasePendingName is the mark an erase everywhere keeps in the data folder
// until every backup is rewritten: "<id> <created>". An erase killed midway
// is finished by the next open, so no backup keeps what was to be removed.
const erasePendingName = ".erase-pending"

// purgeBackups rewrites every backup in dir that holds e without it and
// returns how many it rewrote. A backup it cannot rewrite is named in the
// error, the others are still done.
func purgeBackups(ctx context.Context, dir string, e erasure) (int, error) {
	backups, err := backups.List(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, b := range backups {
		purged, err := purgeBackup(ctx, b.Path, e)
		if err != nil {
			errs = append(errs, err)
		} else if purged {
			n++
		}
	}
	return n, errors.Join(errs...)
}

// purgeBackup rewrites one backup without e, atomically: a private copy
// beside it (a name the next open removes as a leftover) loses the company
// with secure_delete on, gets its full-text index rebuilt and is vacuumed,
// then replaces the backup. A backup without the company is left as it is.
func purgeBackup(ctx context.Context, path string, e erasure) (bool, error) {
	if held, err := backupHolds(ctx, path, e); err != nil || !held {
		return false, err
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := copyPrivate(path, tmp); err != nil {
		return false, fmt.Errorf("purge backup %s: %w", path, err)
	}
	datadir.FileStep("purge: copied")
	if err := dropFromCopy(ctx, tmp, e); err != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("purge backup %s: %w", path, err)
	}
	datadir.FileStep("purge: company dropped from the copy")
	if err := backups.FinishFile(tmp); err != nil {
		os.Remove(tmp)
		return false, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("purge backup %s: %w", path, err)
	}
	datadir.FileStep("purge: backup replaced")
	backups.SyncDir(filepath.Dir(path))
	return true, nil
}

// backupHolds reports whether the backup at path holds e, read-only.
func backupHolds(ctx context.Context, path string, e erasure) (bool, error) {
	db, err := sql.Open("sqlite", backups.ReadOnlyURI(path))
	if err != nil {
		return false, fmt.Errorf("open backup %s: %w", path, err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM companies WHERE id = ? AND created = ?", e.ID, e.Created).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("read backup %s: %w", path, err)
	}
	return n > 0, nil
}

// dropFromCopy deletes e from the database copy at path. The copy has no
// journal: it is a temporary file, thrown away whole if anything fails.
func dropFromCopy(ctx context.Context, path string, e erasure) error {
	db, err := sql.Open("sqlite", backups.FileURI(path, "_pragma=journal_mode(OFF)&_pragma=foreign_keys(1)&_pragma=secure_delete(1)"))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{
		"DELETE FROM companies WHERE id = ? AND created = ?",
		"INSERT INTO companies_fts (companies_fts) VALUES ('rebuild')",
		"VACUUM",
	} {
		var args []any
		if strings.HasPrefix(stmt, "DELETE") {
			args = []any{e.ID, e.Created}
		}
		if _, err := db.ExecContext(ctx, stmt, args...); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	return db.Close()
}

// copyPrivate copies src to a new file dst that only the user may read,
// replacing a leftover of a killed purge.
func copyPrivate(src, dst string) error {
	if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}

// markErasePending records, durably, that e is being erased everywhere.
func markErasePending(dir string, e erasure) error {
	line := strconv.FormatInt(int64(e.ID), 10) + " " + e.Created
	if err := writeMark(dir, erasePendingName, line); err != nil {
		return fmt.Errorf("mark the erase: %w", err)
	}
	return nil
}

// readErasePending returns the erase dir's mark names, if there is one. A
// mark that cannot be read as one is dropped: it names nothing to erase.
func readErasePending(dir string) (erasure, bool, error) {
	raw, err := os.ReadFile(filepath.Join(dir, erasePendingName))
	if errors.Is(err, fs.ErrNotExist) {
		return erasure{}, false, nil
	} else if err != nil {
		return erasure{}, false, fmt.Errorf("read the interrupted erase: %w", err)
	}
	idText, created, ok := strings.Cut(strings.TrimSpace(string(raw)), " ")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || created == "" {
		clearErasePending(dir)
		return erasure{}, false, nil
	}
	return erasure{ID: app.CompanyID(id), Created: created}, true, nil
}

func clearErasePending(dir string) {
	os.Remove(filepath.Join(dir, erasePendingName))
	backups.SyncDir(dir)
}
