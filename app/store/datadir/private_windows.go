package datadir

import "os"

// MakePrivate does nothing on Windows. A Unix mode means nothing there: Go's
// Chmod only sets or clears the read-only attribute (SetFileAttributesW),
// and that call fails with a sharing violation on the -shm file SQLite holds
// memory-mapped, which made the database impossible to open. The files are
// private the Windows way already: the data folder lives in the user's
// profile (%AppData%), whose access list admits only the user, SYSTEM and
// the administrators, and every file in it inherits that list.
func MakePrivate(string, os.FileMode) error {
	return nil
}
