package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// The kill harness (issue 12): every kind of write the store does is run in
// a child process and killed, at random moments while it writes over and
// over, and at each point between two of its file operations in turn
// (fileStepHook). After each kill the next open must succeed, pass
// integrity_check, leave no temporary file or mark behind, and hold every
// change the child reported as done. TestKilledWritesOfEveryKindLoseNothing
// runs it; POMI_KILL_ROUNDS sets the random rounds per kind.

const (
	killKindEnv = "POMI_KILL_KIND"
	killDirEnv  = "POMI_KILL_DIR"
	// killAtEnv, when set to N, makes the child do one write and kill
	// itself at the Nth file step, or print killDone when it had fewer.
	killAtEnv     = "POMI_KILL_AT"
	killBackupEnv = "POMI_KILL_BACKUP"
	// killTightDiskEnv makes the child's disk just too small for one more
	// backup, so old ones must give way first.
	killTightDiskEnv = "POMI_KILL_TIGHT_DISK"
	killDone         = "done"
)

// killKind is one kind of write: how to prepare its folder, what the
// child does once (printing a line for each change only after it is
// done), and what must hold after a kill, given the lines of that run.
type killKind struct {
	name    string
	prepare func(t *testing.T, dir string) (env []string)
	write   func(ctx context.Context, dir string, say func(string)) error
	// fresh asks for a newly prepared folder for each random round: a
	// migration happens once to a folder.
	fresh  bool
	verify func(t *testing.T, s *Store, dir string, lines []string)
}

// killKinds lists every kind of write the harness kills; the window's
// autosave is killed by the ui package's harness.
func killKinds() []killKind {
	return []killKind{
		{name: "backup", prepare: prepareTwoCompanies, write: writeBackups, verify: verifyBackups},
		{name: "backup-on-a-full-disk", prepare: prepareFullBackupFolder, write: writeBackups, verify: verifyBackups},
		{name: "import", prepare: prepareTwoCompanies, write: writeImports, verify: verifyImports},
		{name: "settings", prepare: prepareTwoCompanies, write: writeSettings, verify: verifySettings},
		{name: "erase", prepare: prepareTwoCompanies, write: writeErases(app.EraseKeepBackups), verify: verifyErases},
		{name: "erase-everywhere", prepare: prepareTwoCompanies, write: writeErases(app.EraseEverywhere), verify: verifyErases},
		{name: "restore", prepare: prepareRestore, write: writeRestores, verify: verifyTwoCompanies},
		{name: "migration", fresh: true, prepare: prepareOldSchema, write: writeOpens, verify: verifyMigrated},
	}
}

// TestKillHarnessChild is not a test on its own: run by the harness as a
// child process, it does the kind's write over and over, or once up to a
// file step.
func TestKillHarnessChild(t *testing.T) {
	name := os.Getenv(killKindEnv)
	if name == "" {
		t.Skip("runs only as the child of the kill harness")
	}
	var kind killKind
	for _, k := range killKinds() {
		if k.name == name {
			kind = k
		}
	}
	at, _ := strconv.Atoi(os.Getenv(killAtEnv))
	if at > 0 {
		steps := 0
		datadir.FileStepHook = func(point string) {
			if steps++; steps == at {
				fmt.Println("step", point)
				p, _ := os.FindProcess(os.Getpid())
				p.Kill()
				select {} // the kill lands
			}
		}
	}
	dir := os.Getenv(killDirEnv)
	ctx := context.Background()
	fmt.Println(crashChildReady)
	if err := kind.write(ctx, dir, func(line string) { fmt.Println(line) }); err != nil {
		fmt.Println("failed:", err)
		os.Exit(4)
	}
	fmt.Println(killDone)
}

// withOpen runs fn on the folder's store, as each start of the app does.
func withOpen(ctx context.Context, dir string, fn func(*Store) error) error {
	s, err := Open(ctx, dir)
	if err != nil {
		return fmt.Errorf("open: %w", err)
	}
	defer s.Close()
	return fn(s)
}

// killName is a name unique to this child and write.
func killName(prefix string, i int) string {
	return fmt.Sprintf("%s %d-%d", prefix, os.Getpid(), i)
}

// repeat runs write with 0, 1, 2 … until it fails, or once when the child
// is to kill itself at a file step (killAtEnv): over and over for the
// random kills, one write for the stepped ones.
func repeat(write func(i int) error) error {
	once := os.Getenv(killAtEnv) != ""
	for i := 0; ; i++ {
		if err := write(i); err != nil || once {
			return err
		}
	}
}

func writeBackups(ctx context.Context, dir string, say func(string)) error {
	reason := "manual"
	if os.Getenv(killTightDiskEnv) != "" {
		// Automatic backups, which may give way to the next ones.
		reason = "daily"
		tightenDisk(backups.Dir(filepath.Join(dir, datadir.DatabaseName)))
	}
	return withOpen(ctx, dir, func(s *Store) error {
		return repeat(func(int) error {
			path, err := s.BackupNow(ctx, reason)
			if err == nil {
				say("backup " + path)
			}
			return err
		})
	})
}

func writeImports(ctx context.Context, dir string, say func(string)) error {
	doc, err := loadDemo("smaland-mobler.json")
	if err != nil {
		return err
	}
	return withOpen(ctx, dir, func(s *Store) error {
		return repeat(func(i int) error {
			doc.Company.Name, doc.Company.OrgNr = killName("Import", i), ""
			_, err := s.Import(ctx, doc, app.ImportRefuseDuplicate)
			if err == nil {
				say("imported " + doc.Company.Name)
			}
			return err
		})
	})
}

func writeSettings(ctx context.Context, dir string, say func(string)) error {
	return withOpen(ctx, dir, func(s *Store) error {
		return repeat(func(i int) error {
			st, err := s.Settings(ctx)
			if err != nil {
				return err
			}
			st.Branding.AdvisorName = killName("Rådgivare", i)
			st.Branding.Logo = []byte(strings.Repeat(st.Branding.AdvisorName, 200))
			if err := s.SaveSettings(ctx, st); err != nil {
				return err
			}
			say("saved " + st.Branding.AdvisorName)
			return nil
		})
	})
}

// writeErases imports a company, backs up (so the backups hold it) and
// erases it with scope, over and over.
func writeErases(scope app.EraseScope) func(context.Context, string, func(string)) error {
	return func(ctx context.Context, dir string, say func(string)) error {
		doc, err := loadDemo("goteborg-medtech.json")
		if err != nil {
			return err
		}
		return withOpen(ctx, dir, func(s *Store) error {
			return repeat(func(i int) error {
				doc.Company.Name, doc.Company.OrgNr = killName("Radera", i), ""
				id, err := s.ImportDocument(ctx, doc, app.ImportAsNew)
				if err != nil {
					return err
				}
				if _, err := s.BackupNow(ctx, "manual"); err != nil {
					return err
				}
				say("imported " + doc.Company.Name)
				say("erasing " + doc.Company.Name)
				if _, err := s.EraseCompany(ctx, id, scope); err != nil {
					return err
				}
				say("erased " + doc.Company.Name)
				return nil
			})
		})
	}
}

func writeRestores(ctx context.Context, dir string, say func(string)) error {
	return repeat(func(int) error {
		_, err := RestoreClosed(ctx, dir, os.Getenv(killBackupEnv))
		if err == nil {
			say("restored")
		}
		return err
	})
}

// writeOpens opens the folder, which migrates its old schema the first time.
func writeOpens(ctx context.Context, dir string, say func(string)) error {
	return repeat(func(int) error {
		err := withOpen(ctx, dir, func(*Store) error { return nil })
		if err == nil {
			say("migrated")
		}
		return err
	})
}

// tightenDisk plays a disk with room for KeepBackups-1 backups of the
// size of the largest in dir and spaceMargin, and a little: with all kept
// backups there, an old one must give way for the next; a kill after it
// gave way leaves room for the next without.
func tightenDisk(dir string) {
	var largest int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.Size() > largest {
			largest = fi.Size()
		}
	}
	capacity := (backups.KeepBackups-1)*largest + backups.SpaceMargin + 64<<10
	backups.DiskFree = func(string) (int64, error) { return capacity - folderSize(dir), nil }
}

func folderSize(dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			n += fi.Size()
		}
	}
	return n
}
