package portfolio

import (
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
)

// Period picks assessments by date, both ends included; a zero end is open.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Count is how many companies share one thing: a competence gap, a barrier,
// a recommendation, a kind of change.
type Count struct {
	ID        string `json:"id"`
	Companies int    `json:"companies"`
	members   []int
}

// Range counts the companies whose value lies from From to To, both
// included: how often they were assessed, or their score band.
type Range struct {
	From      int `json:"from"`
	To        int `json:"to"`
	Companies int `json:"companies"`
}

// Distribution is one POMI score over the companies.
type Distribution struct {
	Dimension ref.Dimension `json:"dimension"`
	Count     int           `json:"count"`
	// Min and Max are nil in the anonymised view.
	Min    *float64 `json:"min,omitempty"`
	Q1     float64  `json:"q1"`
	Median float64  `json:"median"`
	Q3     float64  `json:"q3"`
	Max    *float64 `json:"max,omitempty"`
	Mean   float64  `json:"mean"`
	// Bands count the scores 0–19, 20–39, 40–59, 60–79 and 80–100.
	Bands []Range `json:"bands"`
	// Suppressed is true in the anonymised view when Count < MinGroup.
	Suppressed bool `json:"suppressed,omitempty"`
}

// ModeGaps is the competence gaps found among the companies that chose one
// entry mode.
type ModeGaps struct {
	Mode      string  `json:"mode"`
	Companies int     `json:"companies"`
	Gaps      []Count `json:"gaps"`
	members   []int
}

// Movement is how one dimension's gap moved between the first and the latest
// assessment of the companies assessed twice or more.
type Movement struct {
	Dimension ref.Dimension `json:"dimension"`
	Companies int           `json:"companies"`
	// Changes counts "improved", "same" and "worse", in that order.
	Changes []Count `json:"changes"`
	// MeanChange is the mean of latest gap − first gap: below zero the gap shrank.
	MeanChange float64 `json:"mean_change"`
	Suppressed bool    `json:"suppressed,omitempty"`
}

// Insights is what a filtered part of the portfolio has in common over a period.
type Insights struct {
	Period Period `json:"period"`
	// Companies counts the companies with an assessment in the period;
	// Unassessed those that pass the filter but have none in it.
	Companies   int `json:"companies"`
	Unassessed  int `json:"unassessed"`
	Assessments int `json:"assessments"`
	// Frequency counts the companies by how many assessments they had.
	Frequency       []Range        `json:"frequency"`
	Scores          []Distribution `json:"scores"`
	CompetenceGaps  []ModeGaps     `json:"competence_gaps"`
	Barriers        []Count        `json:"barriers"`
	Recommendations []Count        `json:"recommendations"`
	Movements       []Movement     `json:"movements"`
	// Anonymised marks the anonymised view; Suppressed that it hides
	// everything because fewer than MinGroup companies are in it.
	Anonymised bool `json:"anonymised,omitempty"`
	Suppressed bool `json:"suppressed,omitempty"`
}

// Change ids of a Movement.
const (
	ChangeImproved = "improved"
	ChangeSame     = "same"
	ChangeWorse    = "worse"
)

// bandWidth is the width of a score band; scores of 100 join the top band.
const bandWidth = 20

// ComputeInsights computes the insights over the clients that pass f (as
// the table shows them today, see Filter) from their assessments dated in
// p. Everything is counted per company: its latest assessment in the
// period gives its scores, competence gaps (a required competence rated
// below the required level; unrated ones do not count), felt barriers and
// the recommendations given, found once as app.Find finds them
// (app.Analyze's findings without the plan; by an app.Finder, which
// reuses its memory from one company to the next); its first and latest
// assessment in the period give the movement of its gaps.
// Lists are ordered by count, largest first, then by id. Quartiles
// interpolate linearly between the sorted scores (as a spreadsheet's
// QUARTILE.INC). O(n) in the clients' assessments.
func ComputeInsights(d *ref.Data, clients []Client, f Filter, p Period, today time.Time) Insights {
	if !f.IsZero() {
		clients = Select(clients, Rows(d, clients, today), f)
	}
	return accumulateAll(d, clients, p).insights(p)
}

// periodPick is a company's first and latest assessment in the period and
// how many it has there.
type periodPick struct {
	first, latest *app.StoredAssessment
	n             int
}

// pickPeriod finds the first and the latest assessment dated in the
// period (by date; the later in the list on a tie) and counts them.
func pickPeriod(as []app.StoredAssessment, p Period) periodPick {
	var pk periodPick
	for i := range as {
		a := &as[i]
		if !p.Contains(a.Date) {
			continue
		}
		pk.n++
		if pk.first == nil || a.Date < pk.first.Date {
			pk.first = a
		}
		if pk.latest == nil || a.Date >= pk.latest.Date {
			pk.latest = a
		}
	}
	return pk
}

// Contains reports whether a date (yyyy-mm-dd) lies in the period, both
// ends included. A date that does not parse lies only in a fully open period.
func (p Period) Contains(date string) bool {
	if p.From.IsZero() && p.To.IsZero() {
		return true
	}
	t, err := validate.ParseDate(date)
	if err != nil {
		return false
	}
	return (p.From.IsZero() || !t.Before(dayOf(p.From))) && (p.To.IsZero() || !t.After(dayOf(p.To)))
}
