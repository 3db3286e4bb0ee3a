package profile

import (
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
)

// onSession shows the profile step of company name in a test window.
func onSession(t *testing.T, lang string, examples bool, name string) (*View, *session.Session, *store.Store, fyne.Window) {
	t.Helper()
	s, st, w := uitest.OpenSession(t, lang, examples, name)
	v := Step().Build(s).(*View)
	w.SetContent(v.Content())
	return v, s, st, w
}

func TestProfileKeepsAnInvalidOrgNrOutOfTheDatabase(t *testing.T) {
	s, st, w := uitest.OpenSession(t, "sv", false, "Orgnummer AB")
	s.EditCompany(func(c *app.Company) { c.OrgNr = "556012-5790" })
	v := Step().Build(s).(*View)
	w.SetContent(v.Content())
	e, note := v.Entries["org_nr"], v.Notes["org_nr"]
	if e.Text != "556012-5790" {
		t.Fatalf("org.nr field shows %q", e.Text)
	}
	e.CursorColumn = len(e.Text) // as after a click at the end
	test.Type(e, "7")
	if note.Text != "10 siffror, t.ex. 556677-8899." {
		t.Errorf("while typing the note says %q, want the hint", note.Text)
	}
	e.FocusLost()
	want := "Skriv organisationsnumret med 10 siffror, t.ex. 556677-8899."
	if note.Text != want || e.Validate() == nil || e.Validate().Error() != want {
		t.Errorf("after leaving the field the note says %q, validate %v", note.Text, e.Validate())
	}
	if e.Text != "556012-57907" {
		t.Errorf("the invalid text was not kept: %q", e.Text)
	}
	e.SetText("556036-0794")
	if note.Text != "Organisationsnumret finns inte – kontrollera siffrorna (den sista är en kontrollsiffra)." {
		t.Errorf("wrong check digit: note %q", note.Text)
	}
	if got := uitest.StoredCompany(t, s, st).OrgNr; got != "556012-5790" {
		t.Fatalf("stored org.nr %q after invalid input, want the old one", got)
	}
	e.SetText("5560360793")
	if note.Text != "10 siffror, t.ex. 556677-8899." || e.Validate() != nil {
		t.Errorf("a valid org.nr still shows %q", note.Text)
	}
	if got := uitest.StoredCompany(t, s, st).OrgNr; got != "556036-0793" {
		t.Errorf("stored org.nr %q, want it normalized to 556036-0793", got)
	}
}

func TestProfileRejectsEmployeesThatAreNotANumber(t *testing.T) {
	v, s, st, _ := onSession(t, "en", false, "Count Ltd")
	e := v.Entries["employees"]
	test.Type(e, "abc")
	e.FocusLost()
	if e.Validate() == nil || v.Notes["employees"].Text != "Write a number." {
		t.Errorf("employees abc: validate %v, note %q", e.Validate(), v.Notes["employees"].Text)
	}
	if c := uitest.StoredCompany(t, s, st); c.Employees != nil {
		t.Fatalf("abc stored as %d employees", *c.Employees)
	}
	e.SetText("1 200")
	if c := uitest.StoredCompany(t, s, st); c.Employees == nil || *c.Employees != 1200 {
		t.Errorf("1 200 employees stored as %v", c.Employees)
	}
	e.SetText("")
	if c := uitest.StoredCompany(t, s, st); c.Employees != nil {
		t.Errorf("an emptied field keeps %d employees", *c.Employees)
	}
}

func TestProfileStoresChoicesChecksAndNumbers(t *testing.T) {
	v, s, st, _ := onSession(t, "sv", false, "Val AB")
	sector := v.selects["sector"]
	sector.SetSelected("IT och telekom")
	v.selects["export_stage"].SetSelectedIndex(3) // the third stage, after "not set"
	v.checks["imports"].SetChecked(true)
	v.checks["experience.worked_abroad"].SetChecked(true)
	v.Entries["turnover_sek"].SetText("12 500 000")
	v.Entries["export_share"].SetText("12,5 %")
	v.Entries["website"].SetText("valab.se")
	v.Entries["name"].SetText("   ")
	v.languages.Add("de")
	c := uitest.StoredCompany(t, s, st)
	if c.Sector != "ict" || c.ExportStage != "trial" || !c.Imports || !c.Experience.WorkedAbroad {
		t.Errorf("stored sector %q, stage %q, imports %v, worked abroad %v", c.Sector, c.ExportStage, c.Imports, c.Experience.WorkedAbroad)
	}
	if c.TurnoverSEK == nil || *c.TurnoverSEK != 12_500_000 || c.ExportShare == nil || *c.ExportShare != 12.5 {
		t.Errorf("stored turnover %v, export share %v", c.TurnoverSEK, c.ExportShare)
	}
	if c.Website != "https://valab.se" || c.Name != "Val AB" || !slices.Equal(c.Experience.Languages, []string{"de"}) {
		t.Errorf("stored website %q, name %q, languages %v", c.Website, c.Name, c.Experience.Languages)
	}
	sector.SetSelectedIndex(0)
	if c := uitest.StoredCompany(t, s, st); c.Sector != "" {
		t.Errorf("choosing “not set” keeps sector %q", c.Sector)
	}
}

func TestProfileShowsTheStoredCompanyAndCountsKeyFields(t *testing.T) {
	v, s, _, _ := onSession(t, "sv", true, uitest.ExampleCompany)
	c := s.Company()
	if v.Entries["name"].Text != c.Name || v.Entries["address.city"].Text != c.Address.City {
		t.Errorf("fields show %q, %q", v.Entries["name"].Text, v.Entries["address.city"].Text)
	}
	for field, e := range v.Entries {
		if err := e.Validate(); err != nil {
			t.Errorf("stored %s %q is shown as invalid: %v", field, e.Text, err)
		}
	}
	done, total := progress(s)
	if _, want := app.ProfileProgress(&app.Company{}); total != want || done == 0 {
		t.Errorf("progress %d/%d for the example company", done, total)
	}
	s2, _, _ := uitest.OpenSession(t, "sv", false, "Tomt AB")
	if done, _ := progress(s2); done != 1 {
		t.Errorf("a company with only a name has %d key fields filled", done)
	}
}

func TestProfileMarkup(t *testing.T) {
	_, _, _, w := onSession(t, "sv", true, uitest.ExampleCompany)
	test.AssertRendersToMarkup(t, "profile.xml", w.Canvas())
}
