package app_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

func TestPlanLanguageTakesTheChosenThenTheSavedThenTheFallback(t *testing.T) {
	svOnly := func(lang string) bool { return lang == "sv" }
	cases := []struct {
		name                    string
		chosen, saved, fallback string
		supported               func(string) bool
		want                    string
	}{
		{"chosen wins", "en", "sv", "sv", locales.Supported, "en"},
		{"chosen unsupported, saved", "de", "sv", "en", locales.Supported, "sv"},
		{"nothing chosen, saved", "", "en", "sv", locales.Supported, "en"},
		{"saved unsupported, fallback", "", "fi", "sv", locales.Supported, "sv"},
		{"both unsupported, fallback", "de", "fi", "en", locales.Supported, "en"},
		{"nothing at all, fallback", "", "", "en", locales.Supported, "en"},
		{"fallback as given", "", "", "xx", locales.Supported, "xx"},
		{"a narrower rule", "en", "en", "sv", svOnly, "sv"},
		{"nil accepts any chosen", "de", "sv", "en", nil, "de"},
		{"nil still skips empty", "", "", "en", nil, "en"},
	}
	for _, c := range cases {
		if got := app.PlanLanguage(c.chosen, c.saved, c.fallback, c.supported); got != c.want {
			t.Errorf("%s: PlanLanguage(%q, %q, %q) = %q, want %q", c.name, c.chosen, c.saved, c.fallback, got, c.want)
		}
	}
}

func TestSelectAssessmentPicksTheDateAndTheOneBeforeIt(t *testing.T) {
	as := []app.Assessment{
		{Date: "2025-03-01", Notes: "spring"},
		{Date: "2024-01-10", Notes: "first"},
		{Date: "2025-09-30", Notes: "autumn"},
		{Date: "2025-03-01", Notes: "spring again"},
	}
	cases := []struct {
		date, want, previous string
	}{
		{"", "autumn", "spring again"},
		{"2024-01-10", "first", ""},
		{"2025-03-01", "spring", "first"},
		{"2025-09-30", "autumn", "spring again"},
	}
	for _, c := range cases {
		cur, prev, err := app.SelectAssessment(as, c.date)
		if err != nil {
			t.Fatalf("%q: %v", c.date, err)
		}
		got := ""
		if prev != nil {
			got = prev.Notes
		}
		if cur.Notes != c.want || got != c.previous {
			t.Errorf("%q: got %q after %q, want %q after %q", c.date, cur.Notes, got, c.want, c.previous)
		}
	}
	for _, c := range []struct {
		as   []app.Assessment
		date string
	}{{as, "1999-01-01"}, {nil, ""}, {nil, "2025-03-01"}} {
		_, _, err := app.SelectAssessment(c.as, c.date)
		var none *app.NoAssessmentError
		if !errors.As(err, &none) || none.Date != c.date || !errors.Is(err, app.ErrNotFound) {
			t.Errorf("%d assessments, date %q: %v, want a NoAssessmentError wrapping ErrNotFound", len(c.as), c.date, err)
		}
	}
}

// planStore is a store in a temporary folder with the example companies, an
// organisation's branding, own actor and saved report language, and a logo
// on the first company; it returns the first company's id and assessments.
func planStore(t *testing.T) (*store.Store, app.CompanyID, []app.StoredAssessment) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	loaded, err := demo.Load(ctx, s, ref.MustLoad(), time.Now())
	if err != nil || len(loaded) == 0 {
		t.Fatalf("load the examples: %v (%d)", err, len(loaded))
	}
	id := loaded[0].ID
	st := &app.Settings{
		Branding:       app.Branding{Organisation: "Exportkontoret Syd", PrimaryColor: "#7a1f3d", AdvisorName: "Per Holm"},
		ReportLanguage: "en", PaperSize: "letter",
	}
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	own := &app.CustomActor{
		Actor: ref.Actor{ID: "org_almi_jonkoping", URL: "https://www.almi.se/jonkoping", Tags: []string{"advice"}},
		Names: map[string]string{"sv": "Almi Jönköping – rådgivning", "en": "Almi Jönköping – advice"},
	}
	if err := s.SaveCustomActor(ctx, own); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLogo(ctx, id, testPNG); err != nil {
		t.Fatal(err)
	}
	as, err := s.Assessments(ctx, id)
	if err != nil || len(as) < 2 {
		t.Fatalf("the first example needs two assessments: %v (%d)", err, len(as))
	}
	return s, id, as
}

// testPNG is a 1×1 PNG.
var testPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

func TestMakePlanReadsTheCompanysPlanFromTheStore(t *testing.T) {
	s, id, as := planStore(t)
	ctx := context.Background()
	latest, before := as[len(as)-1], as[len(as)-2]
	p, err := app.MakePlan(ctx, s, app.PlanRequest{Company: id, Fallback: "sv", Supported: locales.Supported})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Company(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.Company.Name != c.Name || p.Company.OrgNr != c.OrgNr {
		t.Errorf("company %q (%s), want %q (%s)", p.Company.Name, p.Company.OrgNr, c.Name, c.OrgNr)
	}
	if p.Assessment.Date != latest.Date || p.Previous == nil || p.Previous.Date != before.Date {
		t.Errorf("assessment %q after %v, want %q after %q", p.Assessment.Date, p.Previous, latest.Date, before.Date)
	}
	if p.Language != "en" {
		t.Errorf("language %q, want the saved report language en", p.Language)
	}
	if got := p.Texts[ref.ActorName("org_almi_jonkoping")]; got != "Almi Jönköping – advice" {
		t.Errorf("own actor's name %q, want the English one", got)
	}
	if p.Ref == nil || p.Ref.Actor("org_almi_jonkoping") == nil {
		t.Error("the reference data lacks the organisation's own actor")
	}
	if p.Branding.Organisation != "Exportkontoret Syd" || p.Branding.AdvisorName != "Per Holm" || p.Paper != "letter" {
		t.Errorf("branding %+v, paper %q", p.Branding, p.Paper)
	}
	if !bytes.Equal(p.ClientLogo, testPNG) {
		t.Errorf("client logo %d bytes, want the stored %d", len(p.ClientLogo), len(testPNG))
	}

	// The chosen language and an earlier assessment, by date.
	p, err = app.MakePlan(ctx, s, app.PlanRequest{Company: id, Date: before.Date, Language: "sv", Fallback: "en", Supported: locales.Supported})
	if err != nil {
		t.Fatal(err)
	}
	if p.Language != "sv" || p.Texts[ref.ActorName("org_almi_jonkoping")] != "Almi Jönköping – rådgivning" {
		t.Errorf("language %q, own actor %q; want Swedish", p.Language, p.Texts[ref.ActorName("org_almi_jonkoping")])
	}
	if p.Assessment.Date != before.Date || (len(as) == 2 && p.Previous != nil) {
		t.Errorf("assessment %q after %v, want %q", p.Assessment.Date, p.Previous, before.Date)
	}
}

func TestMakePlanPicksTheStoredAssessmentByID(t *testing.T) {
	s, id, as := planStore(t)
	ctx := context.Background()
	latest := as[len(as)-1]
	// A second assessment on the latest date: by date the first of the two
	// is found, by id the one asked for.
	twin := latest.Assessment
	twin.Notes = "the same day, later"
	twinID, err := s.SaveAssessment(ctx, id, &twin)
	if err != nil {
		t.Fatal(err)
	}
	p, err := app.MakePlan(ctx, s, app.PlanRequest{Company: id, Assessment: twinID})
	if err != nil {
		t.Fatal(err)
	}
	if p.Assessment.Notes != twin.Notes || p.Previous == nil || p.Previous.Notes != latest.Notes {
		t.Errorf("assessment %q after %v, want the twin after the latest", p.Assessment.Notes, p.Previous)
	}
	p, err = app.MakePlan(ctx, s, app.PlanRequest{Company: id, Date: latest.Date})
	if err != nil {
		t.Fatal(err)
	}
	if p.Assessment.Notes != latest.Notes {
		t.Errorf("by date: notes %q, want the first of the day %q", p.Assessment.Notes, latest.Notes)
	}
	if p.Language != "en" {
		t.Errorf("no chosen language, no fallback: %q, want the saved en", p.Language)
	}
}

func TestMakePlanSaysWhatIsMissing(t *testing.T) {
	s, id, _ := planStore(t)
	ctx := context.Background()
	c, err := s.Company(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	empty, err := s.CreateCompany(ctx, &app.Company{Name: "Tom Start AB"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		req     app.PlanRequest
		company string
		date    string
		id      app.AssessmentID
	}{
		{"no assessment that day", app.PlanRequest{Company: id, Date: "1999-01-01"}, c.Name, "1999-01-01", 0},
		{"no such assessment", app.PlanRequest{Company: id, Assessment: 9999}, c.Name, "", 9999},
		{"no assessment at all", app.PlanRequest{Company: empty}, "Tom Start AB", "", 0},
	}
	for _, tc := range cases {
		_, err := app.MakePlan(ctx, s, tc.req)
		var none *app.NoAssessmentError
		if !errors.As(err, &none) || none.Company != tc.company || none.Date != tc.date || none.ID != tc.id {
			t.Errorf("%s: %v, want a NoAssessmentError for %q", tc.name, err, tc.company)
		}
	}
	_, err = app.MakePlan(ctx, s, app.PlanRequest{Company: 4711})
	var none *app.NoAssessmentError
	if !errors.Is(err, app.ErrNotFound) || errors.As(err, &none) {
		t.Errorf("unknown company: %v, want ErrNotFound", err)
	}
}

// failingSource is a PlanSource whose settings or logo cannot be read.
type failingSource struct {
	*store.Store
	settings, logo error
}

func (f failingSource) Settings(ctx context.Context) (*app.Settings, error) {
	if f.settings != nil {
		return nil, f.settings
	}
	return f.Store.Settings(ctx)
}

func (f failingSource) Logo(ctx context.Context, id app.CompanyID) ([]byte, error) {
	if f.logo != nil {
		return nil, f.logo
	}
	return f.Store.Logo(ctx, id)
}

func TestMakePlanWrapsWhatStorageSaysAndDoesWithoutALogo(t *testing.T) {
	s, id, _ := planStore(t)
	ctx := context.Background()
	disk := errors.New("disk I/O error")
	for _, f := range []failingSource{{Store: s, settings: disk}, {Store: s, logo: disk}} {
		if _, err := app.MakePlan(ctx, f, app.PlanRequest{Company: id}); !errors.Is(err, disk) {
			t.Errorf("%v, want the storage error wrapped", err)
		}
	}
	p, err := app.MakePlan(ctx, failingSource{Store: s, logo: app.ErrNotFound}, app.PlanRequest{Company: id})
	if err != nil {
		t.Fatalf("a logo not found: %v, want a plan without one", err)
	}
	if p.ClientLogo != nil {
		t.Errorf("a logo not found: %d bytes, want none", len(p.ClientLogo))
	}
}
