package app

import (
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/ref"
)

func TestFollowUpCarriesRatingsAndOpenActionsAndNotDoneOnes(t *testing.T) {
	latest := &Assessment{
		Date: "2026-03-01", Assessor: "Eva", Notes: "old", NextReview: "2026-09-01",
		Modes:             []ModeChoice{{Mode: "direct_export", Status: ModePlanned}},
		CompetenceRatings: map[string]int{"C1": 2},
		StatementRatings:  map[string]int{"P1": 4},
		Barriers:          map[string]int{"B1": 3},
		Checklist:         map[string]string{"K1": ChecklistDone},
		Targets:           map[ref.Dimension]float64{ref.Market: 80},
		Actions: []Action{
			{Title: "open", Status: ActionOpen, Actors: []string{"a"}},
			{Title: "done", Status: ActionDone},
			{Title: "dismissed", Status: ActionDismissed},
		},
	}
	next := FollowUp(latest, time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC))
	if next.Date != "2026-11-28" || next.Assessor != "Eva" || next.Notes != "" || next.NextReview != "" {
		t.Errorf("date/assessor/notes/review = %q %q %q %q", next.Date, next.Assessor, next.Notes, next.NextReview)
	}
	if next.CompetenceRatings["C1"] != 2 || next.StatementRatings["P1"] != 4 || next.Barriers["B1"] != 3 ||
		next.Checklist["K1"] != ChecklistDone || next.Targets[ref.Market] != 80 || len(next.Modes) != 1 {
		t.Errorf("ratings not carried over: %+v", next)
	}
	var titles []string
	for _, a := range next.Actions {
		titles = append(titles, a.Title)
	}
	if len(titles) != 2 || titles[0] != "open" || titles[1] != "dismissed" {
		t.Errorf("actions = %v, want open and dismissed", titles)
	}
	next.CompetenceRatings["C1"] = 5
	next.Actions[0].Actors[0] = "changed"
	if latest.CompetenceRatings["C1"] != 2 || latest.Actions[0].Actors[0] != "a" {
		t.Error("the follow-up shares maps or slices with the latest assessment")
	}
}

func TestFollowUpOfNothingIsEmptyAndDatedToday(t *testing.T) {
	next := FollowUp(nil, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	if next.Date != "2026-01-02" || len(next.Modes) != 0 || len(next.Actions) != 0 {
		t.Errorf("FollowUp(nil) = %+v", next)
	}
}

func TestBarrierWeightNamesTheMessageOfEachWeight(t *testing.T) {
	for w, want := range map[int]string{BarrierSlight: "slight", BarrierClear: "clear", BarrierStrong: "strong"} {
		if got := BarrierWeightName(w); got != want {
			t.Errorf("BarrierWeightName(%d) = %q, want %q", w, got, want)
		}
	}
}
