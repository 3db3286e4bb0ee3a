package app

// EraseScope says where an erase removes a company from.
type EraseScope int

// Erase scopes.
const (
	// EraseKeepBackups removes the company from the database. A "pre-erase"
	// backup is made first, so a mistaken erase can be undone; it and the
	// earlier backups hold the company until newer backups push them out.
	EraseKeepBackups EraseScope = iota
	// EraseEverywhere removes the company from the database and rewrites
	// every backup without it (a data subject's request under GDPR). No
	// pre-erase backup is made: it would hold what was asked to be removed.
	EraseEverywhere
)

// EraseReport says what an erase did, for the message that follows it.
type EraseReport struct {
	// Backup is the pre-erase backup; "" when none was made.
	Backup string
	// BackupSkipped is why the pre-erase backup of EraseKeepBackups could
	// not be made (a full disk: the erase does not wait for space); nil
	// when it was made or was not wanted.
	BackupSkipped error
	// PurgedBackups counts the backups rewritten without the company.
	PurgedBackups int
}
