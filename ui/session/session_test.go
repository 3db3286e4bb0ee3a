package session_test

import (
	"context"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"

	"github.com/pomi-planner/pomi/app"
)

func TestEditsReachTheDatabaseOnFlush(t *testing.T) {
	s, st, _ := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	if s.Editing() != -1 || s.Assessment().Date != "2026-11-28" {
		t.Fatalf("a company without assessments edits %d dated %q", s.Editing(), s.Assessment().Date)
	}
	s.EditCompany(func(c *app.Company) { c.Address.City = "Växjö" })
	s.EditAssessment(func(a *app.Assessment) { a.CompetenceRatings = map[string]int{"purchasing": 3} })
	if s.State() != session.SavePending {
		t.Errorf("state after an edit = %v, want pending", s.State())
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if s.State() != session.SaveDone {
		t.Errorf("state after flush = %v", s.State())
	}
	c, _ := st.Company(context.Background(), s.CompanyID())
	as, _ := st.Assessments(context.Background(), s.CompanyID())
	if c.Address.City != "Växjö" || len(as) != 1 || as[0].CompetenceRatings["purchasing"] != 3 {
		t.Fatalf("stored city %q, %d assessments", c.Address.City, len(as))
	}
	s.EditAssessment(func(a *app.Assessment) { a.CompetenceRatings["purchasing"] = 4 })
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	as, _ = st.Assessments(context.Background(), s.CompanyID())
	if len(as) != 1 || as[0].CompetenceRatings["purchasing"] != 4 {
		t.Errorf("second save made %d assessments or lost the rating", len(as))
	}
}

// TestAutosaveWritesWithinASecond: an edit is saved by itself once the
// autosave delay has passed since it, without Flush, and not before; the
// window's delay is well inside a second.
func TestAutosaveWritesWithinASecond(t *testing.T) {
	if delay := kit.NewDeps().AutosaveDelay; delay <= 0 || delay >= time.Second {
		t.Fatalf("the window autosaves %v after an edit, want within a second", delay)
	}
	deps, clock := uitest.NewDeps(t)
	s, st, _ := uitest.OpenSessionWith(t, deps, "sv", false, "Autosparat AB")
	saved := func() bool {
		// The company is written first, the new assessment right after.
		c, err := st.Company(context.Background(), s.CompanyID())
		as, _ := st.Assessments(context.Background(), s.CompanyID())
		return err == nil && c.Website == "https://example.se" && len(as) == 1
	}
	s.EditCompany(func(c *app.Company) { c.Website = "https://example.se" })
	clock.Advance(deps.AutosaveDelay / 2)
	s.EditCompany(func(c *app.Company) { c.Website = "https://example.se" }) // typing on restarts the delay
	clock.Advance(deps.AutosaveDelay - time.Millisecond)
	if saved() || s.State() != session.SavePending {
		t.Fatalf("saved before the delay after the last edit had passed (state %v)", s.State())
	}
	clock.Advance(time.Millisecond)
	if !saved() || s.State() != session.SaveDone {
		t.Fatalf("the edit was not saved without Flush (state %v)", s.State())
	}
}

func TestFollowUpStartsFromTheLatestAndKeepsThePrevious(t *testing.T) {
	s, st, _ := uitest.OpenSession(t, "en", true, uitest.ExampleCompany)
	before := len(s.History())
	if before < 2 || s.Editing() != before-1 {
		t.Fatalf("example has %d assessments, editing %d", before, s.Editing())
	}
	latest := s.Assessment().Date
	var gotErr error
	s.StartFollowUp(uitest.Today.AddDate(0, 1, 0), func(err error) { gotErr = err })
	if gotErr != nil {
		t.Fatal(gotErr)
	}
	as, _ := st.Assessments(context.Background(), s.CompanyID())
	if len(as) != before+1 || len(s.History()) != before+1 || s.Editing() != before {
		t.Fatalf("after follow-up: stored %d, history %d, editing %d", len(as), len(s.History()), s.Editing())
	}
	if p := s.Previous(); p == nil || p.Date != latest {
		t.Errorf("previous = %+v, want the one of %s", p, latest)
	}
	s.SwitchTo(as[0].ID, func(err error) { gotErr = err })
	if gotErr != nil || s.Editing() != 0 || s.Previous() != nil {
		t.Errorf("switch to the first: err %v, editing %d", gotErr, s.Editing())
	}
}

// A change written to the store while the company is open (as team sync
// writes a colleague's change) survives the session's next saves: the
// session saves what it changed, not its whole stale copy.
func TestSavesKeepAChangeWrittenMeanwhile(t *testing.T) {
	ctx := context.Background()
	s, st, _ := uitest.OpenSession(t, "sv", false, "Testbolaget AB")
	s.EditCompany(func(c *app.Company) { c.Address.City = "Växjö" })
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	theirs, err := st.Company(ctx, s.CompanyID())
	if err != nil {
		t.Fatal(err)
	}
	theirs.Website = "https://testbolaget.se"
	if err := st.UpdateCompany(ctx, s.CompanyID(), &theirs.Company); err != nil {
		t.Fatal(err)
	}
	for _, notes := range []string{"Första besöket.", "Andra besöket."} {
		s.EditCompany(func(c *app.Company) { c.Notes = notes })
		if err := s.Flush(); err != nil {
			t.Fatal(err)
		}
		got, _ := st.Company(ctx, s.CompanyID())
		if got.Website != "https://testbolaget.se" || got.Notes != notes || got.Address.City != "Växjö" {
			t.Fatalf("after saving %q: website %q, notes %q, city %q", notes, got.Website, got.Notes, got.Address.City)
		}
	}
}
