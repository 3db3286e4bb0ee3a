package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeOrLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("fill failed")
	err := Write(path, ".x-*.tmp", func(w io.Writer) error {
		io.WriteString(w, "half")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("a failing fill gave %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old file became %q", got)
	}
	if err := Write(path, ".x-*.tmp", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("the file holds %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".x-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteIntoAMissingFolderIsAnIOError(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "no", "plan.pdf"), ".x-*.tmp", func(io.Writer) error { return nil })
	var ioErr *IOError
	if !errors.As(err, &ioErr) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v", err)
	}
}
