package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"
)

func TestOpenQuickLeavesTheCheckAndTheDailyBackupToMaintain(t *testing.T) {
	dir, _, _ := faultFolder(t)
	for _, b := range mustList(t, dir) {
		os.Remove(b.Path) // no backup yet today
	}
	ctx := context.Background()
	s, err := OpenQuick(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := len(mustList(t, dir)); n != 0 {
		t.Fatalf("OpenQuick made %d backups", n)
	}
	if err := s.Maintain(ctx); err != nil {
		t.Fatal(err)
	}
	if bs := mustList(t, dir); len(bs) != 1 || bs[0].Reason != "daily" {
		t.Errorf("after Maintain: %+v, want the daily backup", bs)
	}
}

func TestMaintainFindsDamagedPagesThatOpenQuickLetThrough(t *testing.T) {
	dir, db, backup := faultFolder(t)
	whole, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// The last page holds company data, which opening never reads.
	const page = 4096
	last := len(whole) - page
	copy(whole[last:], bytes.Repeat([]byte("skräp "), page/7+1))
	if err := os.WriteFile(db, whole, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := OpenQuick(ctx, dir)
	if err != nil {
		var corrupt *CorruptError
		if !errors.As(err, &corrupt) {
			t.Fatalf("OpenQuick: %v", err)
		}
		t.Fatalf("OpenQuick read the damaged data page: %v", err)
	}
	defer s.Close()
	var corrupt *CorruptError
	if err := s.Maintain(ctx); !errors.As(err, &corrupt) || corrupt.Backup != backup {
		t.Errorf("Maintain = %v, want a *CorruptError naming %s", err, backup)
	}
}

func mustList(t *testing.T, dir string) []backups.Info {
	t.Helper()
	bs, err := backups.List(backups.Dir(dir + "/" + datadir.DatabaseName))
	if err != nil {
		t.Fatal(err)
	}
	return bs
}
