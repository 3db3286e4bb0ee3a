// Package e2e holds the end-to-end tests of team sync: two devices
// (package engine over package client) against the real pomi-server API
// on TLS and a real PostgreSQL (internal/pgtest). It has no code of its own.
package e2e
