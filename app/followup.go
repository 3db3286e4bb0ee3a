package app

import (
	"maps"
	"slices"
	"time"

	"github.com/pomi-planner/pomi/app/validate"
)

// FollowUp starts the next assessment from the latest one: the same entry
// modes, ratings, barriers, checklist and targets, so the advisor only changes
// what moved, and the actions still to do. Done actions stay behind in the
// assessment they were done in; dismissed ones come along so they are not
// suggested again. The date is today; notes and the agreed review date start
// empty. A nil latest gives an empty assessment dated today.
func FollowUp(latest *Assessment, today time.Time) Assessment {
	next := Assessment{Date: today.Format(validate.DateLayout)}
	if latest == nil {
		return next
	}
	next.Assessor = latest.Assessor
	next.Modes = slices.Clone(latest.Modes)
	next.CompetenceRatings = maps.Clone(latest.CompetenceRatings)
	next.StatementRatings = maps.Clone(latest.StatementRatings)
	next.Barriers = maps.Clone(latest.Barriers)
	next.Checklist = maps.Clone(latest.Checklist)
	next.Targets = maps.Clone(latest.Targets)
	for _, a := range latest.Actions {
		if a.Status == ActionDone {
			continue
		}
		a.Actors = slices.Clone(a.Actors)
		next.Actions = append(next.Actions, a)
	}
	return next
}
