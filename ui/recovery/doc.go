// Package recovery is the screen shown instead of the companies when the
// database cannot be opened: why, in the user's language, and what to do
// (restore a backup, start an empty database, try again).
package recovery
