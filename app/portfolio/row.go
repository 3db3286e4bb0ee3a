package portfolio

import (
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
)

// DueWindowDays is how far ahead a review counts as due for follow-up: a
// review on or before today plus this many days is due.
const DueWindowDays = 30

// Row is one line of the portfolio table: who the company is and where its
// latest assessment stands. The fields of the latest assessment are empty
// when the company has none.
type Row struct {
	ID     app.CompanyID `json:"id"`
	Name   string        `json:"name"`
	OrgNr  string        `json:"org_nr,omitempty"`
	City   string        `json:"city,omitempty"`
	County string        `json:"county,omitempty"`
	// Contact is the contact person's name, which the search also matches.
	Contact     string `json:"contact,omitempty"`
	Sector      string `json:"sector,omitempty"`
	Industry    string `json:"industry,omitempty"`
	SizeClass   string `json:"size_class,omitempty"`
	Stage       string `json:"stage,omitempty"`
	Assessments int    `json:"assessments"`
	// Latest is the stored id of the latest assessment, 0 when none.
	Latest     app.AssessmentID `json:"latest,omitempty"`
	LatestDate string           `json:"latest_date,omitempty"`
	// Scores are the latest assessment's four dimension scores in
	// ref.Dimensions order, each with its target; nil when no assessment.
	Scores []app.DimensionScore `json:"scores,omitempty"`
	// GapDimension is the dimension with the largest gap above zero, ""
	// when none; GapPoints its gap.
	GapDimension ref.Dimension `json:"gap_dimension,omitempty"`
	GapPoints    float64       `json:"gap_points,omitempty"`
	// NextReview is the date of the follow-up assessment (yyyy-mm-dd), ""
	// when unknown; ReviewOverdue is true when it is before today, ReviewDue
	// when it is before today or within DueWindowDays.
	NextReview    string `json:"next_review,omitempty"`
	ReviewOverdue bool   `json:"review_overdue"`
	ReviewDue     bool   `json:"review_due"`
	// OpenActions counts the latest plan's actions open or in progress;
	// OverdueActions those of them due before today.
	OpenActions    int `json:"open_actions"`
	OverdueActions int `json:"overdue_actions"`
	// Completeness is the share of the latest assessment filled in, 0–1
	// (app.Completeness, the workspace's "Bedömningen är 91 % klar").
	Completeness float64 `json:"completeness"`
	// Modes are the latest assessment's entry modes, current and planned.
	Modes []app.ModeChoice `json:"modes,omitempty"`
	// Updated is when the company was last changed (Client.Updated).
	Updated time.Time `json:"updated"`
	// CreatedBy and ChangedBy are Client's: advisors' names in team mode.
	CreatedBy string `json:"created_by,omitempty"`
	ChangedBy string `json:"changed_by,omitempty"`
}

// Rows makes one table row per client, in the clients' order. today is
// the advisor's date (only its calendar day counts).
func Rows(d *ref.Data, clients []Client, today time.Time) []Row {
	out := make([]Row, len(clients))
	for i := range clients {
		out[i] = MakeRow(d, &clients[i], today)
	}
	return out
}

// MakeRow makes the table row of one client. The latest assessment is the
// one with the latest date (the later one in the list on a tie); its plan
// holds every action still to do, since a follow-up carries them over.
func MakeRow(d *ref.Data, c *Client, today time.Time) Row {
	co := &c.Company
	r := Row{
		ID: c.ID, Name: co.Name, OrgNr: co.OrgNr, City: co.Address.City, County: co.Address.County, Contact: co.Contact.Name,
		Sector: co.Sector, Industry: co.Industry, SizeClass: co.SizeClass(), Stage: co.ExportStage,
		Assessments: len(c.Assessments), Updated: c.Updated, CreatedBy: c.CreatedBy, ChangedBy: c.ChangedBy,
	}
	i := latestIndex(c.Assessments)
	if i < 0 {
		return r
	}
	a := &c.Assessments[i]
	r.Latest, r.LatestDate, r.Modes = a.ID, a.Date, a.Modes
	r.Scores = app.ScoreDimensions(d, &a.Assessment)
	if g, ok := (&app.Analysis{Dimensions: r.Scores}).LargestGap(); ok {
		r.GapDimension, r.GapPoints = g.Dimension, *g.Gap
	}
	day := dayOf(today)
	if review, ok := a.ReviewDate(); ok {
		r.NextReview = review.Format(validate.DateLayout)
		r.ReviewOverdue, r.ReviewDue = review.Before(day), reviewDue(review, day)
	}
	r.OpenActions, r.OverdueActions = countActions(a.Actions, day)
	r.Completeness = app.Completeness(d, co, &a.Assessment)
	return r
}

// latestIndex returns the index of the assessment with the latest date, the
// later one on a tie, and -1 when there is none.
func latestIndex(as []app.StoredAssessment) int {
	best := -1
	for i := range as {
		if best < 0 || as[i].Date >= as[best].Date {
			best = i
		}
	}
	return best
}

// dayOf returns t's calendar day as a UTC midnight, the form dates parse to.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// reviewDue reports whether a review on date is past or within DueWindowDays of today.
func reviewDue(date, today time.Time) bool {
	return !date.After(today.AddDate(0, 0, DueWindowDays))
}

// pending reports whether an action is still to do: open or in progress.
func pending(a *app.Action) bool {
	return a.Status == app.ActionOpen || a.Status == app.ActionInProgress
}

// overdue reports whether a pending action's due date is before today.
func overdue(a *app.Action, today time.Time) (time.Time, bool) {
	if !pending(a) {
		return time.Time{}, false
	}
	due, err := validate.ParseDate(a.Due)
	return due, err == nil && due.Before(today)
}

// countActions counts the pending actions and those of them overdue.
func countActions(actions []app.Action, today time.Time) (open, late int) {
	for i := range actions {
		if !pending(&actions[i]) {
			continue
		}
		open++
		if _, ok := overdue(&actions[i], today); ok {
			late++
		}
	}
	return open, late
}

// Score returns the row's score of dimension dim and whether it has one.
func (r *Row) Score(dim ref.Dimension) (float64, bool) {
	for _, s := range r.Scores {
		if s.Dimension == dim && s.Score != nil {
			return *s.Score, true
		}
	}
	return 0, false
}
