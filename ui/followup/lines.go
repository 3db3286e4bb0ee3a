package followup

import (
	"slices"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
)

// line is one line of the list: a week's header when item is nil, else
// one follow-up of that week.
type line struct {
	week *portfolio.Week
	item *portfolio.FollowUp
}

// result is what one computation gives: the lines to show and what the
// summary counts.
type result struct {
	lines []line
	// reviews counts the reviews due, actions the overdue actions.
	reviews, actions int
	// companies is how many companies pass the filter.
	companies int
	// today is the date the follow-ups were worked out for.
	today time.Time
}

// compute works out the follow-ups of the clients passing f: it only reads
// its arguments, so it runs off the UI thread on slices the book has
// replaced since, never changed.
func compute(clients []portfolio.Client, rows []portfolio.Row, f portfolio.Filter, today time.Time) result {
	chosen := clients
	if !f.IsZero() {
		chosen = portfolio.Select(clients, rows, f)
	}
	res := flatten(portfolio.FollowUps(chosen, today))
	res.companies, res.today = len(chosen), today
	return res
}

// flatten lays the weeks out as lines, a header before each week's items.
func flatten(weeks []portfolio.Week) result {
	n := len(weeks)
	for i := range weeks {
		n += len(weeks[i].Items)
	}
	res := result{lines: make([]line, 0, n)}
	for i := range weeks {
		w := &weeks[i]
		res.lines = append(res.lines, line{week: w})
		for j := range w.Items {
			it := &w.Items[j]
			res.lines = append(res.lines, line{week: w, item: it})
			if it.Kind == portfolio.KindReview {
				res.reviews++
			} else {
				res.actions++
			}
		}
	}
	return res
}

// itemKey names a follow-up across computations, so that the selection
// stays on the same follow-up when the list is made anew.
type itemKey struct {
	company    app.CompanyID
	assessment app.AssessmentID
	kind       string
	action     int
}

func keyOf(f *portfolio.FollowUp) itemKey {
	return itemKey{company: f.Company, assessment: f.Assessment, kind: f.Kind, action: f.Action}
}

// find returns the index of the line holding the same follow-up as f
// (of an earlier result), or -1; nil is on no line.
func (r *result) find(f *portfolio.FollowUp) int {
	if f == nil {
		return -1
	}
	k := keyOf(f)
	for i := range r.lines {
		if it := r.lines[i].item; it != nil && keyOf(it) == k {
			return i
		}
	}
	return -1
}

// item returns the follow-up on line i, nil for a header or out of range.
func (r *result) item(i int) *portfolio.FollowUp {
	if i < 0 || i >= len(r.lines) {
		return nil
	}
	return r.lines[i].item
}

// cloneFilter copies f's lists, so that a caller changing them later does
// not change the filter a computation is running with.
func cloneFilter(f portfolio.Filter) portfolio.Filter {
	f.Stages = slices.Clone(f.Stages)
	f.Industries = slices.Clone(f.Industries)
	f.SizeClasses = slices.Clone(f.SizeClasses)
	f.Counties = slices.Clone(f.Counties)
	f.Modes = slices.Clone(f.Modes)
	return f
}
