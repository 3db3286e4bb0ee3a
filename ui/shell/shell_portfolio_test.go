package shell

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/ui/clientbook"
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

// With work in the background and its results held back from the UI thread
// (as if the first frame were being drawn), the table already holds the
// first companies as soon as the shell is made: the first frame shows them.
func TestTheFirstFrameShowsTheFirstCompanies(t *testing.T) {
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	ctx := context.Background()
	for i := range clientbook.FirstPage + 5 {
		if _, err := st.CreateCompany(ctx, &app.Company{Name: fmt.Sprintf("Företag %02d AB", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveSettings(ctx, &app.Settings{UsedBy: app.UsedByAdvisor}); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	deps := uitest.Deps(t)
	var mu sync.Mutex
	var later []func()
	deps.Synchronous = false
	deps.OnUIThread = func(fn func()) { mu.Lock(); later = append(later, fn); mu.Unlock() }
	sh := NewShell(w, deps, ref.MustLoad(), "sv", st, nil, store.Maintenance{})
	if n := len(sh.Companies().Rows()); n != clientbook.FirstPage {
		t.Errorf("%d rows right after the window was made, want the first %d", n, clientbook.FirstPage)
	}
}
