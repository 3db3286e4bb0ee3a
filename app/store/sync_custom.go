package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/server/wire"
)

// The organisation's own actors and recommendations sync as one document
// each: the row's structure (data) with its texts (names and offers, or
// titles and bodies) beside it. They belong to no company. Their local row
// is their number in sync_custom_rows (migration 0005).

// customTable returns the table of an own kind's rows.
func customTable(kind wire.Kind) string {
	if kind == wire.KindActor {
		return "custom_actors"
	}
	return "custom_recommendations"
}

// customTextKeys are the document's keys kept in the texts column.
func customTextKeys(kind wire.Kind) []string {
	if kind == wire.KindActor {
		return []string{"names", "offers"}
	}
	return []string{"titles", "bodies"}
}

// isCustom reports the kinds of the own actors and recommendations.
func isCustom(kind wire.Kind) bool {
	return kind == wire.KindActor || kind == wire.KindRecommendation
}

// customDoc is an own actor's or recommendation's document.
func customDoc(ctx context.Context, tx *sql.Tx, kind wire.Kind, n int64) (json.RawMessage, error) {
	var data, texts []byte
	err := tx.QueryRowContext(ctx, "SELECT c.data, c.texts FROM "+customTable(kind)+
		" c JOIN sync_custom_rows m ON m.id = c.id WHERE m.n = ? AND m.kind = ?", n, kind).Scan(&data, &texts)
	if err != nil {
		return nil, fmt.Errorf("own %s %d: %w", kind, n, err)
	}
	var m, t map[string]json.RawMessage
	if err := errors.Join(json.Unmarshal(data, &m), json.Unmarshal(texts, &t)); err != nil {
		return nil, fmt.Errorf("own %s %d: %w", kind, n, err)
	}
	for k, v := range t {
		m[k] = v
	}
	return canonicalMap(m)
}

// splitCustom parts a document into the row's id, data and texts.
func splitCustom(kind wire.Kind, doc json.RawMessage) (id string, data, texts []byte, err error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return "", nil, nil, err
	}
	if err := json.Unmarshal(m["id"], &id); err != nil || id == "" {
		return "", nil, nil, fmt.Errorf("own %s without an id", kind)
	}
	t := map[string]json.RawMessage{}
	for _, k := range customTextKeys(kind) {
		if v, ok := m[k]; ok {
			t[k] = v
			delete(m, k)
		}
	}
	if data, err = json.Marshal(m); err != nil {
		return "", nil, nil, err
	}
	texts, err = json.Marshal(t)
	return id, data, texts, err
}

// checkCustom checks a pulled document as SaveCustomActor and
// SaveCustomRecommendation check an edit: a document they would refuse
// would break the reference data of every plan.
func checkCustom(ctx context.Context, tx *sql.Tx, kind wire.Kind, id string, doc json.RawMessage) error {
	var actors []app.CustomActor
	var recs []app.CustomRecommendation
	err := errors.Join(
		eachCustom(ctx, tx, "custom_actors", func(data, texts []byte) error {
			var a app.CustomActor
			actors = append(actors, a)
			return errors.Join(json.Unmarshal(data, &actors[len(actors)-1].Actor), json.Unmarshal(texts, &actors[len(actors)-1]))
		}),
		eachCustom(ctx, tx, "custom_recommendations", func(data, texts []byte) error {
			var r app.CustomRecommendation
			recs = append(recs, r)
			return errors.Join(json.Unmarshal(data, &recs[len(recs)-1].Recommendation), json.Unmarshal(texts, &recs[len(recs)-1]))
		}))
	if err != nil {
		return err
	}
	as, rs := structures(actors, recs)
	if kind == wire.KindActor {
		var a app.CustomActor
		if err := json.Unmarshal(doc, &a); err != nil {
			return err
		}
		if err := a.Validate(); err != nil {
			return err
		}
		as = append(withoutActor(as, id), a.Actor)
	} else {
		var r app.CustomRecommendation
		if err := json.Unmarshal(doc, &r); err != nil {
			return err
		}
		if err := r.Validate(); err != nil {
			return err
		}
		rs = append(withoutRec(rs, id), r.Recommendation)
	}
	_, err = ref.MustLoad().WithCustom(as, rs)
	return err
}

// writeCustom writes a pulled own actor or recommendation to its row. A
// document the app would refuse stays parked, without a row. When another
// record holds a row with the same id (made on two computers at once),
// the record with the smaller global id has the row on every computer and
// the other is parked, so that all of them agree.
func writeCustom(ctx context.Context, tx *sql.Tx, r *syncRecord, doc json.RawMessage) error {
	id, data, texts, err := splitCustom(r.kind, doc)
	if err == nil {
		err = checkCustom(ctx, tx, r.kind, id, doc)
	}
	if err != nil {
		return parkCustom(ctx, tx, r, doc)
	}
	holder, err := loadRecord(ctx, tx, `kind = ? AND local_id = (SELECT n FROM sync_custom_rows WHERE kind = ? AND id = ?)
		AND gid <> ?`, r.kind, r.kind, id, r.gid)
	if err != nil {
		return err
	}
	if holder != nil && holder.gid < r.gid {
		return parkCustom(ctx, tx, r, doc)
	}
	if holder != nil {
		if holder.parked, err = localDoc(ctx, tx, holder); err != nil {
			return err
		}
		holder.localID = sql.NullInt64{}
		if err := saveRecord(ctx, tx, holder); err != nil {
			return err
		}
	}
	if err := dropRenamedRow(ctx, tx, r, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO "+customTable(r.kind)+` (id, data, texts) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET data = excluded.data, texts = excluded.texts`, id, string(data), string(texts)); err != nil {
		return err
	}
	return tx.QueryRowContext(ctx, "SELECT n FROM sync_custom_rows WHERE kind = ? AND id = ?", r.kind, id).Scan(&r.localID)
}

// dropRenamedRow deletes the record's row when the document gives it
// another id.
func dropRenamedRow(ctx context.Context, tx *sql.Tx, r *syncRecord, id string) error {
	if !r.localID.Valid {
		return nil
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM "+customTable(r.kind)+
		" WHERE id = (SELECT id FROM sync_custom_rows WHERE n = ? AND id <> ?)", r.localID.Int64, id)
	return err
}

// parkCustom keeps a document without a row, deleting the row the record
// had.
func parkCustom(ctx context.Context, tx *sql.Tx, r *syncRecord, doc json.RawMessage) error {
	if err := deleteCustomRow(ctx, tx, r); err != nil {
		return err
	}
	r.localID, r.parked = sql.NullInt64{}, doc
	return nil
}

// deleteCustomRow deletes an own actor's or recommendation's row, if it has one.
func deleteCustomRow(ctx context.Context, tx *sql.Tx, r *syncRecord) error {
	if !r.localID.Valid {
		return nil
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM "+customTable(r.kind)+
		" WHERE id = (SELECT id FROM sync_custom_rows WHERE n = ? AND kind = ?)", r.localID.Int64, r.kind)
	return err
}

// OwnConflictIDs returns the global ids of the organisation's own records
// (own actors and recommendations, the branding) with open conflicts, in
// the order first seen: the conflict view finds the companies' records
// through the portfolio, and these through their ids.
func (x *SyncStore) OwnConflictIDs(ctx context.Context) ([]string, error) {
	rows, err := x.s.db.QueryContext(ctx, `SELECT gid FROM sync_records
		WHERE conflicts IS NOT NULL AND kind IN ('actor', 'recommendation', 'branding') AND company = '' ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("own records with conflicts: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var gid string
		if err := rows.Scan(&gid); err != nil {
			return nil, fmt.Errorf("own records with conflicts: %w", err)
		}
		out = append(out, gid)
	}
	return out, rows.Err()
}
