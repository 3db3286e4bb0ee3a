// Package e2e tests team mode in the whole window against a real
// pomi-server: signing in from the settings, the table after a pull, and
// the open company changed by the team.
package e2e
