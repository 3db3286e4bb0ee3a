package portfolio

import (
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app"
)

// review makes a client whose only assessment has the agreed review date.
func review(id int, name, date string, actions ...app.Action) Client {
	a := rated("2026-06-01", 3, 3, 3, 3)
	a.NextReview, a.Actions = date, actions
	return client(id, name, a)
}

// Today is Monday 2026-12-28, in ISO week 2026-W53 (2026 has 53 weeks);
// due for review up to 2027-01-27.
func TestFollowUpsGroupByISOWeekAcrossTheYearBoundary(t *testing.T) {
	clients := []Client{
		review(1, "Beta", "2027-01-04",
			app.Action{Title: "Ring tullen", Status: app.ActionOpen, Due: "2026-12-27"},  // overdue, 2026-W52
			app.Action{Source: "rec_x", Status: app.ActionInProgress, Due: "2026-12-20"}, // overdue, 2026-W51
			app.Action{Title: "klar", Status: app.ActionDone, Due: "2026-12-01"},         // done: not a follow-up
			app.Action{Title: "i dag", Status: app.ActionOpen, Due: "2026-12-28"}),       // due today: not overdue
		review(2, "alfa", "2027-01-01"),  // Friday, still 2026-W53
		review(3, "Gamma", "2027-01-27"), // today + 30: due, 2027-W04
		review(4, "Delta", "2027-01-28"), // today + 31: not yet
		review(5, "Epsilon", "2027-01-03"),
		client(6, "Utan bedömning"),
	}
	// An older assessment's review and actions do not count.
	old := rated("2026-01-01", 1, 1, 1, 1)
	old.NextReview = "2026-02-01"
	old.Actions = []app.Action{{Title: "gammal", Status: app.ActionOpen, Due: "2026-01-01"}}
	clients[4].Assessments = append([]app.StoredAssessment{{ID: 999, Assessment: old}}, clients[4].Assessments...)

	weeks := FollowUps(clients, day("2026-12-28").Add(20*3600e9))
	var keys []string
	for _, w := range weeks {
		keys = append(keys, w.Key)
	}
	if want := []string{"2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W04"}; !slices.Equal(keys, want) {
		t.Fatalf("weeks %v, want %v", keys, want)
	}
	if weeks[2].Start != "2026-12-28" || weeks[3].Start != "2027-01-04" || weeks[0].Start != "2026-12-14" {
		t.Errorf("week starts %q %q %q", weeks[0].Start, weeks[2].Start, weeks[3].Start)
	}
	w51 := weeks[0].Items
	if len(w51) != 1 || w51[0].Kind != KindAction || w51[0].Source != "rec_x" || w51[0].Action != 1 ||
		w51[0].Step != StepActions || !w51[0].Overdue || w51[0].CompanyName != "Beta" || w51[0].Assessment != 101 {
		t.Errorf("2026-W51: %+v", w51)
	}
	if it := weeks[1].Items; len(it) != 1 || it[0].Title != "Ring tullen" || it[0].Date != "2026-12-27" {
		t.Errorf("2026-W52: %+v", it)
	}
	// W53: alfa's review on Friday 1 January, Epsilon's on Sunday 3 January, by date.
	w53 := weeks[2].Items
	if len(w53) != 2 || w53[0].CompanyName != "alfa" || w53[1].CompanyName != "Epsilon" ||
		w53[0].Kind != KindReview || w53[0].Step != StepHistory || w53[0].Overdue || w53[0].Action != -1 {
		t.Errorf("2026-W53: %+v", w53)
	}
	if it := weeks[3].Items; len(it) != 1 || it[0].Company != 1 || it[0].Date != "2027-01-04" {
		t.Errorf("2027-W01: %+v", it)
	}
	if it := weeks[4].Items; len(it) != 1 || it[0].Company != 3 {
		t.Errorf("2027-W04: %+v", it)
	}
}

func TestFollowUpsOrderWithinADayAndPastReviews(t *testing.T) {
	clients := []Client{
		review(2, "Beta", "2026-11-02", app.Action{Title: "x", Status: app.ActionOpen, Due: "2026-11-02"}),
		review(1, "beta", "2026-11-02"),
		review(3, "Alfa", "2026-11-02"),
	}
	weeks := FollowUps(clients, day("2026-12-01"))
	if len(weeks) != 1 || weeks[0].Key != "2026-W45" {
		t.Fatalf("weeks %+v", weeks)
	}
	var got []string
	for _, f := range weeks[0].Items {
		got = append(got, f.CompanyName+"/"+f.Kind)
		if !f.Overdue {
			t.Errorf("%+v is past and overdue", f)
		}
	}
	// Same date: by folded name, then company id (beta 1 before Beta 2), then the review before the actions.
	if want := []string{"Alfa/review", "beta/review", "Beta/review", "Beta/action"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestFollowUpsOfNothingDueIsEmpty(t *testing.T) {
	weeks := FollowUps([]Client{review(1, "A", "2027-06-01"), client(2, "B")}, day("2026-12-01"))
	if weeks == nil || len(weeks) != 0 {
		t.Errorf("weeks %+v, want an empty list", weeks)
	}
}

func TestWeekKey(t *testing.T) {
	for date, want := range map[string]string{
		"2026-12-03": "2026-W49", "2027-01-01": "2026-W53", "2025-12-29": "2026-W01", "2021-01-03": "2020-W53",
	} {
		if got := WeekKey(day(date)); got != want {
			t.Errorf("WeekKey(%s) = %s, want %s", date, got, want)
		}
	}
}
