package app

import (
	"testing"

	"github.com/pomi-planner/pomi/app/ref"
)

// The reference data has 34 statements, 15 competences and 11 checklist
// items; the profile counts 11 fields, modes and markets 2, an empty plan 1:
// 74 items in all.
func TestCompletenessCountsEveryStep(t *testing.T) {
	d := ref.MustLoad()
	if len(d.Statements) != 34 || len(d.Competences) != 15 || len(d.Checklist) != 11 {
		t.Fatalf("reference data changed: %d %d %d", len(d.Statements), len(d.Competences), len(d.Checklist))
	}
	c := &Company{Name: "Tomt AB"}
	a := &Assessment{}
	if got := Completeness(d, c, a); got != 1.0/74 {
		t.Errorf("only a name: %v, want 1/74", got)
	}
	// Two modes' worth of choice, a target market, 3 statements, 2 competences,
	// 1 checklist item, and a plan of two actions (one dismissed, one with owner
	// and due date): 1+2+3+2+1+1 = 10 of 11+2+34+15+11+1 = 74.
	c.TargetMarkets = []string{"DE"}
	a.Modes = []ModeChoice{{Mode: "export_direct", Status: ModeCurrent}}
	a.StatementRatings = map[string]int{"P1": 3, "O1": DontKnow, "M1": 5}
	a.CompetenceRatings = map[string]int{"production": 2, "quality": DontKnow}
	a.Checklist = map[string]string{d.Checklist[0].ID: ChecklistDone}
	a.Actions = []Action{{Status: ActionDismissed}, {Status: ActionOpen, Owner: "Eva", Due: "2026-05-01"}}
	if got := Completeness(d, c, a); got != 10.0/74 {
		t.Errorf("partly filled: %v, want 10/74", got)
	}
	if done, total := ActionsProgress(&Assessment{Actions: []Action{{Status: ActionOpen}}}); done != 0 || total != 1 {
		t.Errorf("an action without owner: %d/%d", done, total)
	}
}
