// Package store keeps POMI Planner's companies, assessments, actions,
// settings and reference data in one SQLite file (modernc.org/sqlite, pure
// Go). It implements app.Repository.
//
// The file is never lost or half-changed: WAL with synchronous(NORMAL), one
// writer with immediate transactions, every multi-row change in one
// transaction, numbered migrations each in its own transaction after a backup,
// a quick check before anything is written, a lock against a second running
// copy and daily backups beside the database.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/pomi-planner/pomi/app"
)

// Store is an open database. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	lock *datadir.Lock
	now  func() time.Time
	// repairs is what opening set right, for Repairs.
	repairs []Repair
}

var _ app.Repository = (*Store)(nil)

// CorruptError is app.CorruptError: the database file cannot be used.
type CorruptError = app.CorruptError

// ErrDatabaseMissing is app.ErrDatabaseMissing, a CorruptError's cause when
// the database file is gone from a folder that had one.
var ErrDatabaseMissing = app.ErrDatabaseMissing

// NewerError is app.NewerError: the database was written by a newer version
// of the app.
type NewerError = app.NewerError

// dsn sets every pragma per connection: set with Exec they would reach only
// one pooled connection. _txlock=immediate makes a read-then-write
// transaction take the write lock at BEGIN instead of failing midway.
func dsn(path string) string {
	return backups.FileURI(path, "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)"+
		"&_pragma=synchronous(NORMAL)&_pragma=secure_delete(1)&_txlock=immediate")
}

// Open opens (or creates) the database in dir, taking the folder's lock,
// checking the file, migrating it after a backup and making the day's backup.
func Open(ctx context.Context, dir string) (*Store, error) {
	return openDir(ctx, dir, false)
}

// OpenQuick is Open for a window that wants to show itself at once: the
// file's full integrity check and the day's backup, which read the whole
// file, are left to Maintain, which the caller runs soon after, off the UI
// thread. A file that is not a POMI Planner database, or is newer, is still
// refused here; so is a migration, which is always checked and backed up first.
func OpenQuick(ctx context.Context, dir string) (*Store, error) {
	return openDir(ctx, dir, true)
}

// Maintain does what OpenQuick left out: the integrity check (a
// *CorruptError naming the newest good backup when it fails; close the store
// then) and the day's backup when it is due.
func (s *Store) Maintain(ctx context.Context) error {
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return corrupt(ctx, s.path, err)
	}
	if check != "ok" {
		return corrupt(ctx, s.path, errors.New(check))
	}
	return s.dailyBackup(ctx)
}

func openDir(ctx context.Context, dir string, quick bool) (*Store, error) {
	if err := datadir.EnsureDir(dir); err != nil {
		return nil, err
	}
	lock, err := datadir.AcquireLock(dir)
	if err != nil {
		return nil, err
	}
	removeLeftovers(dir)
	repaired, err := finishPendingRestore(ctx, dir)
	if err != nil {
		lock.Release()
		return nil, err
	}
	s, err := open(ctx, filepath.Join(dir, datadir.DatabaseName), lock, quick)
	if err != nil {
		lock.Release()
		return nil, err
	}
	if repaired != nil {
		s.repairs = append(s.repairs, *repaired)
	}
	// An erase that cannot be finished now (a backup that cannot be
	// rewritten) keeps its mark and is tried again at the next open; the
	// data opens meanwhile, and the log says why.
	if erased, err := s.finishPendingErase(ctx); err != nil {
		s.repairs = append(s.repairs, Repair{Kind: RepairErasePending, Err: err})
	} else if erased != nil {
		s.repairs = append(s.repairs, *erased)
	}
	return s, nil
}

// Repairs says what opening had to set right, such as finishing a restore
// that was killed midway; nil for nothing.
func (s *Store) Repairs() []Repair { return s.repairs }

func open(ctx context.Context, path string, lock *datadir.Lock, quick bool) (*Store, error) {
	existing, err := inspect(ctx, path, quick)
	if err != nil {
		return nil, err
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; reads are short and never span a write
	s := &Store{db: db, path: path, lock: lock, now: time.Now}
	if err := s.prepare(ctx, existing, quick); err != nil {
		db.Close()
		if quick {
			// Without the check up front, damage shows up as whatever
			// failed first; the full check says what it really is.
			if _, cerr := inspect(ctx, path, false); cerr != nil {
				return nil, cerr
			}
		}
		return nil, err
	}
	datadir.FileStep("open: prepared")
	if err := protectFiles(path); err != nil {
		db.Close()
		return nil, err
	}
	markDatabaseMade(filepath.Dir(path), s.now())
	return s, nil
}

// createPrivate makes a new database file empty and readable by the user
// alone before SQLite opens it: SQLite would make it readable by all, and
// gives its WAL and shared-memory files the database file's mode, so all
// three hold clients' details privately from their first byte.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	datadir.FileStep("open: database file made")
	return f.Close()
}

// protectFiles makes the database and its WAL and shared-memory files
// readable by the user alone: they hold clients' business details.
func protectFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := datadir.MakePrivate(p, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("protect %s: %w", p, err)
		}
	}
	return nil
}

// prepare migrates, seeds the reference data and makes the daily backup.
func (s *Store) prepare(ctx context.Context, existingVersion int, quick bool) error {
	if existingVersion > 0 && existingVersion < latestVersion() {
		reason := fmt.Sprintf("pre-migration-%d", existingVersion)
		if _, err := backups.Backup(ctx, s.db, s.path, reason, s.now()); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	if err := s.seedReference(ctx); err != nil {
		return err
	}
	if existingVersion > 0 && !quick {
		return s.dailyBackup(ctx)
	}
	return nil
}

// dailyBackup makes the day's backup unless one exists.
func (s *Store) dailyBackup(ctx context.Context) error {
	if backups.DailyDue(backups.Dir(s.path), s.now()) {
		if _, err := backups.Backup(ctx, s.db, s.path, "daily", s.now()); err != nil {
			return fmt.Errorf("daily backup: %w", err)
		}
	}
	return nil
}

// inspect checks an existing file read-only before anything writes to it and
// returns its schema version (0 for a new file). quick leaves the full
// integrity check to Maintain, unless the file is about to be migrated.
func inspect(ctx context.Context, path string, quick bool) (int, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return 0, missingDatabase(ctx, path)
	}
	if err := rollBackHotJournal(ctx, path); err != nil {
		return 0, corrupt(ctx, path, err)
	}
	db, err := sql.Open("sqlite", backups.ReadOnlyURI(path)+"&_pragma=busy_timeout(5000)")
	if err != nil {
		return 0, corrupt(ctx, path, err)
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, corrupt(ctx, path, err)
	}
	if !quick || (version > 0 && version < latestVersion()) {
		if err := quickCheck(ctx, db, path); err != nil {
			return 0, err
		}
	}
	if version > latestVersion() {
		return 0, &NewerError{Path: path, Version: version, Supported: latestVersion()}
	}
	if version == 0 {
		return 0, checkUnversioned(ctx, db, path)
	}
	return version, nil
}

// missingDatabase decides whether a database file that is not there is a new
// one (nil) or one that was lost. Missing where backups exist, the file was
// lost (a restore killed between moving it aside and putting the backup in
// place, a sync client), not never made: refused like an emptied one.
func missingDatabase(ctx context.Context, path string) error {
	if backup, _ := backups.NewestGood(ctx, backups.Dir(path)); backup != "" {
		return &CorruptError{Path: path, Backup: backup, Err: ErrDatabaseMissing}
	}
	if databaseWasMade(filepath.Dir(path)) {
		return &CorruptError{Path: path, Err: ErrDatabaseMissing}
	}
	return nil
}

// quickCheck runs SQLite's quick_check on db and reports the file at path as
// corrupt unless it answers "ok".
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return corrupt(ctx, path, err)
	}
	if check != "ok" {
		return corrupt(ctx, path, errors.New(check))
	}
	return nil
}

// checkUnversioned accepts a file without a schema version only when it is
// new: no tables and no backups beside it.
func checkUnversioned(ctx context.Context, db *sql.DB, path string) error {
	if !hasNoTables(ctx, db) {
		return corrupt(ctx, path, errors.New("a database of another program"))
	}
	// An empty file where backups exist was emptied, not just made:
	// starting afresh would hide the clients and, after the daily
	// backups rotate, prune the good ones away.
	if backup, _ := backups.NewestGood(ctx, backups.Dir(path)); backup != "" {
		return &CorruptError{Path: path, Backup: backup, Err: errors.New("the database is empty but backups exist")}
	}
	return nil
}

// rollBackHotJournal plays back the rollback journal a write killed midway
// left beside path (backups are rollback-journal files, and the first open
// after a restore writes one while it switches the file to WAL). Only a
// read-write connection can do that, and the read-only check that follows
// would otherwise refuse a healthy file for good. The caller holds the
// folder's lock, so no other copy is writing.
func rollBackHotJournal(ctx context.Context, path string) error {
	st, err := os.Stat(path + "-journal")
	if err != nil || st.Size() == 0 {
		return nil // none, or an empty one SQLite ignores
	}
	db, err := sql.Open("sqlite", backups.FileURI(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		return fmt.Errorf("roll back the journal of %s: %w", path, err)
	}
	defer db.Close()
	var version int
	// The first read takes the shared lock, and SQLite rolls back then.
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("roll back the journal of %s: %w", path, err)
	}
	return nil
}

func hasNoTables(ctx context.Context, db *sql.DB) bool {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n)
	return err == nil && n == 0
}

func corrupt(ctx context.Context, path string, err error) error {
	backup, _ := backups.NewestGood(ctx, backups.Dir(path))
	return &CorruptError{Path: path, Backup: backup, Err: err}
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database and releases the folder's lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.lock != nil {
		err = errors.Join(err, s.lock.Release())
	}
	return err
}

// Check runs SQLite's full integrity check; "ok" when the file is sound.
func (s *Store) Check(ctx context.Context) (string, error) {
	var result string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	return result, nil
}

// BackupNow makes a backup with the given reason and returns its path.
func (s *Store) BackupNow(ctx context.Context, reason string) (string, error) {
	return backups.Backup(ctx, s.db, s.path, reason, s.now())
}

// inTx runs fn in one immediate transaction, committing only if it succeeds.
// In a sync batch (ctx from SyncStore.Batch) fn runs in the batch's
// transaction instead, under a savepoint: the store's one connection is
// the batch's, so a transaction of its own would wait forever.
func (s *Store) inTx(ctx context.Context, what string, fn func(*sql.Tx) error) error {
	if b := s.batchOf(ctx); b != nil {
		return b.step(ctx, what, fn)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", what, err)
	}
	return nil
}

// stamp formats a time for storage: UTC, sortable as text.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
