package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app"
)

// Settings keys: the settings as JSON, and the organisation's logo as bytes.
const (
	settingsKey = "settings"
	logoKey     = "branding.logo"
)

// Settings returns the saved settings; a new database has empty ones.
func (s *Store) Settings(ctx context.Context) (*app.Settings, error) {
	st := &app.Settings{}
	var raw []byte
	err := s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingsKey).Scan(&raw)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("read settings: %w", err)
	default:
		if err := json.Unmarshal(raw, st); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
	}
	err = s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", logoKey).Scan(&st.Branding.Logo)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read logo: %w", err)
	}
	return st, nil
}

// SaveSettings replaces the settings and the organisation's logo together.
// Settings that app.Settings.Validate refuses are not saved: the error holds
// its *app.FieldError values and the saved settings stay as they were.
func (s *Store) SaveSettings(ctx context.Context, st *app.Settings) error {
	if err := st.Validate(); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	raw, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return s.inTx(ctx, "save settings", func(tx *sql.Tx) error {
		const upsert = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
		if _, err := tx.ExecContext(ctx, upsert, settingsKey, raw); err != nil {
			return err
		}
		if st.Branding.Logo == nil {
			_, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", logoKey)
			return err
		}
		_, err := tx.ExecContext(ctx, upsert, logoKey, st.Branding.Logo)
		return err
	})
}
