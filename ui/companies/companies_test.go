package companies

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/clientbook"
)

// onStore opens a real store in a temp folder and the screen over
// it, with database work done at once so the test can look right after.
func onStore(t *testing.T, lang string) (*Screen, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := test.NewTempWindow(t, nil)
	scr := newScreenSync(t, w, s, lang)
	w.SetContent(scr.Content())
	w.Resize(fyne.NewSize(900, 600))
	return scr, s, w
}

// newScreenSync is the screen over st with uitest's deps: its database
// work is done at once.
func newScreenSync(t *testing.T, w fyne.Window, st *store.Store, lang string) *Screen {
	t.Helper()
	deps := uitest.Deps(t)
	scr := NewScreen(w, deps, st, clientbook.New(deps, st, ref.MustLoad()), locales.MustNew(lang))
	scr.OnError = func(err error) { panic(err) }
	scr.Reload()
	return scr
}

func TestAnEmptyListOffersTheExampleCompanies(t *testing.T) {
	scr, _, _ := onStore(t, "sv")
	if scr.body.Objects[0] != scr.empty {
		t.Fatal("an empty database does not show the empty state")
	}
	scr.LoadExamples()
	if n := len(scr.Rows()); n != 3 {
		t.Fatalf("%d companies after loading the examples", n)
	}
	if scr.body.Objects[0] != scr.table.w || scr.status.Text != "3 företag" {
		t.Errorf("table shown %v, status %q", scr.body.Objects[0] == scr.table.w, scr.status.Text)
	}
	scr.LoadExamples()
	if n := len(scr.Rows()); n != 3 {
		t.Errorf("loading twice gives %d companies", n)
	}
}

func TestSearchFiltersAsYouType(t *testing.T) {
	scr, _, _ := onStore(t, "sv")
	scr.LoadExamples()
	test.Type(scr.Search(), "pasta")
	if rows := scr.Rows(); len(rows) != 1 || !strings.HasPrefix(rows[0].Name, "Möllevångens") {
		t.Fatalf("search pasta: %+v", rows)
	}
	want := "Möllevångens Pastafabrik AB | Malmö | Färsk pasta, såser och färdigrätter samt tre egna pastabarer i Malmö och Lund | " +
		"Litet företag | Utvärdering | 10 nov. 2026 | 64 | 50 | 59 | 68 | O · 25 | 10 maj 2027 | 3 | 1 | 91\u00a0%"
	if got := cellTexts(scr, 0); got != want {
		t.Errorf("row shows %q", got)
	}
	scr.Search().SetText("zzzz")
	if len(scr.Rows()) != 0 || scr.status.Text != "0 av 3 företag" || scr.body.Objects[0] != scr.noMatch {
		t.Errorf("no match: %d rows, status %q", len(scr.Rows()), scr.status.Text)
	}
}

func TestNewCompanyIsStoredAndOpened(t *testing.T) {
	scr, s, _ := onStore(t, "en")
	var opened app.CompanyID
	scr.OnOpen = func(id app.CompanyID) { opened = id }
	scr.Create("Nystartade Exportören AB")
	c, err := s.Company(context.Background(), opened)
	if err != nil || c.Name != "Nystartade Exportören AB" {
		t.Fatalf("opened %d: %v %+v", opened, err, c)
	}
	if len(scr.Rows()) != 1 || scr.status.Text != "One company" {
		t.Errorf("rows %d, status %q", len(scr.Rows()), scr.status.Text)
	}
}

func TestDuplicateCopiesTheProfileWithoutOrgNr(t *testing.T) {
	scr, s, _ := onStore(t, "sv")
	scr.LoadExamples()
	scr.Search().SetText("Älvsense")
	scr.Select(0)
	scr.DuplicateSelected()
	scr.Search().SetText("kopia")
	rows := scr.Rows()
	if len(rows) != 1 || rows[0].Name != "Älvsense Medical AB (kopia)" || rows[0].OrgNr != "" {
		t.Fatalf("copy: %+v", rows)
	}
	c, _ := s.Company(context.Background(), rows[0].ID)
	if c.Address.City != "Göteborg" || c.Industry == "" {
		t.Errorf("the copy lost its profile: %+v", c.Company)
	}
}

func TestDeleteErasesTheCompany(t *testing.T) {
	scr, s, _ := onStore(t, "sv")
	scr.LoadExamples()
	victim := scr.Rows()[0]
	scr.Delete(victim.ID, app.EraseKeepBackups)
	if len(scr.Rows()) != 2 {
		t.Fatalf("%d companies after delete", len(scr.Rows()))
	}
	if _, err := s.Company(context.Background(), victim.ID); err == nil {
		t.Error("the company is still stored")
	}
}

func TestDeleteAsksNamingTheCompany(t *testing.T) {
	scr, _, w := onStore(t, "sv")
	scr.LoadExamples()
	scr.Select(0)
	scr.AskDelete()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no confirmation shown")
	}
	if !uitest.ContainsText(overlay, scr.Rows()[0].Name) || !uitest.ContainsText(overlay, "säkerhetskopia") {
		t.Error("the confirmation does not name the company and the backup")
	}
}

// cellTexts is what the table shows in the row at position i, the texts of
// its cells joined by " | " (a score cell shows its number).
func cellTexts(scr *Screen, i int) string {
	var parts []string
	for col := range scr.table.cols {
		c := newCell(scr.table)
		scr.table.update(widget.TableCellID{Row: i, Col: col}, c)
		if c.isBar {
			parts = append(parts, c.score.number.Text)
		} else {
			parts = append(parts, c.label.Text)
		}
	}
	return strings.Join(parts, " | ")
}

// A tap on a heading sorts by that column, a second tap the other way,
// and the sorted heading carries the arrow.
func TestTappingAHeadingSortsByItsColumn(t *testing.T) {
	scr, _, _ := onStore(t, "en")
	scr.LoadExamples()
	names := func() []string {
		var out []string
		for _, r := range scr.Rows() {
			out = append(out, r.Name)
		}
		return out
	}
	heading := func(col int) *widget.Button {
		b := scr.table.w.CreateHeader().(*widget.Button)
		scr.table.updateHeader(widget.TableCellID{Row: -1, Col: col}, b)
		return b
	}
	test.Tap(heading(0))
	want := []string{"Älvsense Medical AB", "Holavedens Möbelsnickeri AB", "Möllevångens Pastafabrik AB"} // en: Ä with the A's
	if got := names(); !slices.Equal(got, want) {
		t.Fatalf("by name: %v, want %v", got, want)
	}
	if b := heading(0); b.Text != "Company ▲" {
		t.Errorf("sorted heading %q", b.Text)
	}
	test.Tap(heading(0))
	slices.Reverse(want)
	if got := names(); !slices.Equal(got, want) {
		t.Errorf("by name, descending: %v, want %v", got, want)
	}
	pCol := slices.IndexFunc(scr.table.cols, func(c column) bool { return c.sort == portfolio.ColScoreP })
	test.Tap(heading(pCol))
	rows := scr.Rows()
	for i := 1; i < len(rows); i++ {
		a, _ := rows[i-1].Score(ref.Personal)
		b, _ := rows[i].Score(ref.Personal)
		if a < b {
			t.Errorf("by P, largest first: %v before %v", a, b)
		}
	}
	if b := heading(0); b.Text != "Company" {
		t.Errorf("the name heading keeps its arrow after sorting by P: %q", b.Text)
	}
}

// The filters narrow the table together with the search; a filter that
// matches nothing says so and offers to clear, which brings every company back.
func TestFiltersNarrowTheTableWithTheSearch(t *testing.T) {
	scr, _, _ := onStore(t, "sv")
	scr.LoadExamples()
	f := scr.filters
	f.stage.sel.SetSelectedIndex(1 + slices.Index(ref.ExportStages, "evaluation"))
	if rows := scr.Rows(); len(rows) != 1 || rows[0].Stage != "evaluation" || scr.status.Text != "1 av 3 företag" {
		t.Fatalf("stage evaluation: %d rows, status %q", len(rows), scr.status.Text)
	}
	if f.clear.Disabled() {
		t.Error("the clear button is off while a filter is on")
	}
	test.Type(scr.Search(), "älv")
	if len(scr.Rows()) != 0 || scr.body.Objects[0] != scr.noMatch {
		t.Fatalf("stage evaluation and search älv: %d rows, no-match shown %v", len(scr.Rows()), scr.body.Objects[0] == scr.noMatch)
	}
	scr.clearAll()
	if len(scr.Rows()) != 3 || scr.Search().Text != "" || f.stage.value() != "" || !f.clear.Disabled() {
		t.Errorf("after clearing: %d rows, search %q, stage %q", len(scr.Rows()), scr.Search().Text, f.stage.value())
	}
	test.Tap(f.overdue)
	for _, r := range scr.Rows() {
		if r.OverdueActions == 0 {
			t.Errorf("%s has no overdue action but passes the filter", r.Name)
		}
	}
	if len(scr.Rows()) == 0 || len(scr.Rows()) == 3 {
		t.Errorf("overdue actions: %d of 3 rows; the examples have some with and some without", len(scr.Rows()))
	}
}

// An overdue review is written with the word, in the warning colour.
func TestAnOverdueReviewSaysSoInWords(t *testing.T) {
	scr, st, _ := onStore(t, "sv")
	scr.LoadExamples()
	ctx := context.Background()
	id := scr.Rows()[0].ID
	history, err := st.Assessments(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	latest := history[len(history)-1]
	latest.Assessment.NextReview = "2026-01-15"
	if err := st.UpdateAssessment(ctx, latest.ID, &latest.Assessment); err != nil {
		t.Fatal(err)
	}
	scr.Reload()
	at := slices.IndexFunc(scr.Rows(), func(r portfolio.Row) bool { return r.ID == id })
	col := slices.IndexFunc(scr.table.cols, func(c column) bool { return c.sort == portfolio.ColNextReview })
	c := newCell(scr.table)
	scr.table.update(widget.TableCellID{Row: at, Col: col}, c)
	if c.label.Text != "15 jan. 2026 · försenad" || c.label.Importance != widget.WarningImportance {
		t.Errorf("overdue review shows %q with importance %v", c.label.Text, c.label.Importance)
	}
}

// From the keyboard: Tab reaches the table, the arrows move, Enter opens
// the company under the cursor.
func TestEnterOpensTheCompanyUnderTheKeyboardCursor(t *testing.T) {
	scr, _, w := onStore(t, "sv")
	scr.LoadExamples()
	var opened app.CompanyID
	scr.OnOpen = func(id app.CompanyID) { opened = id }
	w.Canvas().Focus(scr.table.w)
	scr.table.w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	scr.table.w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := scr.Rows()[1].ID; opened != want || scr.selected != 1 {
		t.Errorf("Enter on the second row opened %d (selected %d), want %d", opened, scr.selected, want)
	}
}
