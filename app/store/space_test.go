package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app"
)

// fakeDisk plays a disk of capacity bytes for the backups folder: what the
// backups there take is used, the rest is free.
func fakeDisk(t *testing.T, capacity int64) {
	t.Helper()
	old := backups.DiskFree
	backups.DiskFree = func(dir string) (int64, error) {
		used := int64(0)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				used += fi.Size()
			}
		}
		return capacity - used, nil
	}
	t.Cleanup(func() { backups.DiskFree = old })
}

// backupsOf makes one backup for each reason, a second apart, oldest first.
func backupsOf(t *testing.T, s *Store, reasons ...string) []string {
	t.Helper()
	start := time.Now().Add(-time.Hour)
	var paths []string
	for i, r := range reasons {
		p, err := backups.Backup(context.Background(), s.db, s.path, r, start.Add(time.Duration(i)*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// On a nearly full disk the oldest automatic backups give way, one at a
// time and no more than needed; manual backups and the newest one stay
// (issue 12, finding 6).
func TestOnAFullDiskTheOldestAutomaticBackupsGiveWayFirst(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.ImportDocument(ctx, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	paths := backupsOf(t, s, "manual", "daily", "pre-import", "daily", "pre-erase")
	size, _ := backups.Size(ctx, s.db)
	// Five backups take 5 × size: a sixth fits once two of them go.
	fakeDisk(t, 4*size+backups.SpaceMargin)
	made, err := s.BackupNow(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	gone := []string{}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			gone = append(gone, filepath.Base(p))
		}
	}
	if len(gone) != 2 || !strings.HasSuffix(gone[0], "daily.db") || !strings.HasSuffix(gone[1], "pre-import.db") {
		t.Errorf("gave way: %v; want the oldest daily and pre-import, not the manual one", gone)
	}
	if _, err := os.Stat(made); err != nil {
		t.Errorf("the new backup: %v", err)
	}
}

// When even that is not enough, the backup is refused with how much space
// it lacks, and the newest and the manual backups are still there.
func TestABackupThatCannotFitSaysHowMuchSpaceItNeeds(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	paths := backupsOf(t, s, "manual", "daily", "daily")
	fakeDisk(t, 0)
	_, err := s.BackupNow(ctx, "pre-restore")
	var full *backups.NoSpaceError
	if !errors.As(err, &full) || full.Need <= backups.SpaceMargin || !strings.Contains(err.Error(), "MB more") {
		t.Fatalf("want a NoSpaceError naming the space needed, got %v", err)
	}
	for i, p := range paths {
		_, err := os.Stat(p)
		if kept := err == nil; kept != (i != 1) {
			t.Errorf("%s kept %v", filepath.Base(p), kept)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(backups.Dir(s.path), ".*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// Erase does not wait for disk space: with no room for its pre-erase
// backup the company still goes, and the report says why there is no
// backup; an erase everywhere needs no backup at all.
func TestEraseWorksOnADiskWithNoRoomForABackup(t *testing.T) {
	s, first := storeWithTwoCompanies(t)
	ctx := context.Background()
	fakeDisk(t, 0)
	report, err := s.EraseCompany(ctx, first, app.EraseKeepBackups)
	var full *backups.NoSpaceError
	if err != nil || report.Backup != "" || !errors.As(report.BackupSkipped, &full) {
		t.Fatalf("erase on a full disk: %+v, %v", report, err)
	}
	list, _, _ := s.ListCompanies(ctx, app.ListQuery{})
	if len(list) != 1 {
		t.Fatalf("%d companies after the first erase", len(list))
	}
	if _, err := s.EraseCompany(ctx, list[0].ID, app.EraseEverywhere); err != nil {
		t.Fatalf("erase everywhere on a full disk: %v", err)
	}
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 0 {
		t.Errorf("%d companies left", n)
	}
}

// A write that fails for space, SQLite's own "database or disk is full"
// as much as the system's ENOSPC, is told apart from other failures.
func TestAWriteThatFailedForSpaceIsToldApart(t *testing.T) {
	db, err := sql.Open("sqlite", backups.FileURI(filepath.Join(t.TempDir(), "small.db"), "_pragma=max_page_count(3)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, sqliteErr := db.Exec("CREATE TABLE t (b BLOB); INSERT INTO t VALUES (zeroblob(100000))")
	for _, c := range []struct {
		err  error
		full bool
	}{
		{sqliteErr, true},
		{fmt.Errorf("back up: %w", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), true},
		{errors.New("disk I/O error"), false},
		{nil, false},
	} {
		if got := backups.IsDiskFull(c.err); got != c.full {
			t.Errorf("isDiskFull(%v) = %v, want %v", c.err, got, c.full)
		}
	}
}
