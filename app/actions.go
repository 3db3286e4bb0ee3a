package app

import (
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// MaxSuggestedActions caps how many actions the engine suggests at once: a
// plan a small company can carry out, not a list of everything.
const MaxSuggestedActions = 10

// horizonMonths is when an action of each horizon is due, counted from the
// assessment date.
var horizonMonths = map[string]int{ref.Horizon0to3: 3, ref.Horizon3to6: 6, ref.Horizon6to12: 12}

// Relevance scores from which a suggested action is high or medium priority.
const (
	highPriorityScore   = 50
	mediumPriorityScore = 30
)

// SuggestActions turns the best recommendations into open actions: one per
// recommendation, skipping those the plan already has (kept or dismissed),
// with the recommendation's owner role, a due date at the end of its horizon
// and a priority from its relevance. The title stays empty: it is the
// recommendation's localized title, filled in when shown or accepted.
func SuggestActions(recs []Recommendation, a *Assessment) []Action {
	inPlan := map[string]bool{}
	for _, act := range a.Actions {
		inPlan[act.Source] = true
	}
	start := a.When()
	var out []Action
	for _, r := range recs {
		if len(out) == MaxSuggestedActions {
			break
		}
		if inPlan[r.ID] {
			continue
		}
		out = append(out, Action{
			Dimension: r.Dimension, OwnerRole: r.OwnerRole, Due: dueDate(start, r.Horizon),
			Status: ActionOpen, Priority: scorePriority(r.Score), Actors: r.Actors, Source: r.ID,
		})
	}
	return out
}

func dueDate(start time.Time, horizon string) string {
	if start.IsZero() {
		return ""
	}
	return start.AddDate(0, horizonMonths[horizon], 0).Format(validate.DateLayout)
}

func scorePriority(score float64) string {
	switch {
	case score >= highPriorityScore:
		return PriorityHigh
	case score >= mediumPriorityScore:
		return PriorityMedium
	}
	return PriorityLow
}
