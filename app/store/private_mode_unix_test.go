//go:build unix

package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"
)

// Files holding client data are private from their first byte, not made
// so afterwards (issue 12): with a umask that lets everyone read, the new
// database is 0600 when made, and its WAL and shared-memory files are 0600
// when SQLite has written them, before the open's own protectFiles; so are
// a backup's files.
func TestClientDataFilesArePrivateFromTheStart(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	db := filepath.Join(dir, datadir.DatabaseName)
	seen := map[string]os.FileMode{}
	datadir.FileStepHook = func(point string) {
		for _, f := range []string{db, db + "-wal", db + "-shm"} {
			if fi, err := os.Stat(f); err == nil {
				seen[point+" "+filepath.Base(f)] = fi.Mode().Perm()
			}
		}
		tmps, _ := filepath.Glob(filepath.Join(backups.Dir(db), ".*"))
		for _, f := range tmps {
			if fi, err := os.Stat(f); err == nil {
				seen[point+" "+filepath.Base(f)] = fi.Mode().Perm()
			}
		}
	}
	defer func() { datadir.FileStepHook = nil }()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.BackupNow(context.Background(), "manual"); err != nil {
		t.Fatal(err)
	}
	wal := false
	for what, mode := range seen {
		wal = wal || strings.HasSuffix(what, "-wal")
		if mode != 0o600 {
			t.Errorf("%s: mode %v, want 0600", what, mode)
		}
	}
	if !wal || len(seen) < 4 {
		t.Errorf("too little seen to judge: %v", seen)
	}
}
