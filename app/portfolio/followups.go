package portfolio

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/validate"
)

// Kinds of follow-up.
const (
	KindReview = "review"
	KindAction = "action"
)

// Workspace steps a follow-up opens (the ids of ui's steps).
const (
	StepHistory = "history"
	StepActions = "actions"
)

// FollowUp is one thing to do for a company: a review that is due or an
// action that is overdue.
type FollowUp struct {
	Company     app.CompanyID    `json:"company"`
	CompanyName string           `json:"company_name"`
	Assessment  app.AssessmentID `json:"assessment"`
	// Date is the review date or the action's due date, yyyy-mm-dd.
	Date string `json:"date"`
	// Kind is KindReview or KindAction.
	Kind string `json:"kind"`
	// Title is the action's title; empty for a review, and for an action
	// taken from a recommendation without its own title: then Source is the
	// recommendation id to name it by.
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	// Action is the index of the action in the assessment's plan, -1 for a review.
	Action int `json:"action"`
	// Step is the workspace step to open: StepHistory or StepActions.
	Step    string `json:"step"`
	Overdue bool   `json:"overdue"`
}

// Week is the follow-ups of one ISO week.
type Week struct {
	// Key is the ISO week, e.g. "2026-W49"; Start its Monday.
	Key   string     `json:"key"`
	Start string     `json:"start"`
	Items []FollowUp `json:"items"`
}

// FollowUps returns what is due across the portfolio, grouped by ISO week
// and sorted by date (then company name, company id, reviews before
// actions, plan order): the review of each company's latest assessment when
// it is past or within DueWindowDays of today, and every overdue action of
// that assessment's plan (an action open or in progress, due before today).
// Older assessments are left out: a follow-up replaces their review and
// carries their unfinished actions over. A review opens StepHistory, where a
// follow-up assessment starts; an action opens StepActions.
func FollowUps(clients []Client, today time.Time) []Week {
	day := dayOf(today)
	var items []sortedFollowUp
	for i := range clients {
		items = appendFollowUps(items, &clients[i], day)
	}
	sorted := make([]*sortedFollowUp, len(items))
	for i := range items {
		sorted[i] = &items[i]
	}
	slices.SortStableFunc(sorted, compareFollowUps)
	return groupByWeek(sorted)
}

// sortedFollowUp is a follow-up with its company's name folded once for
// sorting, not on every comparison.
type sortedFollowUp struct {
	FollowUp
	folded string
}

func appendFollowUps(items []sortedFollowUp, c *Client, today time.Time) []sortedFollowUp {
	i := latestIndex(c.Assessments)
	if i < 0 {
		return items
	}
	a := &c.Assessments[i]
	base := sortedFollowUp{FollowUp: FollowUp{Company: c.ID, CompanyName: c.Company.Name, Assessment: a.ID}}
	first := len(items)
	if review, ok := a.ReviewDate(); ok && reviewDue(review, today) {
		f := base
		f.Date, f.Kind, f.Action, f.Step, f.Overdue = review.Format(validate.DateLayout), KindReview, -1, StepHistory, review.Before(today)
		items = append(items, f)
	}
	for j := range a.Actions {
		act := &a.Actions[j]
		if due, ok := overdue(act, today); ok {
			f := base
			f.Date, f.Kind, f.Title, f.Source = due.Format(validate.DateLayout), KindAction, act.Title, act.Source
			f.Action, f.Step, f.Overdue = j, StepActions, true
			items = append(items, f)
		}
	}
	if len(items) > first {
		folded := Fold(c.Company.Name)
		for k := first; k < len(items); k++ {
			items[k].folded = folded
		}
	}
	return items
}

func compareFollowUps(a, b *sortedFollowUp) int {
	return cmp.Or(
		cmp.Compare(a.Date, b.Date),
		cmp.Compare(a.folded, b.folded),
		cmp.Compare(a.Company, b.Company),
		cmp.Compare(a.Action, b.Action),
	)
}

// WeekKey returns the ISO week of t, e.g. "2026-W49" (the ISO year, which
// differs from the calendar year around New Year: 2027-01-01 is "2026-W53").
func WeekKey(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// weekStart returns the Monday of t's ISO week.
func weekStart(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -back)
}

// groupByWeek splits items sorted by date into their ISO weeks; the week
// of a date is worked out once, not for every item of that day.
func groupByWeek(items []*sortedFollowUp) []Week {
	weeks := []Week{}
	lastDate := ""
	for _, f := range items {
		if n := len(weeks); n == 0 || f.Date != lastDate {
			t, _ := validate.ParseDate(f.Date)
			if k := WeekKey(t); n == 0 || weeks[n-1].Key != k {
				weeks = append(weeks, Week{Key: k, Start: weekStart(t).Format(validate.DateLayout)})
			}
			lastDate = f.Date
		}
		weeks[len(weeks)-1].Items = append(weeks[len(weeks)-1].Items, f.FollowUp)
	}
	return weeks
}
