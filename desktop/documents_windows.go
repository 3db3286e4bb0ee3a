package desktop

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// DocumentsDir is the user's Documents folder as Windows knows it
// (SHGetKnownFolderPath), wherever it was moved to, e.g. into OneDrive;
// %USERPROFILE%\Documents only if Windows cannot say.
func DocumentsDir() (string, error) {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err == nil && dir != "" {
		return dir, nil
	}
	known := fmt.Errorf("ask Windows for the Documents folder: %w", err)
	home, herr := homeDocuments()
	if herr != nil {
		return "", errors.Join(known, herr)
	}
	return home, nil
}

// homeDocuments is the Documents folder in the home folder, the fallback
// where Windows names none.
func homeDocuments() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the home folder: %w", err)
	}
	return filepath.Join(home, "Documents"), nil
}
