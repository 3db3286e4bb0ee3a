package actions

import (
	"context"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
)

// onExample shows the actions step of the example company with a history.
func onExample(t *testing.T, lang string) (*view, *session.Session, *store.Store, fyne.Window) {
	t.Helper()
	s, st, w := uitest.OpenSession(t, lang, true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	return v, s, st, w
}

// storedActions flushes the session and reads back the plan it saved.
func storedActions(t *testing.T, s *session.Session, st *store.Store) []app.Action {
	t.Helper()
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	as, err := st.Assessments(context.Background(), s.CompanyID())
	if err != nil {
		t.Fatal(err)
	}
	return as[len(as)-1].Actions
}

func find(actions []app.Action, source string) *app.Action {
	for i := range actions {
		if actions[i].Source == source {
			return &actions[i]
		}
	}
	return nil
}

func TestActionsAcceptingASuggestionPutsItInThePlanWithItsTitle(t *testing.T) {
	v, s, st, _ := onExample(t, "sv")
	if len(v.suggested) < 3 || len(v.accepts) != len(v.suggested) {
		t.Fatalf("%d suggestions with %d buttons", len(v.suggested), len(v.accepts))
	}
	first := v.suggested[0]
	before := len(v.rows)
	test.Tap(v.accepts[0])
	if len(v.rows) != before+1 {
		t.Fatalf("the plan has %d rows after accepting, had %d", len(v.rows), before)
	}
	want := s.Loc.T(ref.RecommendationTitle(first.Source))
	if got := v.rows[len(v.rows)-1].title; got != want || want == "" {
		t.Errorf("the new row is titled %q, want %q", got, want)
	}
	if find(v.suggested, first.Source) != nil {
		t.Error("an accepted action is still suggested")
	}
	saved := find(storedActions(t, s, st), first.Source)
	if saved == nil || saved.Title != want || saved.Status != app.ActionOpen || saved.Due != first.Due {
		t.Fatalf("stored %+v", saved)
	}
}

func TestActionsDismissingHidesASuggestionUntilRestored(t *testing.T) {
	v, s, st, _ := onExample(t, "sv")
	gone := v.suggested[1]
	dismissedBefore := len(v.restores)
	rowsBefore := len(v.rows)
	test.Tap(v.dismisses[1])
	if find(v.suggested, gone.Source) != nil {
		t.Fatal("a dismissed action is still suggested")
	}
	if len(v.rows) != rowsBefore || len(v.restores) != dismissedBefore+1 {
		t.Fatalf("rows %d (was %d), dismissed %d (was %d)", len(v.rows), rowsBefore, len(v.restores), dismissedBefore)
	}
	if !strings.Contains(v.accordion.Items[1].Title, "(2)") {
		t.Errorf("dismissed list titled %q", v.accordion.Items[1].Title)
	}
	saved := find(storedActions(t, s, st), gone.Source)
	if saved == nil || saved.Status != app.ActionDismissed || saved.Title == "" {
		t.Fatalf("stored %+v", saved)
	}
	test.Tap(v.restores[len(v.restores)-1])
	if len(v.rows) != rowsBefore+1 || find(storedActions(t, s, st), gone.Source).Status != app.ActionOpen {
		t.Error("restoring did not put the action back in the plan")
	}
}

func TestActionsOwnerAndDueAreSavedAndABadDateIsNot(t *testing.T) {
	v, s, st, _ := onExample(t, "sv")
	r := v.rows[0]
	r.owner.SetText("Anna Berg")
	r.due.SetText("2027-03-31")
	got := storedActions(t, s, st)[r.index]
	if got.Owner != "Anna Berg" || got.Due != "2027-03-31" {
		t.Fatalf("stored owner %q due %q", got.Owner, got.Due)
	}
	r.due.SetText("31/12")
	if r.due.Text != "31/12" || !r.problem.Visible() || r.problem.Text != "Skriv datumet som ÅÅÅÅ-MM-DD." {
		t.Errorf("entry %q, problem shown %v: %q", r.due.Text, r.problem.Visible(), r.problem.Text)
	}
	if got := storedActions(t, s, st)[r.index]; got.Due != "2027-03-31" {
		t.Errorf("an invalid date replaced the stored one: %q", got.Due)
	}
	r.due.SetText("")
	if r.problem.Visible() || storedActions(t, s, st)[r.index].Due != "" {
		t.Error("clearing the date should be allowed and saved")
	}
	r.status.SetSelectedIndex(2)
	r.priority.SetSelectedIndex(2)
	if got := storedActions(t, s, st)[r.index]; got.Status != app.ActionDone || got.Priority != app.PriorityLow {
		t.Errorf("stored status %q priority %q", got.Status, got.Priority)
	}
}

func TestActionsMoveDownReordersTheStoredPlan(t *testing.T) {
	v, s, st, _ := onExample(t, "sv")
	first, second := v.rows[0].title, v.rows[1].title
	if !v.rows[0].up.Disabled() || !v.rows[len(v.rows)-1].down.Disabled() {
		t.Error("the first row can move up or the last down")
	}
	test.Tap(v.rows[0].down)
	if v.rows[0].title != second || v.rows[1].title != first {
		t.Fatalf("rows after moving down: %q, %q", v.rows[0].title, v.rows[1].title)
	}
	saved := storedActions(t, s, st)
	if saved[0].Title != second || saved[1].Title != first {
		t.Errorf("stored order %q, %q", saved[0].Title, saved[1].Title)
	}
	test.Tap(v.rows[1].up)
	if storedActions(t, s, st)[0].Title != first {
		t.Error("moving back up did not restore the order")
	}
}

func TestActionsCustomActionNeedsATitle(t *testing.T) {
	v, s, st, _ := onExample(t, "sv")
	before := len(v.rows)
	v.AskNew()
	v.form.dialog.Submit()
	if len(v.rows) != before {
		t.Fatal("an action without a title was added")
	}
	v.form.title.SetText("Besök Formex i Stockholm")
	v.form.description.SetText("Boka möten med två återförsäljare.")
	v.form.dimension.SetSelectedIndex(3) // M
	v.form.dialog.Submit()
	if len(v.rows) != before+1 || v.rows[before].title != "Besök Formex i Stockholm" {
		t.Fatalf("%d rows after adding", len(v.rows))
	}
	saved := storedActions(t, s, st)
	got := saved[len(saved)-1]
	if got.Source != app.SourceCustom || got.Dimension != ref.Market || got.Status != app.ActionOpen || got.Description == "" {
		t.Errorf("stored %+v", got)
	}
	v.AskEdit(v.rows[before].index)
	v.form.title.SetText("Besök Formex")
	v.form.dialog.Submit()
	if saved := storedActions(t, s, st); saved[len(saved)-1].Title != "Besök Formex" {
		t.Errorf("edited title stored as %q", saved[len(saved)-1].Title)
	}
}

func TestActionsRemoveAsksNamingTheAction(t *testing.T) {
	v, s, st, w := onExample(t, "sv")
	before := len(v.rows)
	title := v.rows[0].title
	v.AskRemove(v.rows[0].index)
	if !strings.Contains(dialogText(w), title) {
		t.Errorf("the confirmation does not name %q", title)
	}
	v.confirm.Confirm()
	if len(v.rows) != before-1 || v.rows[0].title == title {
		t.Fatal("the action was not removed")
	}
	for _, a := range storedActions(t, s, st) {
		if a.Title == title {
			t.Error("the removed action is still stored")
		}
	}
}

func dialogText(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		for _, l := range test.LaidOutObjects(o) {
			if l, ok := l.(*widget.Label); ok {
				b.WriteString(l.Text)
			}
		}
	}
	return b.String()
}

func TestActionsProgressCountsActionsWithOwnerAndDate(t *testing.T) {
	v, s, _, _ := onExample(t, "sv")
	done, total := progress(s)
	if total != len(v.rows) || done != total {
		t.Errorf("example plan: %d/%d with %d rows", done, total, len(v.rows))
	}
	v.rows[0].owner.SetText("")
	if d, _ := progress(s); d != done-1 {
		t.Errorf("an action without owner still counts: %d", d)
	}
	empty, _, _ := uitest.OpenSession(t, "sv", false, "Tomt AB")
	if d, tot := progress(empty); d != 0 || tot != 1 {
		t.Errorf("empty plan: %d/%d", d, tot)
	}
}

func TestActionsMarkup(t *testing.T) {
	_, _, _, w := onExample(t, "sv")
	test.AssertRendersToMarkup(t, "actions.xml", w.Canvas())
}
