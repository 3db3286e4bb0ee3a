package store

import (
	"fmt"

	"github.com/pomi-planner/pomi/app"
)

// RepairKind names what opening the data folder had to set right, so each
// front end can say it in the user's language.
type RepairKind string

// The kinds of repair an open can make.
const (
	// RepairRestoreFinished: a restore killed midway was completed.
	RepairRestoreFinished RepairKind = "restore_finished"
	// RepairRestoreGivenUp: the backup of a killed restore failed its check,
	// so the database was left as it was.
	RepairRestoreGivenUp RepairKind = "restore_given_up"
	// RepairEraseFinished: an erase everywhere killed midway was completed.
	RepairEraseFinished RepairKind = "erase_finished"
	// RepairErasePending: an erase everywhere could not be finished yet and
	// is tried again at the next open.
	RepairErasePending RepairKind = "erase_pending"
)

// Repair is one thing an open set right (or could not yet), with what a
// message about it names.
type Repair struct {
	Kind    RepairKind
	Backup  string        // the backup of a restore
	Company app.CompanyID // the company of an erase
	Backups int           // how many backups an erase rewrote
	Err     error         // why a restore was given up or an erase must wait
}

// String is the repair as a log line.
func (r Repair) String() string {
	switch r.Kind {
	case RepairRestoreFinished:
		return "finished the interrupted restore of " + r.Backup
	case RepairRestoreGivenUp:
		return fmt.Sprintf("gave up the interrupted restore of %s: %v", r.Backup, r.Err)
	case RepairEraseFinished:
		return fmt.Sprintf("finished the interrupted erase of company %d (%d backups rewritten without it)", r.Company, r.Backups)
	default:
		return fmt.Sprintf("%v; trying again at the next start", r.Err)
	}
}
