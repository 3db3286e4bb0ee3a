package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrOtherTeam is returned by Bind when the data folder already holds
// records agreed with another team: syncing it with a second one would mix
// two organisations' companies.
var ErrOtherTeam = errors.New("the data folder is synced with another team")

// Team names what a data folder syncs with: the server's address and the
// organisation's id on it.
type Team struct {
	Server       string `json:"server"`
	Organisation int64  `json:"organisation"`
}

// same reports whether t and u are one team, the address compared without
// case and a trailing slash.
func (t Team) same(u Team) bool {
	norm := func(s string) string { return strings.ToLower(strings.TrimRight(s, "/")) }
	return norm(t.Server) == norm(u.Server) && t.Organisation == u.Organisation
}

// Bind ties the data folder to team t at sign-in. Signing in again to the
// same team keeps every record's sync state. A data folder that never
// agreed a record with a server (or only with one it is now leaving before
// its first sync) is bound to t, its cursor starting from the beginning,
// so its companies are offered to t as new. A data folder holding records
// agreed with another team is refused with ErrOtherTeam, naming that team.
func (x *SyncStore) Bind(ctx context.Context, t Team) error {
	return x.s.inTx(ctx, "sync: bind to "+t.Server, func(tx *sql.Tx) error {
		var raw string
		err := tx.QueryRowContext(ctx, "SELECT value FROM sync_state WHERE key = 'team'").Scan(&raw)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var bound Team
		if raw != "" {
			if err := json.Unmarshal([]byte(raw), &bound); err != nil {
				return fmt.Errorf("sync team %q: %w", raw, err)
			}
			if bound.same(t) {
				return nil
			}
			var agreed int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sync_records WHERE base_version > 0").Scan(&agreed); err != nil {
				return err
			}
			if agreed > 0 {
				return fmt.Errorf("%w: %s (organisation %d), %d records", ErrOtherTeam, bound.Server, bound.Organisation, agreed)
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
func (x *SyncStore) BoundTeam(ctx context.Context) (Team, bool, error) {
	raw, err := x.state(ctx, "team")
	if err != nil || raw == "" {
		return Team{}, false, err
	}
	var t Team
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return Team{}, false, fmt.Errorf("sync team %q: %w", raw, err)
	}
	return t, true, nil
}
