package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
)

// A restore killed at any point is finished at the next open, which says so
// (issue 12, finding 1): after the old file went aside, before it did, and
// after the backup was in place but before the mark was cleared.
func TestARestoreKilledMidwayIsFinishedAtTheNextOpen(t *testing.T) {
	for name, kill := range map[string]func(t *testing.T, dir, db, backup string){
		"after moving the old file aside": func(t *testing.T, dir, db, backup string) {
			if _, err := moveAside(db, time.Now()); err != nil {
				t.Fatal(err)
			}
		},
		"before moving the old file aside": func(t *testing.T, dir, db, backup string) {},
		"with the backup in place": func(t *testing.T, dir, db, backup string) {
			if _, err := moveAside(db, time.Now()); err != nil {
				t.Fatal(err)
			}
			if err := replaceFile(backup, db); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir, db, backup := faultFolder(t)
			ctx := context.Background()
			// The live database moves on past the backup: one more company.
			s, err := Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateCompany(ctx, &app.Company{Name: "Efter säkerhetskopian AB"}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := markRestorePending(dir, backup); err != nil {
				t.Fatal(err)
			}
			kill(t, dir, db, backup)

			s, err = Open(ctx, dir)
			if err != nil {
				t.Fatalf("the next open: %v", err)
			}
			defer s.Close()
			if _, n, err := s.ListCompanies(ctx, app.ListQuery{}); n != 2 || err != nil {
				t.Errorf("%d companies (%v), want the backup's 2", n, err)
			}
			if _, err := os.Stat(filepath.Join(dir, restorePendingName)); !os.IsNotExist(err) {
				t.Errorf("the mark of the restore is still there (%v)", err)
			}
			repaired := repairLines(s.Repairs())
			if name == "with the backup in place" {
				if repaired != "" {
					t.Errorf("a finished restore was done again: %s", repaired)
				}
			} else if !strings.Contains(repaired, "finished the interrupted restore of "+backup) {
				t.Errorf("repairs %q do not say the restore was finished", repaired)
			}
		})
	}
}

// A mark naming a backup that is gone is dropped, said so, and the open
// goes on with what is there.
func TestAnInterruptedRestoreOfAVanishedBackupIsGivenUp(t *testing.T) {
	dir, _, _ := faultFolder(t)
	if err := markRestorePending(dir, filepath.Join(dir, "backups", "borta.db")); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := repairLines(s.Repairs()); !strings.Contains(r, "gave up the interrupted restore") {
		t.Errorf("repairs %q", r)
	}
	if _, err := os.Stat(filepath.Join(dir, restorePendingName)); !os.IsNotExist(err) {
		t.Errorf("the mark is still there (%v)", err)
	}
}

// repairLines joins the repairs as the log writes them.
func repairLines(rs []Repair) string {
	lines := make([]string, len(rs))
	for i, r := range rs {
		lines[i] = r.String()
	}
	return strings.Join(lines, "\n")
}
