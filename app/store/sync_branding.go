package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/merge"
)

// The organisation's branding syncs as one record (wire.BrandingID, local
// row 1): the organisation's name, colour, footer and logo. The advisor's
// own name, title, e-mail and phone stay each advisor's, and so do the
// other settings.

// brandingID is the local row of the one branding record.
const brandingID = 1

// brandingDoc is the branding's document. The logo is bytes, base64 in
// JSON: a logo of report.MaxLogoBytes (5 MB) makes a push of under 7 MB,
// within the server's 8 MB (Pending sends it alone when it is large).
type brandingDoc struct {
	Organisation string `json:"organisation,omitempty"`
	PrimaryColor string `json:"primary_color,omitempty"`
	FooterText   string `json:"footer_text,omitempty"`
	Logo         []byte `json:"logo,omitempty"`
}

func (b *brandingDoc) empty() bool {
	return b.Organisation == "" && b.PrimaryColor == "" && b.FooterText == "" && b.Logo == nil
}

// brandingKeys are the keys of the settings' branding object that sync.
var brandingKeys = []string{"organisation", "primary_color", "footer_text"}

// readBranding returns the stored branding document; nil when nothing is
// set and the server has no branding (base nil), so that an unbranded
// computer does not send an empty one.
func readBranding(ctx context.Context, tx *sql.Tx, base json.RawMessage) (json.RawMessage, error) {
	settings, logo, err := rawSettings(ctx, tx)
	if err != nil {
		return nil, err
	}
	var st struct {
		Branding brandingDoc `json:"branding"`
	}
	if settings != nil {
		if err := json.Unmarshal(settings, &st); err != nil {
			return nil, fmt.Errorf("branding: %w", err)
		}
	}
	st.Branding.Logo = logo
	if st.Branding.empty() && base == nil {
		return nil, nil
	}
	raw, err := json.Marshal(st.Branding)
	if err != nil {
		return nil, err
	}
	return merge.Canonical(raw)
}

// rawSettings returns the stored settings JSON and logo, nil for none.
func rawSettings(ctx context.Context, tx *sql.Tx) (settings, logo []byte, err error) {
	err = tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingsKey).Scan(&settings)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("read settings: %w", err)
	}
	err = tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", logoKey).Scan(&logo)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("read logo: %w", err)
	}
	if len(logo) == 0 {
		logo = nil
	}
	return settings, logo, nil
}

// writeBranding stores a pulled branding document in the settings,
// keeping every other setting (and any field this version does not know).
func writeBranding(ctx context.Context, tx *sql.Tx, doc json.RawMessage) error {
	var b brandingDoc
	if err := json.Unmarshal(doc, &b); err != nil {
		return fmt.Errorf("branding document: %w", err)
	}
	settings, _, err := rawSettings(ctx, tx)
	if err != nil {
		return err
	}
	all := map[string]json.RawMessage{}
	branding := map[string]any{}
	if settings != nil {
		if err := json.Unmarshal(settings, &all); err != nil {
			return fmt.Errorf("settings: %w", err)
		}
	}
	if raw, ok := all["branding"]; ok {
		if err := json.Unmarshal(raw, &branding); err != nil {
			return fmt.Errorf("settings: branding: %w", err)
		}
	}
	for i, v := range []string{b.Organisation, b.PrimaryColor, b.FooterText} {
		if v == "" {
			delete(branding, brandingKeys[i])
		} else {
			branding[brandingKeys[i]] = v
		}
	}
	if all["branding"], err = json.Marshal(branding); err != nil {
		return err
	}
	raw, err := json.Marshal(all)
	if err != nil {
		return err
	}
	const upsert = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
	if _, err := tx.ExecContext(ctx, upsert, settingsKey, raw); err != nil {
		return err
	}
	if b.Logo == nil {
		_, err = tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", logoKey)
	} else {
		_, err = tx.ExecContext(ctx, upsert, logoKey, b.Logo)
	}
	return err
}
