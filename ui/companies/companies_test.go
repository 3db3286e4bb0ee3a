package companies

import (
	"context"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
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

// newScreenSync is the screen over repo with uitest's deps: its database
// work is done at once.
func newScreenSync(t *testing.T, w fyne.Window, repo app.Repository, lang string) *Screen {
	t.Helper()
	scr := NewScreen(w, uitest.Deps(t), repo, ref.MustLoad(), locales.MustNew(lang))
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
	if scr.body.Objects[0] != scr.list || scr.status.Text != "3 företag" {
		t.Errorf("list shown %v, status %q", scr.body.Objects[0] == scr.list, scr.status.Text)
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
	detail := scr.rowDetail(scr.Rows()[0])
	if detail != "Malmö · bedömt 10 nov. 2026 · Utvärdering" {
		t.Errorf("row detail %q", detail)
	}
	scr.Search().SetText("zzzz")
	if len(scr.Rows()) != 0 || scr.status.Text != "Inget företag matchar sökningen." || scr.body.Objects[0] != scr.list {
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
