package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// SaveWorkOnto is SaveWork for working copies that may have been read
// before team sync changed the stored company or assessment: base holds
// the copies they were made from (as read, or as last saved). In one
// transaction, what the working copies changed since base is written over
// what is stored now, and what they left alone keeps the stored value, so
// a colleague's change pulled meanwhile is not overwritten by a stale copy.
// A field changed on both sides is saved with the working copy's value (the
// advisor is looking at it) and the stored value is kept as an open
// conflict of the record, for the conflict view. A nil base, or a new
// assessment, saves as SaveWork does.
func (s *Store) SaveWorkOnto(ctx context.Context, company app.CompanyID, base *app.Work, c *app.Company, assessment app.AssessmentID, a *app.Assessment) (app.AssessmentID, error) {
	now := s.now()
	if err := c.Validate(now); err != nil {
		return 0, fmt.Errorf("save company %d: %w", company, err)
	}
	if err := s.validateAssessments(ctx, a); err != nil {
		return 0, fmt.Errorf("save the assessment of company %d: %w", company, err)
	}
	err := s.inTx(ctx, fmt.Sprintf("save company %d and its assessment", company), func(tx *sql.Tx) error {
		c, a := c, a
		if base != nil {
			var err error
			if c, a, err = carryWork(ctx, tx, company, base, c, assessment, a); err != nil {
				return err
			}
			if err := c.Validate(now); err != nil {
				return fmt.Errorf("the company carried onto the stored one: %w", err)
			}
		}
		if err := updateCompany(ctx, tx, company, c, now); err != nil {
			return err
		}
		if assessment != 0 {
			return s.updateAssessment(ctx, tx, assessment, a)
		}
		var err error
		assessment, err = s.insertAssessment(ctx, tx, company, a)
		return err
	})
	if err != nil {
		return 0, err
	}
	return assessment, nil
}

// carryWork returns the working copies carried onto the stored company and
// assessment, keeping the conflicts it finds on their sync records.
func carryWork(ctx context.Context, tx *sql.Tx, company app.CompanyID, base *app.Work, c *app.Company, assessment app.AssessmentID, a *app.Assessment) (*app.Company, *app.Assessment, error) {
	stored, err := companyDoc(ctx, tx, int64(company))
	if err != nil {
		return nil, nil, err
	}
	var carriedC app.Company
	if err := carry(ctx, tx, wire.KindCompany, int64(company), companyWorkDoc(&base.Company), companyWorkDoc(c), stored, &carriedC); err != nil {
		return nil, nil, fmt.Errorf("carry company %d onto the stored one: %w", company, err)
	}
	if assessment == 0 || base.Assessment == nil {
		return &carriedC, a, nil
	}
	if stored, err = assessmentDoc(ctx, tx, int64(assessment)); err != nil {
		return nil, nil, err
	}
	var carriedA app.Assessment
	if err := carry(ctx, tx, wire.KindAssessment, int64(assessment), assessmentWorkDoc(base.Assessment), assessmentWorkDoc(a), stored, &carriedA); err != nil {
		return nil, nil, fmt.Errorf("carry assessment %d onto the stored one: %w", assessment, err)
	}
	return &carriedC, &carriedA, nil
}

// carry merges mine onto stored from base into out, and keeps the fields
// both changed as conflicts of the record of the local row (kind, id).
func carry(ctx context.Context, tx *sql.Tx, kind wire.Kind, id int64, base, mine, stored json.RawMessage, out any) error {
	doc := mine
	if !merge.Equal(base, stored) {
		merged, conflicts, err := merge.Merge(base, mine, stored)
		if err != nil {
			return err
		}
		if err := keepConflicts(ctx, tx, kind, id, conflicts); err != nil {
			return err
		}
		doc = merged
	}
	return json.Unmarshal(doc, out)
}

// keepConflicts adds conflicts to the open ones of the record of a local
// row, a newer one replacing an older one of the same field. Without a
// record (this computer never synced) there is nothing another device
// could have changed, and nothing to keep.
func keepConflicts(ctx context.Context, tx *sql.Tx, kind wire.Kind, id int64, conflicts []merge.Conflict) error {
	if len(conflicts) == 0 {
		return nil
	}
	r, err := loadRecord(ctx, tx, "kind = ? AND local_id = ?", kind, id)
	if err != nil || r == nil {
		return err
	}
	by, err := storedBy(ctx, tx, kind, id)
	if err != nil {
		return err
	}
	for _, c := range conflicts {
		c.By = by
		r.conflicts = slices.DeleteFunc(r.conflicts, func(old merge.Conflict) bool { return old.Pointer() == c.Pointer() })
		r.conflicts = append(r.conflicts, c)
	}
	return saveRecord(ctx, tx, r)
}

// storedBy is who made the stored row's last change, as the server named
// them; 0 while an edit made here is still the last (or nobody is known).
func storedBy(ctx context.Context, tx *sql.Tx, kind wire.Kind, id int64) (int64, error) {
	var by int64
	err := tx.QueryRowContext(ctx, "SELECT changed_by FROM sync_authors WHERE kind = ? AND local_id = ? AND local = 0",
		kind, id).Scan(&by)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return by, err
}

// companyWorkDoc is a working copy of a company as companyDoc reads the
// stored one: its profile without the updated time.
func companyWorkDoc(c *app.Company) json.RawMessage {
	raw, err := json.Marshal(c)
	if err != nil {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	delete(m, "updated")
	doc, _ := canonicalMap(m)
	return doc
}

// assessmentWorkDoc is a working copy of an assessment as assessmentDoc
// reads the stored one: actions always a list, an action's empty actors
// absent, as the actions table gives them back.
func assessmentWorkDoc(a *app.Assessment) json.RawMessage {
	cp := *a
	cp.Actions = make([]app.Action, len(a.Actions))
	for i, act := range a.Actions {
		if len(act.Actors) == 0 {
			act.Actors = nil
		}
		cp.Actions[i] = act
	}
	raw, err := json.Marshal(cp)
	if err != nil {
		return nil
	}
	doc, _ := merge.Canonical(raw)
	return doc
}
