package store

import (
	"context"
	"path/filepath"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// Maintenance looks after a data folder whether or not its database is
// open: its backups, a new empty database, a restore with no store open and
// the place's risks. It has no state; cmd/pomi hands it to the screens,
// which know it only as kit.Maintenance.
type Maintenance struct{}

// Backups lists the backups of the database in dataDir, newest first. A
// folder without backups has none; ListBackups's error names the folder.
func (Maintenance) Backups(dataDir string) ([]app.BackupInfo, error) {
	return backups.List(backups.Dir(filepath.Join(dataDir, datadir.DatabaseName)))
}

// StartEmpty lets the next open of dataDir make a new, empty database; see
// the package function StartEmpty.
func (Maintenance) StartEmpty(ctx context.Context, dataDir string) error {
	return StartEmpty(ctx, dataDir)
}

// RestoreClosed puts backup in place of dataDir's database while no store
// is open and returns where the damaged files went; see the package
// function RestoreClosed.
func (Maintenance) RestoreClosed(ctx context.Context, dataDir, backup string) (string, error) {
	return RestoreClosed(ctx, dataDir, backup)
}

// RiskyLocation reports whether dir is cloud-synced (ReasonCloudSync) or on
// a network share (ReasonNetworkShare); see the package function.
func (Maintenance) RiskyLocation(dir string) (string, bool) {
	return datadir.RiskyLocation(dir)
}
