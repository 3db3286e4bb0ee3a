package store

import (
	"os"
	"path/filepath"

	"github.com/pomi-planner/pomi/app/store/backups"
)

// leftoverPatterns match the temporary copies of client data that a backup,
// restore or purge killed midway leaves: the backup being written or
// rewritten and its journal, the restore's staged copy, half-written marks. Whoever holds the folder's lock
// may remove them, since no other copy can be writing one.
var leftoverPatterns = []string{
	filepath.Join(backups.DirName, ".pomi-*.db.tmp"),
	filepath.Join(backups.DirName, ".pomi-*.db.tmp-journal"),
	".restore-*.db",
	".restore-*.db-journal",
	restorePendingName + ".tmp",
	erasePendingName + ".tmp",
	madeMarkName + ".tmp",
}

// removeLeftovers deletes the leftovers of killed operations in dir, which
// must be locked. It is best effort: a file that stays is tried again at
// the next start, and never stops the data from opening.
func removeLeftovers(dir string) {
	for _, pattern := range leftoverPatterns {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			os.Remove(m)
		}
	}
}
