package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// openTemp opens a store in a fresh temp folder and closes it after the test.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// demoDocument loads one of the demo companies.
func demoDocument(t *testing.T, name string) *app.Document {
	t.Helper()
	doc, err := loadDemo(name)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// loadDemo reads one of the demo companies, also in a child process.
func loadDemo(name string) (*app.Document, error) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return app.Decode(f, ref.MustLoad(), time.Now())
}

func TestNewDatabaseHasTheLatestSchemaAndReferenceData(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version != latestVersion() {
		t.Fatalf("user_version %d (%v), want %d", version, err, latestVersion())
	}
	var mode string
	s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	var fk int
	s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode %q foreign_keys %d, want wal and 1", mode, fk)
	}
	if v, err := s.ReferenceVersion(ctx); err != nil || v != ref.DataVersion {
		t.Errorf("reference version %d (%v), want %d", v, err, ref.DataVersion)
	}
	for _, p := range []string{s.Path(), s.Path() + "-wal", s.Path() + "-shm", filepath.Dir(s.Path())} {
		if runtime.GOOS == "windows" {
			break // no modes there: the profile's access list keeps the files private
		}
		want := os.FileMode(0o600)
		if p == filepath.Dir(s.Path()) {
			want = 0o700
		}
		if info, err := os.Stat(p); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", p, info.Mode().Perm(), err, want)
		}
	}
	if check, err := s.Check(ctx); err != nil || check != "ok" {
		t.Errorf("integrity_check %q %v", check, err)
	}
}

func TestCompanyCreateReadUpdate(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc := demoDocument(t, "smaland-mobler.json")
	id, err := s.CreateCompany(ctx, &doc.Company)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Company(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != doc.Company.Name || got.OrgNr != doc.Company.OrgNr || *got.Employees != *doc.Company.Employees ||
		!slices.Equal(got.TargetMarkets, doc.Company.TargetMarkets) || got.Experience.Travel != doc.Company.Experience.Travel {
		t.Errorf("read back %+v", got.Company)
	}
	got.Address.City = "Jönköping"
	if err := s.UpdateCompany(ctx, id, &got.Company); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Company(ctx, id)
	if again.Address.City != "Jönköping" || !again.Created.Equal(got.Created) || again.Updated.Before(again.Created) {
		t.Errorf("after update: city %q created %v updated %v", again.Address.City, again.Created, again.Updated)
	}
	bad := again.Company
	bad.Contact.Email = "not an address"
	if err := s.UpdateCompany(ctx, id, &bad); err == nil {
		t.Error("an invalid e-mail reached the database")
	}
	if kept, _ := s.Company(ctx, id); kept.Contact.Email != again.Contact.Email {
		t.Error("a refused update changed the stored company")
	}
	if _, err := s.Company(ctx, id+100); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("missing company: %v, want ErrNotFound", err)
	}
	if err := s.UpdateCompany(ctx, id+100, &again.Company); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("update of a missing company: %v", err)
	}
}

func TestAssessmentsWithActionsKeepTheirOrder(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc := demoDocument(t, "goteborg-medtech.json")
	cid, err := s.CreateCompany(ctx, &doc.Company)
	if err != nil {
		t.Fatal(err)
	}
	var ids []app.AssessmentID
	for i := range doc.Assessments {
		id, err := s.SaveAssessment(ctx, cid, &doc.Assessments[i])
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	list, err := s.Assessments(ctx, cid)
	if err != nil || len(list) != len(doc.Assessments) {
		t.Fatalf("%d assessments (%v)", len(list), err)
	}
	first := list[0]
	if first.Date != doc.Assessments[0].Date || len(first.Actions) != len(doc.Assessments[0].Actions) ||
		first.StatementRatings["P1"] != doc.Assessments[0].StatementRatings["P1"] {
		t.Errorf("first assessment read back differs: %+v", first.Assessment)
	}
	slices.Reverse(first.Actions)
	first.Actions = append(first.Actions, app.Action{Title: "Boka möte med Business Sweden", Status: app.ActionOpen,
		Priority: app.PriorityHigh, Source: app.SourceCustom, Actors: []string{"business_sweden"}})
	if err := s.UpdateAssessment(ctx, first.ID, &first.Assessment); err != nil {
		t.Fatal(err)
	}
	again, err := s.Assessment(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	var titles, want []string
	for _, a := range again.Actions {
		titles = append(titles, a.Title)
	}
	for _, a := range first.Actions {
		want = append(want, a.Title)
	}
	if !slices.Equal(titles, want) || !slices.Equal(again.Actions[len(want)-1].Actors, []string{"business_sweden"}) {
		t.Errorf("actions %v, want %v in that order", titles, want)
	}
	bad := again.Assessment
	bad.StatementRatings = map[string]int{"P99": 3}
	if err := s.UpdateAssessment(ctx, first.ID, &bad); err == nil {
		t.Error("an unknown statement id reached the database")
	}
	if err := s.DeleteAssessment(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Assessments(ctx, cid); len(list) != 1 {
		t.Errorf("%d assessments after delete", len(list))
	}
	if _, err := s.SaveAssessment(ctx, cid+99, &doc.Assessments[0]); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("assessment for a missing company: %v", err)
	}
}

func TestListSortsByLastChangeAndSearchesByPrefix(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	clock := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	ids := map[string]app.CompanyID{}
	for _, f := range []string{"smaland-mobler.json", "goteborg-medtech.json", "malmo-mat.json"} {
		if _, err := s.ImportDocument(ctx, demoDocument(t, f), app.ImportRefuseDuplicate); err != nil {
			t.Fatal(err)
		}
	}
	all, total, err := s.ListCompanies(ctx, app.ListQuery{})
	if err != nil || total != 3 || len(all) != 3 {
		t.Fatalf("list: %d of %d (%v)", len(all), total, err)
	}
	for _, c := range all {
		ids[c.City] = c.ID
		if c.Assessments != 2 || c.LastAssessment == "" {
			t.Errorf("%s: %d assessments, last %q", c.Name, c.Assessments, c.LastAssessment)
		}
	}
	if all[0].City != "Malmö" {
		t.Errorf("last imported should come first, got %s", all[0].Name)
	}
	for search, wantCity := range map[string]string{
		"holav": "Tranås", "Tranas": "Tranås", "malmö": "Malmö", "MALMO": "Malmö", "pasta": "Malmö",
		"559214-80": "Göteborg", "älvsen": "Göteborg",
	} {
		got, n, err := s.ListCompanies(ctx, app.ListQuery{Search: search})
		if err != nil || n != 1 || got[0].City != wantCity {
			t.Errorf("search %q: %d hits %v (%v), want %s", search, n, got, err, wantCity)
		}
	}
	for _, search := range []string{"zzz", `"*`, "AND OR NOT", "()"} {
		if got, _, err := s.ListCompanies(ctx, app.ListQuery{Search: search}); err != nil || len(got) != 0 {
			t.Errorf("search %q: %v %v, want nothing and no error", search, got, err)
		}
	}
	page, total, _ := s.ListCompanies(ctx, app.ListQuery{Offset: 1, Limit: 1})
	if total != 3 || len(page) != 1 || page[0].ID != all[1].ID {
		t.Errorf("page 2 of 1: %v of %d", page, total)
	}
	tranas, _ := s.Company(ctx, ids["Tranås"])
	if err := s.UpdateCompany(ctx, tranas.ID, &tranas.Company); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := s.ListCompanies(ctx, app.ListQuery{Limit: 1}); first[0].ID != tranas.ID {
		t.Error("a changed company should move to the top")
	}
}

func TestImportIsAllOrNothingAndHandlesDuplicates(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc := demoDocument(t, "malmo-mat.json")
	id, err := s.ImportDocument(ctx, doc, app.ImportRefuseDuplicate)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate); !errors.Is(err, app.ErrDuplicateOrgNr) {
		t.Errorf("second import: %v, want ErrDuplicateOrgNr", err)
	}
	merged, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportMerge)
	if err != nil || merged != id {
		t.Fatalf("merge into %d: %d %v", id, merged, err)
	}
	if list, _ := s.Assessments(ctx, id); len(list) != 4 {
		t.Errorf("%d assessments after merge, want 4", len(list))
	}
	copyID, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportAsNew)
	if err != nil || copyID == id {
		t.Fatalf("as new: %d %v", copyID, err)
	}
	broken := demoDocument(t, "smaland-mobler.json")
	broken.Assessments[1].StatementRatings = map[string]int{"X1": 9}
	if _, err := s.ImportDocument(ctx, broken, app.ImportRefuseDuplicate); err == nil {
		t.Fatal("a document with a bad second assessment was imported")
	}
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{Search: "Holavedens"}); n != 0 {
		t.Error("a failed import left the company behind")
	}
	exported, err := s.ExportCompany(ctx, copyID, time.Now())
	if err != nil || exported.Company.Name != doc.Company.Name || len(exported.Assessments) != 2 {
		t.Errorf("export: %v %+v", err, exported)
	}
}

func TestEraseRemovesEverythingAboutTheCompany(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id, err := s.ImportDocument(ctx, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate)
	if err != nil {
		t.Fatal(err)
	}
	keep, _ := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate)
	if err := s.SetLogo(ctx, id, []byte("\x89PNG fake")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EraseCompany(ctx, id, app.EraseKeepBackups); err != nil {
		t.Fatal(err)
	}
	if backups, _ := backups.List(backups.Dir(s.Path())); len(backups) == 0 || backups[0].Reason != "pre-erase" {
		t.Errorf("no pre-erase backup: %+v", backups)
	}
	for _, q := range []string{
		"SELECT count(*) FROM companies WHERE id = ?",
		"SELECT count(*) FROM assessments WHERE company_id = ?",
		"SELECT count(*) FROM actions WHERE assessment_id NOT IN (SELECT id FROM assessments) AND ? > 0",
		"SELECT count(*) FROM companies_fts WHERE companies_fts MATCH 'Älvsense' AND ? > 0",
	} {
		var n int
		if err := s.db.QueryRowContext(ctx, q, id).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d (%v)", q, n, err)
		}
	}
	s.Close()
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Älvsense", "559214-8067"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the erased company's %q is still in the file", secret)
		}
	}
	s2, err := Open(ctx, filepath.Dir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.Company(ctx, keep); err != nil {
		t.Errorf("the other company was lost: %v", err)
	}
	if _, err := s2.EraseCompany(ctx, id, app.EraseKeepBackups); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("erase twice: %v", err)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	empty, err := s.Settings(ctx)
	if err != nil || empty.Branding.Organisation != "" {
		t.Fatalf("new settings %+v %v", empty, err)
	}
	want := &app.Settings{UILanguage: "sv", ReportLanguage: "en", PaperSize: "a4", UsedBy: "advisor",
		Branding: app.Branding{Organisation: "Almi Jönköping", Logo: []byte{1, 2, 3}, PrimaryColor: "#1f5f8b",
			AdvisorName: "Karin Ek", AdvisorEmail: "karin.ek@example.se"}}
	if err := s.SaveSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Settings(ctx)
	if got.Branding.Organisation != "Almi Jönköping" || !slices.Equal(got.Branding.Logo, []byte{1, 2, 3}) || got.ReportLanguage != "en" {
		t.Errorf("read back %+v", got)
	}
	want.Branding.Logo = nil
	s.SaveSettings(ctx, want)
	if got, _ := s.Settings(ctx); got.Branding.Logo != nil {
		t.Error("logo not removed")
	}
}

func TestLogoAndDuplicateLookup(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc := demoDocument(t, "malmo-mat.json")
	id, err := s.CreateCompany(ctx, &doc.Company)
	if err != nil {
		t.Fatal(err)
	}
	if logo, err := s.Logo(ctx, id); err != nil || logo != nil {
		t.Errorf("new company logo %v %v, want none", logo, err)
	}
	png := []byte("\x89PNG\r\n\x1a\n...")
	if err := s.SetLogo(ctx, id, png); err != nil {
		t.Fatal(err)
	}
	if logo, _ := s.Logo(ctx, id); !bytes.Equal(logo, png) {
		t.Errorf("logo read back %q", logo)
	}
	if err := s.SetLogo(ctx, id+1, png); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("logo for a missing company: %v", err)
	}
	for in, want := range map[string]app.CompanyID{"5566523915": id, "556652-3915": id, "556036-0793": 0, "": 0, "nonsense": 0} {
		if got, err := s.DuplicateOf(ctx, in); err != nil || got != want {
			t.Errorf("DuplicateOf(%q) = %d %v, want %d", in, got, err, want)
		}
	}
}

func TestAFolderNameWithURICharactersWorks(t *testing.T) {
	name := "Kund #1? 100% klar"
	if runtime.GOOS == "windows" {
		name = "Kund #1 & 100% klar" // Windows allows no ? in a name
	}
	dir := filepath.Join(t.TempDir(), name)
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateCompany(ctx, &app.Company{Name: "Hash AB"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, datadir.DatabaseName)); err != nil {
		t.Fatalf("the database is not where it should be: %v", err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, n, _ := s.ListCompanies(ctx, app.ListQuery{}); n != 1 {
		t.Errorf("%d companies after reopening", n)
	}
}

// SaveWork writes the profile and the assessment together or not at all:
// an assessment that does not fit the reference data keeps the profile's
// change out too, and a new assessment gets its id.
func TestSaveWorkStoresTheProfileAndTheAssessmentTogether(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc := demoDocument(t, "malmo-mat.json")
	id, err := s.ImportDocument(ctx, doc, app.ImportRefuseDuplicate)
	if err != nil {
		t.Fatal(err)
	}
	c := doc.Company
	c.Notes = "Ny anteckning"
	a := doc.Assessments[0]
	aid, err := s.SaveWork(ctx, id, &c, 0, &a)
	if err != nil || aid == 0 {
		t.Fatalf("save a new assessment with the profile: %d, %v", aid, err)
	}
	bad := a
	bad.Modes = append(slices.Clone(bad.Modes), app.ModeChoice{Mode: "no-such-mode", Status: "used"})
	c.Notes = "Får inte sparas"
	if _, err := s.SaveWork(ctx, id, &c, aid, &bad); err == nil {
		t.Fatal("an assessment that does not fit was stored")
	}
	stored, err := s.Company(ctx, id)
	if err != nil || stored.Notes != "Ny anteckning" {
		t.Errorf("the profile after the refused save: %q (%v)", stored.Notes, err)
	}
	if as, _ := s.Assessments(ctx, id); len(as) != len(doc.Assessments)+1 {
		t.Errorf("%d assessments, want %d", len(as), len(doc.Assessments)+1)
	}
}
