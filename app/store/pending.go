package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"
)

// restorePendingName is the file RestoreClosed keeps in the data folder
// while it works, naming the backup. A restore killed midway, after the old
// database went aside and before the backup was in place, would otherwise
// leave no database at all; the next open finds the file and finishes it.
const restorePendingName = ".restore-pending"

// markRestorePending records, durably, that dir is being restored from backup.
func markRestorePending(dir, backup string) error {
	if err := writeMark(dir, restorePendingName, backup); err != nil {
		return fmt.Errorf("mark the restore: %w", err)
	}
	return nil
}

// writeMark writes a small file of dir's, private, whole or not at all (a
// temporary file the next open removes, renamed), and durably.
func writeMark(dir, name, content string) error {
	path := filepath.Join(dir, name)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
		return err
	}
	datadir.FileStep("mark written: " + name)
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	backups.SyncDir(dir)
	return nil
}

func clearRestorePending(dir string) {
	os.Remove(filepath.Join(dir, restorePendingName))
	backups.SyncDir(dir)
}

// finishPendingRestore completes a restore that was killed midway in dir,
// which must be locked: the database becomes the backup it names, unless it
// already is. It says what it did (nil for nothing to do); a backup that is
// gone or fails its check leaves things as they are, said so, for the open
// that follows to judge.
func finishPendingRestore(ctx context.Context, dir string) (*Repair, error) {
	raw, err := os.ReadFile(filepath.Join(dir, restorePendingName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the interrupted restore: %w", err)
	}
	backup := strings.TrimSpace(string(raw))
	if err := checkBackup(ctx, backup); err != nil {
		clearRestorePending(dir)
		return &Repair{Kind: RepairRestoreGivenUp, Backup: backup, Err: err}, nil
	}
	db := filepath.Join(dir, datadir.DatabaseName)
	if sameContent(db, backup) {
		clearRestorePending(dir)
		return nil, nil // it was in place; only the mark was left
	}
	if _, err := moveAside(db, time.Now()); err != nil {
		return nil, fmt.Errorf("finish the interrupted restore of %s: %w", backup, err)
	}
	datadir.FileStep("restore: finishing, old database aside")
	if err := replaceFile(backup, db); err != nil {
		return nil, fmt.Errorf("finish the interrupted restore of %s: %w", backup, err)
	}
	backups.SyncDir(dir)
	clearRestorePending(dir)
	return &Repair{Kind: RepairRestoreFinished, Backup: backup}, nil
}

// sameContent reports whether the files a and b both exist with equal bytes.
func sameContent(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
}
