package followup

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/uitest"
)

const (
	alvsense  = "Älvsense Medical AB"
	holaveden = "Holavedens Möbelsnickeri AB"
)

func TestListsTheWeeksAndFollowUpsOfAKnownDay(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	v := fx.view
	if got, want := v.summary.Text, "2 uppföljningar försenade eller inom 30 dagar och 11 försenade åtgärder"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	want := []string{
		"Vecka 36 · 31 aug.–6 sep. 2026", "Vecka 44 · 26 okt.–1 nov. 2026", "Vecka 47 · 16–22 nov. 2026",
		"Vecka 51 · 14–20 dec. 2026", "Vecka 53 · 28 dec. 2026–3 jan. 2027", "Vecka 4 · 25–31 jan. 2027",
		"Vecka 8 · 22–28 feb. 2027", "Vecka 11 · 15–21 mars 2027", "Vecka 13 · 29 mars–4 apr. 2027 · den här veckan",
		"Vecka 16 · 19–25 apr. 2027",
	}
	if got := headers(fx); !slices.Equal(got, want) {
		t.Errorf("weeks\n got %q\nwant %q", got, want)
	}
	if n := len(v.res.lines); n != 23 {
		t.Errorf("%d lines, want 10 weeks and 13 follow-ups", n)
	}
	if !uitest.ContainsText(fx.win.Content(), "Vecka 36 · 31 aug.–6 sep. 2026") {
		t.Error("the window does not draw the first week's header")
	}
	items := map[int][]string{
		1:  {"31 aug. 2026", alvsense, "Lista möjliga JV-partner i Tyskland och Nederländerna", "Åtgärd försenad"},
		17: {"15 mars 2027", alvsense, "Uppföljande bedömning planerad", "Uppföljning försenad"},
		22: {"20 apr. 2027", holaveden, "Uppföljande bedömning planerad", ""},
	}
	for i, want := range items {
		r := shownRow(t, fx, i)
		got := []string{r.date.Text, r.name.Text, r.what.Text, r.late.Text}
		if !slices.Equal(got, want) {
			t.Errorf("line %d shows %q, want %q", i, got, want)
		}
		if r.icon.Visible() != (want[3] != "") || !r.item.Visible() || r.header.Visible() {
			t.Errorf("line %d: icon %v, item %v, header %v", i, r.icon.Visible(), r.item.Visible(), r.header.Visible())
		}
	}
}

func TestEnglishWordsTheSameDay(t *testing.T) {
	fx := newFixture(t, "en", springDay, true)
	if got, want := fx.view.summary.Text, "2 follow-ups overdue or due within 30 days and 11 overdue actions"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	got := headers(fx)
	for i, want := range map[int]string{
		0: "Week 36 · 31 Aug – 6 Sep 2026", 4: "Week 53 · 28 Dec 2026 – 3 Jan 2027",
		8: "Week 13 · 29 Mar – 4 Apr 2027 · this week", 9: "Week 16 · 19–25 Apr 2027",
	} {
		if got[i] != want {
			t.Errorf("week %d: %q, want %q", i, got[i], want)
		}
	}
	if r := shownRow(t, fx, 17); r.what.Text != "Follow-up assessment due" || r.late.Text != "Follow-up overdue" {
		t.Errorf("review row: %q, %q", r.what.Text, r.late.Text)
	}
}

func TestOpeningARowGivesItsCompanyAndStep(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	v := fx.view
	type opened struct {
		id   app.CompanyID
		step string
	}
	var got []opened
	v.OnOpen = func(id app.CompanyID, step string) { got = append(got, opened{id, step}) }
	alv := fx.companyID(t, alvsense)

	test.DoubleTap(shownRow(t, fx, 17)) // Älvsense's review
	v.list.Select(5)                    // Älvsense's action at MEDICA
	test.Tap(v.open)
	fx.win.Canvas().Focus(v.list)
	v.list.moveCursor(0)
	v.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // a week's header: nothing to open
	fx.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	fx.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	want := []opened{{alv, portfolio.StepHistory}, {alv, portfolio.StepActions}, {alv, portfolio.StepActions}}
	if !slices.Equal(got, want) {
		t.Fatalf("opened %v, want %v", got, want)
	}
	if v.selected != 1 {
		t.Errorf("Enter opened line 1 but line %d is selected", v.selected)
	}
	test.Tap(shownRow(t, fx, 0)) // a header is not selected
	if v.selected != 1 || v.open.Disabled() {
		t.Errorf("tapping a header changed the selection to %d", v.selected)
	}
}

func TestTheListIsReachedWithTab(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	c := fx.win.Canvas()
	for range 4 {
		if c.Focused() == fyne.Focusable(fx.view.list) {
			return
		}
		c.FocusNext()
	}
	t.Errorf("Tab does not reach the list; it is on %T", c.Focused())
}

func TestStartFollowUpIsOnlyForReviews(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	v := fx.view
	var started []app.CompanyID
	v.OnStartFollowUp = func(id app.CompanyID) { started = append(started, id) }
	if !v.start.Disabled() || !v.open.Disabled() {
		t.Error("the buttons are enabled with nothing selected")
	}
	v.list.Select(1) // an action
	if !v.start.Disabled() || v.open.Disabled() {
		t.Errorf("on an action: start disabled %v, open disabled %v", v.start.Disabled(), v.open.Disabled())
	}
	test.Tap(v.start)
	v.StartSelected()
	if len(started) != 0 {
		t.Fatalf("an action started a follow-up: %v", started)
	}
	for _, i := range []int{17, 22} { // Älvsense's overdue review, Holaveden's due one
		v.list.Select(i)
		if v.start.Disabled() {
			t.Errorf("line %d is a review but the start button is disabled", i)
		}
		test.Tap(v.start)
	}
	want := []app.CompanyID{fx.companyID(t, alvsense), fx.companyID(t, holaveden)}
	if !slices.Equal(started, want) {
		t.Errorf("started %v, want %v", started, want)
	}
	v.list.Select(0) // a header
	if v.selected != -1 || !v.start.Disabled() || !v.open.Disabled() {
		t.Errorf("a header selected: %d, start disabled %v", v.selected, v.start.Disabled())
	}
}

func TestTheFilterNarrowsTheList(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	v := fx.view
	v.list.Select(22) // Holaveden's review, still listed after filtering
	v.Show(portfolio.Filter{Search: "holaveden"})
	hol := fx.companyID(t, holaveden)
	items := 0
	for _, ln := range v.res.lines {
		if ln.item != nil {
			items++
			if ln.item.Company != hol {
				t.Errorf("filtered to Holaveden, the list has %s", ln.item.CompanyName)
			}
		}
	}
	if items != 5 || v.summary.Text != "1 uppföljning försenad eller inom 30 dagar och 4 försenade åtgärder" {
		t.Errorf("%d follow-ups, summary %q", items, v.summary.Text)
	}
	if f := v.res.item(v.selected); f == nil || f.Company != hol || f.Kind != portfolio.KindReview {
		t.Errorf("the selection did not stay on Holaveden's review: %+v", f)
	}
	v.Show(portfolio.Filter{})
	if n := len(v.res.lines); n != 23 {
		t.Errorf("without the filter %d lines, want 23", n)
	}
}

func TestEmptyStatesSayWhy(t *testing.T) {
	fx := newFixture(t, "sv", springDay, false)
	v := fx.view
	assertEmpty(t, fx, "Ingen uppföljning är aktuell de närmaste 30 dagarna, och ingen åtgärd är försenad.")
	if v.summary.Text != "" || v.buttons.Visible() {
		t.Errorf("empty list: summary %q, buttons shown %v", v.summary.Text, v.buttons.Visible())
	}
	ctx := context.Background()
	if _, err := fx.st.CreateCompany(ctx, &app.Company{Name: "Tysta Bolaget AB"}); err != nil {
		t.Fatal(err)
	}
	fx.book.Load()
	v.Show(portfolio.Filter{Search: "zzz"})
	assertEmpty(t, fx, "Inget företag matchar filtret. Ändra eller rensa filtret för att se uppföljningarna.")
	v.Show(portfolio.Filter{Search: "tysta"})
	assertEmpty(t, fx, "För de valda företagen är ingen uppföljning aktuell de närmaste 30 dagarna, och ingen åtgärd är försenad.")

	// The view follows the book: examples stored and read again fill it
	// without another Show.
	v.Show(portfolio.Filter{})
	if _, err := demo.Load(ctx, fx.st, ref.MustLoad(), uitest.Today); err != nil {
		t.Fatal(err)
	}
	fx.book.Load()
	if n := len(v.res.lines); n != 23 || !v.buttons.Visible() || v.body.Objects[0] != v.list {
		t.Errorf("after the book changed: %d lines, list shown %v", n, v.body.Objects[0] == v.list)
	}
}

func assertEmpty(t *testing.T, fx *fixture, want string) {
	t.Helper()
	v := fx.view
	if len(v.res.lines) != 0 || v.body.Objects[0] == v.list || v.empty.Text != want {
		t.Errorf("%d lines, empty text %q, want %q", len(v.res.lines), v.empty.Text, want)
	}
	if !uitest.ContainsText(fx.win.Content(), want) {
		t.Errorf("the window does not show %q", want)
	}
}

// headers are the texts of the week headers, in order.
func headers(fx *fixture) []string {
	var out []string
	for _, ln := range fx.view.res.lines {
		if ln.item == nil {
			out = append(out, weekText(fx.view.loc, ln.week, fx.view.res.today))
		}
	}
	return out
}

// shownRow scrolls line i into view and returns the row the list draws it with.
func shownRow(t *testing.T, fx *fixture, i int) *row {
	t.Helper()
	fx.view.list.ScrollTo(i)
	var found *row
	uitest.Walk(fx.win.Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*row); ok && r.id == i && r.Visible() {
			found = r
		}
	})
	if found == nil {
		t.Fatalf("line %d is not drawn", i)
	}
	return found
}

func TestMessagesHaveNoGaps(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	for _, s := range uitest.AllTexts(fx.win.Content()) {
		if strings.Contains(s, "ui.followup.") || strings.Contains(s, "<no value>") {
			t.Errorf("untranslated text %q", s)
		}
	}
}
