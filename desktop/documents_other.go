//go:build !windows

package desktop

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DocumentsDir is the user's Documents folder: on macOS ~/Documents, on
// Linux and the BSDs the one named in ~/.config/user-dirs.dirs (localised,
// e.g. ~/Dokument), else ~/Documents. It fails only without a home folder.
func DocumentsDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the home folder: %w", err)
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Documents"), nil
	}
	return xdgDocumentsDir(home, os.Getenv("XDG_CONFIG_HOME")), nil
}
