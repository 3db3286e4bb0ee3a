package diskfull

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWritesFailWhileTheDiskIsFullAndWorkAfter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	While(t, func() {
		if err := os.WriteFile(path, []byte("x"), 0o600); err == nil {
			t.Error("a write succeeded on the full disk")
		}
	})
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Errorf("a write after the disk was freed: %v", err)
	}
}
