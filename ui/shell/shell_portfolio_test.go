package shell

import (
	"context"
	"testing"

	"github.com/pomi-planner/pomi/app/portfolio"
)

// A follow-up opens its company at the step it needs: an overdue action
// at the action plan, a review at the history.
func TestAFollowUpOpensItsCompanyAtItsStep(t *testing.T) {
	sh, _, _ := withExamples(t, "sv")
	id := sh.Companies().Rows()[0].ID
	for _, step := range []string{portfolio.StepActions, portfolio.StepHistory} {
		sh.OpenCompanyAt(id, step, nil)
		ws := sh.Workspace()
		if ws == nil || ws.Session().CompanyID() != id || ws.Steps()[ws.Current()].ID != step {
			t.Fatalf("opening at %s: workspace %v", step, ws != nil)
		}
		sh.closeCompany()
	}
}

// Starting a follow-up from the follow-up view stores a new assessment made
// from the latest one and shows it in the history, being worked on.
func TestStartingAFollowUpFromTheViewStoresANewAssessment(t *testing.T) {
	sh, st, _ := withExamples(t, "sv")
	id := sh.Companies().Rows()[0].ID
	before, err := st.Assessments(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	sh.startFollowUp(id)
	after, err := st.Assessments(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 {
		t.Fatalf("%d assessments after starting a follow-up, want %d", len(after), len(before)+1)
	}
	ws := sh.Workspace()
	if ws == nil || ws.Steps()[ws.Current()].ID != portfolio.StepHistory {
		t.Fatal("the history is not shown")
	}
	s := ws.Session()
	if s.Editing() != len(s.History())-1 || s.Assessment().Date != after[len(after)-1].Date {
		t.Errorf("editing %d of %d, want the new follow-up", s.Editing(), len(s.History()))
	}
	sh.closeCompany()
	if c, ok := sh.book.Client(id); !ok || len(c.Assessments) != len(after) {
		t.Error("the table does not hold the new assessment after closing the company")
	}
}
