package kit

import (
	"context"

	"github.com/pomi-planner/pomi/app"
)

// Maintenance is what the screens need to look after the data folder
// itself, also when its database could not be opened: its backups, a new
// empty database, a restore with no store open and whether the folder's
// place puts the file at risk. store.Maintenance implements it; cmd/pomi
// hands it to the shell. What went wrong the screens tell from the
// errors with errors.As on app's error types (app.LockedError,
// app.CorruptError, app.NewerError, app.NoSpaceError).
type Maintenance interface {
	// Backups lists the backups of the database in dataDir, newest first.
	Backups(dataDir string) ([]app.BackupInfo, error)
	// StartEmpty lets the next open of dataDir make a new, empty database
	// when its file is missing and there is no backup to restore.
	StartEmpty(ctx context.Context, dataDir string) error
	// RestoreClosed puts backup in place of dataDir's database while no
	// store is open (an *app.LockedError when another copy runs) and
	// returns where the damaged files went.
	RestoreClosed(ctx context.Context, dataDir, backup string) (string, error)
	// RiskyLocation reports whether dir is in a cloud-synced folder
	// ("cloud_sync") or on a network share ("network_share").
	RiskyLocation(dir string) (reason string, risky bool)
}
