package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/engine"
)

// Bind ties the data folder to team t at sign-in. Signing in again to the
// same team keeps every record's sync state. A data folder that never
// agreed a record with a server (or only with one it is now leaving before
// its first sync) is bound to t, its cursor starting from the beginning,
// so its companies are offered to t as new. A data folder holding records
// agreed with another team is refused with engine.ErrOtherTeam, naming that team.
func (x *SyncStore) Bind(ctx context.Context, t engine.Team) error {
	return x.s.inTx(ctx, "sync: bind to "+t.Server, func(tx *sql.Tx) error {
		var raw string
		err := tx.QueryRowContext(ctx, "SELECT value FROM sync_state WHERE key = 'team'").Scan(&raw)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var bound engine.Team
		if raw != "" {
			if err := json.Unmarshal([]byte(raw), &bound); err != nil {
				return fmt.Errorf("sync team %q: %w", raw, err)
			}
			if bound.Same(t) {
				return nil
			}
			var agreed int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sync_records WHERE base_version > 0").Scan(&agreed); err != nil {
				return err
			}
			if agreed > 0 {
				return fmt.Errorf("%w: %s (organisation %d), %d records", engine.ErrOtherTeam, bound.Server, bound.Organisation, agreed)
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM sync_state WHERE key IN ('cursor', 'last_synced')"); err != nil {
				return err
			}
		}
		value, err := json.Marshal(t)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sync_state (key, value) VALUES ('team', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(value))
		return err
	})
}

// BoundTeam returns the team the data folder is bound to; false before the
// first sign-in.
func (x *SyncStore) BoundTeam(ctx context.Context) (engine.Team, bool, error) {
	raw, err := x.state(ctx, "team")
	if err != nil || raw == "" {
		return engine.Team{}, false, err
	}
	var t engine.Team
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return engine.Team{}, false, fmt.Errorf("sync team %q: %w", raw, err)
	}
	return t, true, nil
}
