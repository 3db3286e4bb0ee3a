package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/pomi-planner/pomi/app/store/backups"
	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
)

// EraseCompany removes the company with its assessments and actions for good:
// secure_delete overwrites what is freed, the full-text index is rebuilt and
// a checkpoint and VACUUM leave no copy in the WAL or free pages.
//
// With app.EraseKeepBackups a "pre-erase" backup is made first, so a
// mistaken erase can be undone; on a disk too full for it the erase goes on
// without (the report says so), since a data subject's request does not
// wait for space. With app.EraseEverywhere no backup is made and every
// backup is rewritten without the company; a mark in the data folder lets
// the next open finish an erase that was killed midway.
func (s *Store) EraseCompany(ctx context.Context, id app.CompanyID, scope app.EraseScope) (app.EraseReport, error) {
	var report app.EraseReport
	var created string
	err := s.db.QueryRowContext(ctx, "SELECT created FROM companies WHERE id = ?", id).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return report, fmt.Errorf("erase company %d: %w", id, app.ErrNotFound)
	} else if err != nil {
		return report, fmt.Errorf("erase company %d: %w", id, err)
	}
	if scope == app.EraseEverywhere {
		if err := markErasePending(filepath.Dir(s.path), erasure{ID: id, Created: created}); err != nil {
			return report, fmt.Errorf("erase company %d: %w", id, err)
		}
	} else {
		path, err := s.BackupNow(ctx, "pre-erase")
		var full *backups.NoSpaceError
		switch {
		case errors.As(err, &full):
			report.BackupSkipped = err
		case err != nil:
			return report, fmt.Errorf("erase company %d: back up first: %w", id, err)
		}
		report.Backup = path
	}
	n, err := s.erase(ctx, erasure{ID: id, Created: created}, scope == app.EraseEverywhere)
	report.PurgedBackups = n
	return report, err
}

// erasure names one company to erase: the id, and its creation stamp,
// because an id of a company erased before can be given to a new one, and
// an older backup must not lose the earlier company for the newer one.
type erasure struct {
	ID      app.CompanyID
	Created string
}

// erase removes e from the database and, when everywhere, from every
// backup, then clears the mark; it returns how many backups were rewritten.
func (s *Store) erase(ctx context.Context, e erasure, everywhere bool) (int, error) {
	err := s.inTx(ctx, fmt.Sprintf("erase company %d", e.ID), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM companies WHERE id = ? AND created = ?", e.ID, e.Created)
		return err
	})
	if err != nil {
		return 0, err
	}
	datadir.FileStep("erase: deleted")
	if err := s.reclaim(ctx); err != nil {
		return 0, fmt.Errorf("erase company %d: %w", e.ID, err)
	}
	datadir.FileStep("erase: reclaimed")
	if !everywhere {
		return 0, nil
	}
	n, err := purgeBackups(ctx, backups.Dir(s.path), e)
	if err != nil {
		return n, fmt.Errorf("erase company %d from the backups: %w", e.ID, err)
	}
	clearErasePending(filepath.Dir(s.path))
	return n, nil
}

// reclaim leaves no byte of erased rows in the file. The full-text index
// only marks a deleted row and keeps its words in the old segments until
// they are merged, and VACUUM copies those segments as they are: so the
// index is rebuilt from the companies first. Then the WAL is emptied into
// the file, which is rebuilt without free pages. On a disk too full for
// VACUUM's copy the file keeps its free pages, which secure_delete has
// already zeroed, so the erase still holds.
func (s *Store) reclaim(ctx context.Context) error {
	for _, stmt := range []string{
		"INSERT INTO companies_fts (companies_fts) VALUES ('rebuild')",
		"PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)",
	} {
		_, err := s.db.ExecContext(ctx, stmt)
		if err != nil && !(stmt == "VACUUM" && backups.IsDiskFull(err)) {
			return fmt.Errorf("reclaim space (%s): %w", stmt, err)
		}
	}
	return nil
}

// finishPendingErase completes an erase everywhere that was killed midway:
// the company goes from the database (if the kill came before its commit)
// and from every backup. It says what it did, nil for nothing to do.
func (s *Store) finishPendingErase(ctx context.Context) (*Repair, error) {
	e, ok, err := readErasePending(filepath.Dir(s.path))
	if err != nil || !ok {
		return nil, err
	}
	n, err := s.erase(ctx, e, true)
	if err != nil {
		return nil, fmt.Errorf("finish the interrupted erase: %w", err)
	}
	return &Repair{Kind: RepairEraseFinished, Company: e.ID, Backups: n}, nil
}
