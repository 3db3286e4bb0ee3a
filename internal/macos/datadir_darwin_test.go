//go:build darwin

package macos

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app/store"
)

// On a Mac the data folder must be where README.md and the app's Settings
// say: ~/Library/Application Support/POMI Planner. Runs in CI's macOS jobs;
// `GOOS=darwin go vet ./internal/macos/` type-checks it elsewhere.
func TestDataFolderIsInApplicationSupport(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder:", err)
	}
	got, err := store.DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "Library", "Application Support", "POMI Planner"); got != want {
		t.Errorf("data folder %q, want %q", got, want)
	}
	resolved, err := store.ResolveDir("", func(string) string { return "" })
	if err != nil || resolved != got {
		t.Errorf("ResolveDir without flag or %s: %q, %v", store.DataDirEnv, resolved, err)
	}
}
