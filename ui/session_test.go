package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// testToday is the date tests open sessions on.
var testToday = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

// openTestSession opens a real store in a temp folder, with the example
// companies when examples is true, and a session on the company named name
// (created empty when it does not exist). Saves happen only on Flush.
func openTestSession(t *testing.T, lang string, examples bool, name string) (*Session, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	d := ref.MustLoad()
	var id app.CompanyID
	if examples {
		loaded, err := demo.Load(ctx, st, d, testToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range loaded {
			if l.Name == name {
				id = l.ID
			}
		}
	}
	if id == 0 {
		if id, err = st.CreateCompany(ctx, &app.Company{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := OpenSession(ctx, st, d, locales.MustNew(lang), id, testToday)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1100, 720))
	s.Win = w
	return s, st, w
}

// exampleCompany is the example company with a history of assessments.
const exampleCompany = "Möllevångens Pastafabrik AB"

func TestEditsReachTheDatabaseOnFlush(t *testing.T) {
	s, st, _ := openTestSession(t, "sv", false, "Testbolaget AB")
	if s.Editing() != -1 || s.Assessment().Date != "2026-11-28" {
		t.Fatalf("a company without assessments edits %d dated %q", s.Editing(), s.Assessment().Date)
	}
	s.EditCompany(func(c *app.Company) { c.Address.City = "Växjö" })
	s.EditAssessment(func(a *app.Assessment) { a.CompetenceRatings = map[string]int{"purchasing": 3} })
	if s.State() != SavePending {
		t.Errorf("state after an edit = %v, want pending", s.State())
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if s.State() != SaveDone {
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

func TestAutosaveWritesWithinASecond(t *testing.T) {
	autosaveDelay = 100 * time.Millisecond
	t.Cleanup(func() { autosaveDelay = time.Hour })
	s, st, _ := openTestSession(t, "sv", false, "Autosparat AB")
	s.EditCompany(func(c *app.Company) { c.Website = "https://example.se" })
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		// The company is written first, the new assessment right after.
		c, err := st.Company(context.Background(), s.CompanyID())
		as, _ := st.Assessments(context.Background(), s.CompanyID())
		if err == nil && c.Website == "https://example.se" && len(as) == 1 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the edit was not saved without Flush")
}

func TestFollowUpStartsFromTheLatestAndKeepsThePrevious(t *testing.T) {
	s, st, _ := openTestSession(t, "en", true, exampleCompany)
	before := len(s.History())
	if before < 2 || s.Editing() != before-1 {
		t.Fatalf("example has %d assessments, editing %d", before, s.Editing())
	}
	latest := s.Assessment().Date
	var gotErr error
	s.StartFollowUp(testToday.AddDate(0, 1, 0), func(err error) { gotErr = err })
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
