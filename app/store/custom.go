package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// SaveCustomActor adds or replaces one of the organisation's own actors.
func (s *Store) SaveCustomActor(ctx context.Context, a *app.CustomActor) error {
	if err := a.Validate(); err != nil {
		return fmt.Errorf("save own actor %s: %w", a.ID, err)
	}
	actors, recs, err := s.custom(ctx)
	if err != nil {
		return err
	}
	if _, err := ref.MustLoad().WithCustom(append(withoutActor(actors, a.ID), a.Actor), recs); err != nil {
		return err
	}
	return s.saveCustom(ctx, "custom_actors", a.ID, a.Actor, map[string]any{"names": a.Names, "offers": a.Offers})
}

// SaveCustomRecommendation adds or replaces one of the organisation's own recommendations.
func (s *Store) SaveCustomRecommendation(ctx context.Context, r *app.CustomRecommendation) error {
	if err := r.Validate(); err != nil {
		return fmt.Errorf("save own recommendation %s: %w", r.ID, err)
	}
	actors, recs, err := s.custom(ctx)
	if err != nil {
		return err
	}
	if _, err := ref.MustLoad().WithCustom(actors, append(withoutRec(recs, r.ID), r.Recommendation)); err != nil {
		return err
	}
	return s.saveCustom(ctx, "custom_recommendations", r.ID, r.Recommendation, map[string]any{"titles": r.Titles, "bodies": r.Bodies})
}

func (s *Store) saveCustom(ctx context.Context, table, id string, data any, texts map[string]any) error {
	rawData, err := json.Marshal(data)
	if err != nil {
		return err
	}
	rawTexts, err := json.Marshal(texts)
	if err != nil {
		return err
	}
	return s.inTx(ctx, "save "+id, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO "+table+` (id, data, texts) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data, texts = excluded.texts`, id, string(rawData), string(rawTexts))
		return err
	})
}

// DeleteCustomActor removes one of the organisation's own actors.
func (s *Store) DeleteCustomActor(ctx context.Context, id string) error {
	return s.deleteCustom(ctx, "custom_actors", id)
}

// DeleteCustomRecommendation removes one of the organisation's own recommendations.
func (s *Store) DeleteCustomRecommendation(ctx context.Context, id string) error {
	return s.deleteCustom(ctx, "custom_recommendations", id)
}

func (s *Store) deleteCustom(ctx context.Context, table, id string) error {
	return s.inTx(ctx, "delete "+id, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
		return mustAffect(res, err)
	})
}

// CustomActors returns the organisation's own actors with their texts. The
// texts column holds only the text fields (names, offers), so it decodes
// into the same struct without touching the structure.
func (s *Store) CustomActors(ctx context.Context) ([]app.CustomActor, error) {
	var out []app.CustomActor
	err := s.eachCustom(ctx, "custom_actors", func(data, texts []byte) error {
		var a app.CustomActor
		err := errors.Join(json.Unmarshal(data, &a.Actor), json.Unmarshal(texts, &a))
		out = append(out, a)
		return err
	})
	return out, err
}

// CustomRecommendations returns the organisation's own recommendations with their texts.
func (s *Store) CustomRecommendations(ctx context.Context) ([]app.CustomRecommendation, error) {
	var out []app.CustomRecommendation
	err := s.eachCustom(ctx, "custom_recommendations", func(data, texts []byte) error {
		var r app.CustomRecommendation
		err := errors.Join(json.Unmarshal(data, &r.Recommendation), json.Unmarshal(texts, &r))
		out = append(out, r)
		return err
	})
	return out, err
}

func (s *Store) eachCustom(ctx context.Context, table string, fn func(data, texts []byte) error) error {
	return eachCustom(ctx, s.db, table, fn)
}

// queryer is *sql.DB or *sql.Tx: sync reads the own items within its
// transaction, which holds the pool's one connection.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func eachCustom(ctx context.Context, q queryer, table string, fn func(data, texts []byte) error) error {
	rows, err := q.QueryContext(ctx, "SELECT id, data, texts FROM "+table+" ORDER BY id")
	if err != nil {
		return fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var data, texts []byte
		if err := rows.Scan(&id, &data, &texts); err != nil {
			return fmt.Errorf("read %s: %w", table, err)
		}
		if err := fn(data, texts); err != nil {
			return fmt.Errorf("read %s %s: %w", table, id, err)
		}
	}
	return rows.Err()
}

// custom returns the structure of the organisation's own items.
func (s *Store) custom(ctx context.Context) ([]ref.Actor, []ref.Recommendation, error) {
	actors, err := s.CustomActors(ctx)
	if err != nil {
		return nil, nil, err
	}
	recs, err := s.CustomRecommendations(ctx)
	if err != nil {
		return nil, nil, err
	}
	as, rs := structures(actors, recs)
	return as, rs, nil
}

func structures(actors []app.CustomActor, recs []app.CustomRecommendation) ([]ref.Actor, []ref.Recommendation) {
	as := make([]ref.Actor, len(actors))
	for i, a := range actors {
		as[i] = a.Actor
	}
	rs := make([]ref.Recommendation, len(recs))
	for i, r := range recs {
		rs[i] = r.Recommendation
	}
	return as, rs
}

// Reference returns the reference data the plans use: the built-in data with
// the organisation's own actors and recommendations, and a function that
// gives their texts in a language (for app.WithTexts).
func (s *Store) Reference(ctx context.Context) (*ref.Data, func(lang string) map[string]string, error) {
	actors, err := s.CustomActors(ctx)
	if err != nil {
		return nil, nil, err
	}
	recs, err := s.CustomRecommendations(ctx)
	if err != nil {
		return nil, nil, err
	}
	d, err := ref.MustLoad().WithCustom(structures(actors, recs))
	if err != nil {
		return nil, nil, err
	}
	return d, func(lang string) map[string]string { return app.CustomTexts(actors, recs, lang) }, nil
}

func withoutActor(list []ref.Actor, id string) []ref.Actor {
	out := list[:0:0]
	for _, a := range list {
		if a.ID != id {
			out = append(out, a)
		}
	}
	return out
}

func withoutRec(list []ref.Recommendation, id string) []ref.Recommendation {
	out := list[:0:0]
	for _, r := range list {
		if r.ID != id {
			out = append(out, r)
		}
	}
	return out
}
