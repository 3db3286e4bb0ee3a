package app

import (
	"fmt"

	"github.com/pomi-planner/pomi/app/ref"
)

// Comparison shows what moved between two assessments of one company.
type Comparison struct {
	From        string             `json:"from"`
	To          string             `json:"to"`
	Dimensions  []DimensionChange  `json:"dimensions"`
	Competences []CompetenceChange `json:"competences"`
	// ActionsDone are the actions of the later assessment marked done;
	// ActionsOpen counts those still open or in progress.
	ActionsDone []Action `json:"actions_done"`
	ActionsOpen int      `json:"actions_open"`
}

// DimensionChange is a dimension's score and gap before and after; a change
// is nil when either side is not assessed.
type DimensionChange struct {
	Dimension   ref.Dimension `json:"dimension"`
	Before      *float64      `json:"before"`
	After       *float64      `json:"after"`
	ScoreChange *float64      `json:"score_change"`
	GapBefore   *float64      `json:"gap_before"`
	GapAfter    *float64      `json:"gap_after"`
	GapChange   *float64      `json:"gap_change"`
}

// CompetenceChange is a competence rating before and after; Change is nil
// when either side is unrated.
type CompetenceChange struct {
	Competence string `json:"competence"`
	Before     *int   `json:"before"`
	After      *int   `json:"after"`
	Change     *int   `json:"change"`
}

// Compare compares two assessments of the same company, earlier first; it
// swaps them when they come in the wrong order.
func Compare(d *ref.Data, c *Company, earlier, later *Assessment) (*Comparison, error) {
	if earlier == nil || later == nil {
		return nil, fmt.Errorf("compare assessments: need two, got %v and %v", earlier != nil, later != nil)
	}
	if later.Date < earlier.Date {
		earlier, later = later, earlier
	}
	before, after := Analyze(d, c, earlier), Analyze(d, c, later)
	cmp := &Comparison{From: earlier.Date, To: later.Date, ActionsDone: []Action{}}
	for _, dim := range ref.Dimensions {
		b, a := before.Dimension(dim), after.Dimension(dim)
		cmp.Dimensions = append(cmp.Dimensions, DimensionChange{
			Dimension: dim, Before: b.Score, After: a.Score, ScoreChange: diff(b.Score, a.Score),
			GapBefore: b.Gap, GapAfter: a.Gap, GapChange: diff(b.Gap, a.Gap),
		})
	}
	for _, comp := range d.Competences {
		b, a := knownRating(earlier, comp.ID), knownRating(later, comp.ID)
		if b == nil && a == nil {
			continue
		}
		ch := CompetenceChange{Competence: comp.ID, Before: b, After: a}
		if b != nil && a != nil {
			delta := *a - *b
			ch.Change = &delta
		}
		cmp.Competences = append(cmp.Competences, ch)
	}
	for _, act := range later.Actions {
		switch act.Status {
		case ActionDone:
			cmp.ActionsDone = append(cmp.ActionsDone, act)
		case ActionOpen, ActionInProgress:
			cmp.ActionsOpen++
		}
	}
	return cmp, nil
}

func knownRating(a *Assessment, id string) *int {
	r, ok := a.CompetenceRatings[id]
	if !ok || r == DontKnow {
		return nil
	}
	return &r
}

func diff(before, after *float64) *float64 {
	if before == nil || after == nil {
		return nil
	}
	d := round1(*after - *before)
	return &d
}
