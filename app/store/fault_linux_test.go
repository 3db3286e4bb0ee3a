package store

// Faults only the operating system can make, so Linux only: a disk that
// refuses every write (RLIMIT_FSIZE, the limit on how large a file this
// process may write, set to zero) and a data folder the user may read but
// not write (a child process that gives up root for the "nobody" user,
// since root ignores file permissions and CI runs as root).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/internal/diskfull"

	"github.com/pomi-planner/pomi/app"
)

func TestAFullDiskRefusesTheWriteAndKeepsWhatWasSaved(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Company(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	var importErr, updateErr, backupErr error
	diskfull.While(t, func() {
		_, importErr = s.ImportDocument(ctx, demoDocument(t, "smaland-mobler.json"), app.ImportRefuseDuplicate)
		edited := c.Company
		edited.Notes = "Ändrad när disken var full"
		updateErr = s.UpdateCompany(ctx, first, &edited)
		_, backupErr = s.BackupNow(ctx, "manual")
	})
	for what, err := range map[string]error{"import": importErr, "update": updateErr, "backup": backupErr} {
		if err == nil {
			t.Errorf("%s on a full disk reported success", what)
		}
	}
	t.Logf("what the log gets: %v", updateErr)
	// Room again: the same store goes on working.
	if got, err := s.Company(ctx, first); err != nil || got.Notes != c.Notes {
		t.Errorf("the company after the failed update: notes %q, %v", got.Notes, err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate); err != nil {
		t.Errorf("a write once there is room again: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if check, err := s.Check(ctx); check != "ok" || err != nil {
		t.Errorf("integrity_check %q %v", check, err)
	}
	rows, _, _ := s.ListCompanies(ctx, app.ListQuery{})
	var names []string
	for _, r := range rows {
		names = append(names, r.Name)
	}
	if len(rows) != 2 || strings.Contains(strings.Join(names, "|"), "Småland") {
		t.Errorf("companies %q, want the one before and the one after the full disk", names)
	}
	kept, _ := backups.List(backups.Dir(s.Path()))
	for _, b := range kept {
		if err := checkBackup(ctx, b.Path); err != nil {
			t.Errorf("a backup that is not whole was left: %s: %v", b.Path, err)
		}
	}
	if tmp, _ := filepath.Glob(filepath.Join(backups.Dir(s.Path()), ".*.tmp")); len(tmp) != 0 {
		t.Errorf("the failed backup left %v", tmp)
	}
}

// With no room at start the lock file cannot be written: Open refuses with
// a plain error (the app says the database could not be opened) and leaves
// the folder as it was, and opens normally once there is room.
func TestAFullDiskAtStartIsRefusedAndChangesNothing(t *testing.T) {
	dir, _, _ := faultFolder(t)
	before := folderSnapshot(t, dir)
	var err error
	diskfull.While(t, func() {
		var s *Store
		if s, err = Open(context.Background(), dir); err == nil {
			s.Close()
		}
	})
	var locked *datadir.LockedError
	var bad *CorruptError
	var newer *NewerError
	if err == nil || errors.As(err, &locked) || errors.As(err, &bad) || errors.As(err, &newer) {
		t.Fatalf("open on a full disk: %v, want a plain error", err)
	}
	t.Logf("what the log gets: %v", err)
	if after := folderSnapshot(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore %s\nafter  %s", before, after)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open once there is room: %v", err)
	}
	defer s.Close()
	if _, n, _ := s.ListCompanies(context.Background(), app.ListQuery{}); n != 2 {
		t.Errorf("%d companies, want 2", n)
	}
}

// readOnlyChildEnv names the data folder the read-only child opens.
const readOnlyChildEnv = "POMI_READONLY_CHILD_DIR"

// nobody is the user the child becomes: it owns nothing in the folder.
const nobody = 65534

// TestReadOnlyChild is not a test on its own: TestAReadOnlyDataFolderIsRefusedAndLeftAlone
// runs it as a child process, as root; it becomes "nobody", opens the
// folder and prints the outcome.
func TestReadOnlyChild(t *testing.T) {
	dir := os.Getenv(readOnlyChildEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestAReadOnlyDataFolderIsRefusedAndLeftAlone")
	}
	if err := errors.Join(syscall.Setgroups(nil), syscall.Setgid(nobody), syscall.Setuid(nobody)); err != nil {
		fmt.Println("setuid:", err)
		os.Exit(3)
	}
	s, err := Open(context.Background(), dir)
	if err == nil {
		s.Close()
		fmt.Println("opened")
		return
	}
	var locked *datadir.LockedError
	var bad *CorruptError
	var newer *NewerError
	fmt.Printf("plain=%v error=%v\n", !errors.As(err, &locked) && !errors.As(err, &bad) && !errors.As(err, &newer), err)
}

// A folder the user may read but not write: a read-only network share, a
// folder of another user, a locked-down profile. Open must refuse with a
// plain error (the app says the database could not be opened, nothing
// changed) and write nothing there.
func TestAReadOnlyDataFolderIsRefusedAndLeftAlone(t *testing.T) {
	dir, db, _ := faultFolder(t)
	before := folderSnapshot(t, dir)
	if os.Geteuid() != 0 {
		// The user's own folder is no test: Open makes it writable again
		// (EnsureDir sets 0700), which is right for a folder the user owns.
		t.Skip("needs root, to run the child as another user")
	}
	// nobody must reach the folder and read the files, as on a share.
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{db, filepath.Join(dir, "backups")} {
		if err := os.Chmod(f, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadOnlyChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), readOnlyChildEnv+"="+dir)
	raw, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, raw)
	}
	out := string(raw)
	if strings.Contains(out, "setuid:") {
		t.Skipf("cannot become nobody here: %s", out)
	}
	if !strings.Contains(out, "plain=true error=") || !strings.Contains(out, dir) {
		t.Fatalf("child said %q, want a plain error naming the folder", out)
	}
	t.Logf("what the log gets: %s", strings.TrimSpace(out))
	if after := folderSnapshot(t, dir); after != before {
		t.Errorf("the read-only folder changed:\nbefore %s\nafter  %s", before, after)
	}
}

// folderSnapshot lists dir's files with their sizes and modes.
func folderSnapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if info.IsDir() {
			fmt.Fprintf(&b, "%s/ ", rel)
		} else {
			fmt.Fprintf(&b, "%s:%d ", rel, info.Size())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
