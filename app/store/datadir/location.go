package datadir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DataDirEnv names the environment variable that moves the data folder, so
// tests, demos and portable installs never touch the user's real clients.
const DataDirEnv = "POMI_DATA_DIR"

// DatabaseName is the file name of the database inside the data folder.
const DatabaseName = "pomi.db"

// Reason codes RiskyLocation returns; the UI maps them to translated warnings.
const (
	// ReasonCloudSync means a sync client (OneDrive, Dropbox …) may upload or
	// replace the database, its -wal and -shm files independently.
	ReasonCloudSync = "cloud_sync"
	// ReasonNetworkShare means other machines may open the file and SQLite's
	// locking and shared memory do not work reliably over the network.
	ReasonNetworkShare = "network_share"
)

// appDirName is a folder of its own, never Fyne's generic app storage, which
// users delete when they clean up.
const appDirName = "POMI Planner"

// DefaultDir returns the per-user folder the database lives in when neither a
// flag nor DataDirEnv says otherwise; the user config folder is not synced by
// OneDrive's known-folder move, unlike Documents.
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find user config folder: %w", err)
	}
	return filepath.Join(base, appDirName), nil
}

// ResolveDir picks the data folder: the flag, else the DataDirEnv variable,
// else DefaultDir. The result is absolute so a later change of working
// directory cannot move the database. A nil getenv reads the real environment.
func ResolveDir(flagValue string, getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	dir := flagValue
	if dir == "" {
		dir = getenv(DataDirEnv)
	}
	if dir == "" {
		var err error
		if dir, err = DefaultDir(); err != nil {
			return "", err
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolve data folder %s: %w", dir, err)
	}
	return abs, nil
}

// EnsureDir creates the data folder readable by its owner only: it holds
// every client's data. An existing folder is tightened too, because MkdirAll
// leaves the mode of existing folders alone (on Windows, see makePrivate).
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data folder %s: %w", dir, err)
	}
	if err := MakePrivate(dir, 0o700); err != nil {
		return fmt.Errorf("protect data folder %s: %w", dir, err)
	}
	return nil
}

// RiskyLocation reports whether dir is inside a cloud-synced folder
// (ReasonCloudSync) or on a network share (ReasonNetworkShare). SQLite's WAL
// needs local locks and shared memory, and sync clients copy the database
// apart from its -wal file, so either place can corrupt it. The check is a
// best effort for a warning: it never fails, and dir need not exist yet.
func RiskyLocation(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	resolved := resolveExisting(abs)
	if inCloudFolder(abs) || inCloudFolder(resolved) {
		return ReasonCloudSync, true
	}
	if onNetworkShare(resolved) {
		return ReasonNetworkShare, true
	}
	return "", false
}

// resolveExisting follows symlinks in the nearest existing ancestor of path,
// so a link to a synced folder or a mount is seen for what it is; the part
// that does not exist yet is appended unchanged.
func resolveExisting(path string) string {
	rest := ""
	for dir := path; ; {
		target, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(target, rest)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return path
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return path
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// cloudFolderNames are the folder names sync clients create, lower case.
var cloudFolderNames = map[string]bool{
	"onedrive":         true,
	"dropbox":          true,
	"google drive":     true,
	"googledrive":      true,
	"my drive":         true,
	"icloud drive":     true,
	"iclouddrive":      true,
	"mobile documents": true, // macOS ~/Library/Mobile Documents (iCloud Drive)
	"box":              true,
	"box sync":         true,
	"pclouddrive":      true,
	"pcloud drive":     true,
}

// cloudFolderPrefixes catch business and per-account names such as
// "OneDrive - Contoso", "Dropbox (Personal)" and macOS File Provider folders
// like "OneDrive-Contoso", "GoogleDrive-anna@example.com" or "Box-Box".
var cloudFolderPrefixes = []string{
	"onedrive - ", "onedrive-", "dropbox (", "dropbox-", "googledrive-", "box-",
}

// inCloudFolder looks at every element of path, split on both separators so
// Windows paths can be checked (and tested) on any system.
func inCloudFolder(path string) bool {
	elems := strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' })
	for i, elem := range elems {
		name := strings.ToLower(strings.TrimSpace(elem))
		if cloudFolderNames[name] || hasAnyPrefix(name, cloudFolderPrefixes) {
			return true
		}
		// macOS puts every File Provider sync client under ~/Library/CloudStorage.
		if name == "cloudstorage" && i > 0 && strings.EqualFold(elems[i-1], "Library") {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isUNCPath reports a Windows network path (\\server\share, also written
// with slashes or as \\?\UNC\server\share). Device and long-path prefixes
// such as \\?\C:\ and \\.\ are local. It is pure string logic so it can be
// tested on any system.
func isUNCPath(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if len(p) >= 8 && strings.EqualFold(p[:8], `\\?\UNC\`) {
		return true
	}
	if !strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `\\.\`) {
		return false
	}
	server, _, _ := strings.Cut(p[2:], `\`)
	return server != ""
}
