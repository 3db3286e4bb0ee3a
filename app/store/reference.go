package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/ref"
)

// seedReference stores the embedded reference data when the database has none
// or an older version. Client data and an organisation's own actors and
// recommendations are separate tables and are not touched.
func (s *Store) seedReference(ctx context.Context) error {
	var version int
	err := s.db.QueryRowContext(ctx, "SELECT version FROM reference_data WHERE id = 1").Scan(&version)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read reference data version: %w", err)
	}
	if err == nil && version >= ref.DataVersion {
		return nil
	}
	d, err := ref.Load()
	if err != nil {
		return err
	}
	raw, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return s.inTx(ctx, "seed reference data", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO reference_data (id, version, data) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data`, d.Version, string(raw))
		return err
	})
}

// ReferenceVersion returns the version of the reference data in the database.
func (s *Store) ReferenceVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "SELECT version FROM reference_data WHERE id = 1").Scan(&v)
	return v, err
}
