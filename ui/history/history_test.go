package history

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/results"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
)

func TestHistoryListsEveryAssessmentNewestFirst(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	stored, err := st.Assessments(context.Background(), s.CompanyID())
	if err != nil {
		t.Fatal(err)
	}
	if len(v.entries) != len(stored) || len(v.rows.Objects) != len(stored) || len(stored) < 2 {
		t.Fatalf("%d entries and %d rows for %d stored assessments", len(v.entries), len(v.rows.Objects), len(stored))
	}
	for i := 1; i < len(v.entries); i++ {
		if v.entries[i-1].a.Date < v.entries[i].a.Date {
			t.Errorf("entry %d (%s) is before entry %d (%s)", i-1, v.entries[i-1].a.Date, i, v.entries[i].a.Date)
		}
	}
	if !v.entries[0].editing || v.openButtons[v.entries[0].id].Disabled() == false {
		t.Error("the latest, edited assessment is not marked or can be opened again")
	}
	first := strings.Join(uitest.AllTexts(v.rows.Objects[0]), " ")
	for _, want := range []string{"10 november 2026", "Den här arbetar du i nu", "Rådgivare: Maria Lindgren", "POMI-snitt", "Åtgärder: 2 klara, 3 kvar"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first row %q lacks %q", first, want)
		}
	}
}

func TestHistoryOpensAnEarlierAssessment(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	oldest := v.entries[len(v.entries)-1]
	test.Tap(v.openButtons[oldest.id])
	if s.Editing() != oldest.index || s.Assessment().Date != oldest.a.Date {
		t.Fatalf("editing %d (%s), want %d", s.Editing(), s.Assessment().Date, oldest.index)
	}
	last := v.entries[len(v.entries)-1]
	if !last.editing || v.entries[0].editing || !v.openButtons[last.id].Disabled() || v.openButtons[v.entries[0].id].Disabled() {
		t.Error("the list does not mark the opened assessment as edited")
	}
}

func TestHistoryFollowUpIsStoredAndEdited(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	s.Deps.Now = func() time.Time { return uitest.Today.AddDate(0, 0, 3) }
	w.SetContent(v.Content())
	before := len(v.entries)
	test.Tap(v.followUp)
	if v.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	v.confirm.Confirm()
	stored, err := st.Assessments(context.Background(), s.CompanyID())
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != before+1 || len(v.entries) != before+1 {
		t.Fatalf("%d stored, %d listed, want %d", len(stored), len(v.entries), before+1)
	}
	newest := v.entries[0]
	if newest.a.Date != "2026-12-01" || !newest.editing || s.Assessment().Date != "2026-12-01" || s.Editing() != len(stored)-1 {
		t.Errorf("newest %s editing %v; session edits %s at %d", newest.a.Date, newest.editing, s.Assessment().Date, s.Editing())
	}
	if v.lastError != "" {
		t.Errorf("error shown: %s", v.lastError)
	}
}

func TestHistoryFollowUpFailureIsSaidInWords(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	before := len(v.entries)
	st.Close() // the database goes away under the screen
	test.Tap(v.followUp)
	v.confirm.Confirm()
	if v.lastError != s.Loc.T("ui.history.error.follow_up") {
		t.Errorf("error shown %q", v.lastError)
	}
	if len(v.entries) != before || !v.entries[0].editing {
		t.Errorf("after a failed follow-up: %d entries, first edited %v", len(v.entries), v.entries[0].editing)
	}
}

func TestHistoryComparesTheLatestTwo(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	if v.from.SelectedIndex() != 1 || v.to.SelectedIndex() != 0 {
		t.Fatalf("choices %d and %d, want the latest two", v.from.SelectedIndex(), v.to.SelectedIndex())
	}
	cmp, err := app.Compare(s.Data, s.Company(), v.entries[1].a, v.entries[0].a)
	if err != nil {
		t.Fatal(err)
	}
	dims := uitest.TableBody(t, v.comparison.Objects[1].(*fyne.Container))
	if len(dims) != 4*len(cmp.Dimensions) {
		t.Fatalf("%d cells for %d dimensions", len(dims), len(cmp.Dimensions))
	}
	for i, d := range cmp.Dimensions {
		got := uitest.AllTexts(dims[i*4+3])[0]
		if want := results.Change(s.Loc, d.Before, d.After); got != want {
			t.Errorf("%s: change %q, want %q", d.Dimension, got, want)
		}
	}
	all := strings.Join(uitest.AllTexts(v.comparison), "\n")
	for _, a := range cmp.ActionsDone {
		if !strings.Contains(all, a.Title) {
			t.Errorf("done action %q not listed", a.Title)
		}
	}
	v.from.SetSelectedIndex(0)
	if got := uitest.AllTexts(v.comparison); len(got) != 1 || got[0] != s.Loc.T("ui.history.compare.same") {
		t.Errorf("comparing one with itself shows %q", got)
	}
}

func TestHistoryWithOneAssessmentSaysCompareNeedsAFollowUp(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "en", false, "Single Visit Ltd")
	v := newView(s)
	w.SetContent(v.Content())
	if len(v.entries) != 1 || v.from != nil {
		t.Fatalf("%d entries, compare choices %v", len(v.entries), v.from)
	}
	all := strings.Join(uitest.AllTexts(v.Content()), "\n")
	if !strings.Contains(all, s.Loc.T("ui.history.compare.needs_follow_up")) || !strings.Contains(all, "new, not saved yet") {
		t.Errorf("view says %q", all)
	}
}

func TestHistoryMarkup(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	w.SetContent(newView(s).Content())
	uitest.Settle(w)
	test.AssertRendersToMarkup(t, "history.xml", w.Canvas())
}
