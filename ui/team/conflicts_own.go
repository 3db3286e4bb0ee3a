package team

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/server/wire"
)

// ownConflicts returns the organisation's own records with open
// conflicts: its own actors and recommendations, by their name in the
// window's language, and its branding.
func ownConflicts(ctx context.Context, x SyncStore, loc *locales.Localizer) ([]Record, error) {
	ids, err := x.OwnConflictIDs(ctx)
	if err != nil {
		return nil, err
	}
	var recs []Record
	for _, id := range ids {
		rec, err := x.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		cs, err := x.Conflicts(ctx, id)
		if err != nil {
			return nil, err
		}
		if len(cs) > 0 {
			recs = append(recs, Record{ID: id, Title: ownTitle(loc, rec.Kind, rec.Doc), Conflicts: shownConflicts(loc, cs)})
		}
	}
	return recs, nil
}

// ownTitle names an own record: "Own actor: Almi Jönköping", or the branding.
func ownTitle(loc *locales.Localizer, kind wire.Kind, doc json.RawMessage) string {
	if kind == wire.KindBranding {
		return loc.T("ui.team.conflicts.branding")
	}
	var d struct {
		ID     string            `json:"id"`
		Names  map[string]string `json:"names"`
		Titles map[string]string `json:"titles"`
	}
	_ = json.Unmarshal(doc, &d) // a document without names is named by its id
	names := d.Names
	if kind == wire.KindRecommendation {
		names = d.Titles
	}
	name := d.ID
	for _, lang := range []string{loc.Lang(), "sv", "en"} {
		if names[lang] != "" {
			name = names[lang]
			break
		}
	}
	return loc.Tf("ui.team.conflicts."+string(kind), map[string]any{"Name": name})
}

// shownConflicts replaces the logo's bytes (base64, up to megabytes) by
// their size for the view; the choices still take the stored values.
func shownConflicts(loc *locales.Localizer, cs []merge.Conflict) []merge.Conflict {
	out := make([]merge.Conflict, len(cs))
	for i, c := range cs {
		out[i] = c
		if len(c.Path) == 1 && c.Path[0] == "logo" {
			out[i].Local, out[i].Remote = logoText(loc, c.Local), logoText(loc, c.Remote)
		}
	}
	return out
}

func logoText(loc *locales.Localizer, raw json.RawMessage) json.RawMessage {
	var s string
	if raw == nil || json.Unmarshal(raw, &s) != nil {
		return raw
	}
	kb := (base64.StdEncoding.DecodedLen(len(s)) + 1023) / 1024
	text, _ := json.Marshal(loc.Tf("ui.team.conflicts.logo", map[string]any{"KB": fmt.Sprint(kb)}))
	return text
}
