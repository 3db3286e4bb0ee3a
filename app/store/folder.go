package store

import (
	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store/datadir"
)

// The data folder's names and rules, from datadir, for the callers that
// open a store and need nothing else from that package.
const (
	// DatabaseName is the database file in the data folder.
	DatabaseName = datadir.DatabaseName
	// DataDirEnv names the environment variable that overrides the folder.
	DataDirEnv = datadir.DataDirEnv
)

// LockedError is what opening a folder another copy uses returns.
type LockedError = app.LockedError

// ResolveDir is the data folder to use: flag, else $POMI_DATA_DIR, else
// the user's config folder (datadir.ResolveDir).
func ResolveDir(flagValue string, getenv func(string) string) (string, error) {
	return datadir.ResolveDir(flagValue, getenv)
}

// DefaultDir is the data folder in the user's config folder
// (datadir.DefaultDir).
func DefaultDir() (string, error) { return datadir.DefaultDir() }

// RiskyLocation reports whether dir is in a cloud-synced folder or on a
// network share, where SQLite's write-ahead log is unsafe, and which
// (datadir.RiskyLocation).
func RiskyLocation(dir string) (reason string, risky bool) { return datadir.RiskyLocation(dir) }
