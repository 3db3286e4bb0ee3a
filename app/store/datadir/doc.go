// Package datadir is the data folder the database lives in: where it is on
// each system (or $POMI_DATA_DIR), whether it is risky (a cloud-synced
// folder or a network share), the lock that keeps a second copy of the app
// out, files made private from their first byte, and the free disk space.
// It knows nothing of SQL; app/store builds on it.
package datadir
