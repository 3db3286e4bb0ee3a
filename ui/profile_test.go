package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
)

// profileOnSession shows the profile step of company name in a test window.
func profileOnSession(t *testing.T, lang string, examples bool, name string) (*profileView, *Session, *store.Store, fyne.Window) {
	t.Helper()
	s, st, w := openTestSession(t, lang, examples, name)
	v := profileStep().Build(s).(*profileView)
	w.SetContent(v.Content())
	return v, s, st, w
}

// profileStored reads the company as the database has it, after a Flush.
func profileStored(t *testing.T, s *Session, st *store.Store) app.Company {
	t.Helper()
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	c, err := st.Company(context.Background(), s.CompanyID())
	if err != nil {
		t.Fatal(err)
	}
	return c.Company
}

func TestProfileKeepsAnInvalidOrgNrOutOfTheDatabase(t *testing.T) {
	s, st, w := openTestSession(t, "sv", false, "Orgnummer AB")
	s.EditCompany(func(c *app.Company) { c.OrgNr = "556012-5790" })
	v := profileStep().Build(s).(*profileView)
	w.SetContent(v.Content())
	e, note := v.entries["org_nr"], v.notes["org_nr"]
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
	if got := profileStored(t, s, st).OrgNr; got != "556012-5790" {
		t.Fatalf("stored org.nr %q after invalid input, want the old one", got)
	}
	e.SetText("5560360793")
	if note.Text != "10 siffror, t.ex. 556677-8899." || e.Validate() != nil {
		t.Errorf("a valid org.nr still shows %q", note.Text)
	}
	if got := profileStored(t, s, st).OrgNr; got != "556036-0793" {
		t.Errorf("stored org.nr %q, want it normalized to 556036-0793", got)
	}
}

func TestProfileRejectsEmployeesThatAreNotANumber(t *testing.T) {
	v, s, st, _ := profileOnSession(t, "en", false, "Count Ltd")
	e := v.entries["employees"]
	test.Type(e, "abc")
	e.FocusLost()
	if e.Validate() == nil || v.notes["employees"].Text != "Write a number." {
		t.Errorf("employees abc: validate %v, note %q", e.Validate(), v.notes["employees"].Text)
	}
	if c := profileStored(t, s, st); c.Employees != nil {
		t.Fatalf("abc stored as %d employees", *c.Employees)
	}
	e.SetText("1 200")
	if c := profileStored(t, s, st); c.Employees == nil || *c.Employees != 1200 {
		t.Errorf("1 200 employees stored as %v", c.Employees)
	}
	e.SetText("")
	if c := profileStored(t, s, st); c.Employees != nil {
		t.Errorf("an emptied field keeps %d employees", *c.Employees)
	}
}

func TestProfileStoresChoicesChecksAndNumbers(t *testing.T) {
	v, s, st, _ := profileOnSession(t, "sv", false, "Val AB")
	sector := v.selects["sector"]
	sector.SetSelected("IT och telekom")
	v.selects["export_stage"].SetSelectedIndex(3) // the third stage, after "not set"
	v.checks["imports"].SetChecked(true)
	v.checks["experience.worked_abroad"].SetChecked(true)
	v.entries["turnover_sek"].SetText("12 500 000")
	v.entries["export_share"].SetText("12,5 %")
	v.entries["website"].SetText("valab.se")
	v.entries["name"].SetText("   ")
	v.languages.Add("de")
	c := profileStored(t, s, st)
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
	if c := profileStored(t, s, st); c.Sector != "" {
		t.Errorf("choosing “not set” keeps sector %q", c.Sector)
	}
}

func TestProfileShowsTheStoredCompanyAndCountsKeyFields(t *testing.T) {
	v, s, _, _ := profileOnSession(t, "sv", true, exampleCompany)
	c := s.Company()
	if v.entries["name"].Text != c.Name || v.entries["address.city"].Text != c.Address.City {
		t.Errorf("fields show %q, %q", v.entries["name"].Text, v.entries["address.city"].Text)
	}
	for field, e := range v.entries {
		if err := e.Validate(); err != nil {
			t.Errorf("stored %s %q is shown as invalid: %v", field, e.Text, err)
		}
	}
	done, total := profileProgress(s)
	if total != len(profileKeyFields) || done == 0 {
		t.Errorf("progress %d/%d for the example company", done, total)
	}
	s2, _, _ := openTestSession(t, "sv", false, "Tomt AB")
	if done, _ := profileProgress(s2); done != 1 {
		t.Errorf("a company with only a name has %d key fields filled", done)
	}
}

func TestProfileMarkup(t *testing.T) {
	_, _, _, w := profileOnSession(t, "sv", true, exampleCompany)
	test.AssertRendersToMarkup(t, "profile.xml", w.Canvas())
}
