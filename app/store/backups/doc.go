// Package backups is the database's backups as files: made online from an
// open database into the backups folder beside it, named by time and
// reason, listed, checked, pruned (never the newest, never a manual one
// before automatic ones), and room made for a new one on a nearly full disk.
// app/store decides when to back up and how to restore.
package backups
