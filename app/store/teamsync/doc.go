// Package teamsync holds only tests: two devices, each a real SQLite store
// in its own data folder, syncing through pomi-server's real API over
// HTTPS in front of a real PostgreSQL (internal/teamtest). They live apart
// from package store's tests so that those do not start PostgreSQL.
package teamsync
