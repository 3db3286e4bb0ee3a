package portfolio

import (
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// today for the row tests: Sunday 2026-03-15; due for follow-up up to 2026-04-14.
var rowToday = day("2026-03-15")

func TestRowOfAnAssessedCompany(t *testing.T) {
	emp := 12
	c := client(1, "Holavedens Möbler AB", rated("2025-06-01", 1, 1, 1, 1), rated("2026-01-10", 3, 4, 0, 2))
	c.Company.OrgNr, c.Company.Address = "556118-4711", app.Address{City: "Tranås", County: "F"}
	c.Company.Industry, c.Company.Employees, c.Company.ExportStage = "Möbler", &emp, "trial"
	a := &c.Assessments[1].Assessment
	a.NextReview = "2026-04-10"
	a.Modes = []app.ModeChoice{{Mode: "export_direct", Status: app.ModePlanned}}
	a.Actions = []app.Action{
		{Title: "late", Status: app.ActionOpen, Due: "2026-03-01"},           // open, overdue
		{Title: "today", Status: app.ActionInProgress, Due: "2026-03-15"},    // open, due today: not overdue
		{Title: "done", Status: app.ActionDone, Due: "2026-01-01"},           // not open
		{Title: "dismissed", Status: app.ActionDismissed, Due: "2026-01-01"}, // not open
		{Title: "undated", Status: app.ActionOpen},                           // open, never overdue
	}
	r := MakeRow(refData, &c, rowToday)
	if r.ID != 1 || r.City != "Tranås" || r.County != "F" || r.SizeClass != "small" || r.Stage != "trial" || r.Assessments != 2 {
		t.Errorf("profile fields: %+v", r)
	}
	if r.Latest != 102 || r.LatestDate != "2026-01-10" || len(r.Modes) != 1 || r.Modes[0].Mode != "export_direct" {
		t.Errorf("latest = %d %q %v, want the second assessment", r.Latest, r.LatestDate, r.Modes)
	}
	// Scores 50, 75, –, 25 against 75: gaps 25, 0, –, 50; the largest is I, 50 points.
	for dim, want := range map[ref.Dimension]float64{ref.Personal: 50, ref.Organizational: 75, ref.Institutional: 25} {
		if got, ok := r.Score(dim); !ok || got != want {
			t.Errorf("score %s = %v %v, want %v", dim, got, ok, want)
		}
	}
	if _, ok := r.Score(ref.Market); ok || len(r.Scores) != 4 || r.Scores[2].Target != 75 {
		t.Errorf("M is unrated and has no score; scores %+v", r.Scores)
	}
	if r.GapDimension != ref.Institutional || r.GapPoints != 50 {
		t.Errorf("largest gap %s %v, want I 50", r.GapDimension, r.GapPoints)
	}
	if r.NextReview != "2026-04-10" || r.ReviewOverdue || !r.ReviewDue {
		t.Errorf("review %q overdue=%v due=%v, want 2026-04-10 due within 30 days", r.NextReview, r.ReviewOverdue, r.ReviewDue)
	}
	if r.OpenActions != 3 || r.OverdueActions != 1 {
		t.Errorf("actions open %d overdue %d, want 3 and 1", r.OpenActions, r.OverdueActions)
	}
	if want := app.Completeness(refData, &c.Company, a); r.Completeness != want || want <= 0 || want >= 1 {
		t.Errorf("completeness %v, want app.Completeness %v", r.Completeness, want)
	}
}

func TestRowReviewWindowEdges(t *testing.T) {
	for _, tc := range []struct {
		date, review string
		overdue, due bool
	}{
		{"2025-06-01", "", true, true},            // no agreed date: 6 months on, 2025-12-01
		{"2026-01-01", "2026-03-14", true, true},  // yesterday
		{"2026-01-01", "2026-03-15", false, true}, // today is not overdue
		{"2026-01-01", "2026-04-14", false, true}, // today + 30 days
		{"2026-01-01", "2026-04-15", false, false},
	} {
		a := rated(tc.date, 3, 3, 3, 3)
		a.NextReview = tc.review
		c := client(1, "X", a)
		r := MakeRow(refData, &c, rowToday.Add(15*3600e9)) // the time of day does not count
		if r.ReviewOverdue != tc.overdue || r.ReviewDue != tc.due {
			t.Errorf("%s/%q: overdue=%v due=%v, want %v %v", tc.date, tc.review, r.ReviewOverdue, r.ReviewDue, tc.overdue, tc.due)
		}
	}
}

func TestRowOfACompanyWithoutAssessment(t *testing.T) {
	rows := Rows(refData, []Client{client(7, "Tomt AB")}, rowToday)
	r := rows[0]
	if len(rows) != 1 || r.Name != "Tomt AB" || r.Latest != 0 || r.Scores != nil || r.NextReview != "" ||
		r.ReviewDue || r.GapDimension != "" || r.Completeness != 0 {
		t.Errorf("row without assessment: %+v", r)
	}
}

func TestRowTakesTheLatestByDateNotByPosition(t *testing.T) {
	c := client(1, "X", rated("2026-02-01", 5, 5, 5, 5), rated("2025-01-01", 1, 1, 1, 1))
	if r := MakeRow(refData, &c, rowToday); r.LatestDate != "2026-02-01" || r.GapDimension != "" {
		t.Errorf("latest %q gap %q, want 2026-02-01 without gap", r.LatestDate, r.GapDimension)
	}
}
