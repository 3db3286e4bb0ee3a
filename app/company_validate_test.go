package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// testNow is the fixed "now" of the company tests.
var testNow = time.Date(2026, 6, 15, 9, 30, 0, 0, time.UTC)

func intPtr(v int) *int           { return &v }
func int64Ptr(v int64) *int64     { return &v }
func floatPtr(v float64) *float64 { return &v }

// validCompany returns a company with every field filled in and valid; org.nr
// and website are in the forms people type, not yet normalized.
func validCompany() Company {
	return Company{
		Name:  "Acme Verkstad AB",
		OrgNr: "5560360793",
		Address: Address{
			Street:     "Storgatan 1",
			PostalCode: "123 45",
			City:       "Västerås",
			County:     "U",
		},
		Sector:         "manufacturing",
		Industry:       "Precisionsmekanik",
		Maturity:       "mature",
		TechIntensity:  "low_tech",
		Employees:      intPtr(42),
		TurnoverSEK:    int64Ptr(75_000_000),
		FoundedYear:    1987,
		Website:        "www.acme.se",
		Contact:        Contact{Name: "Åsa Öberg", Role: "VD", Email: "asa.oberg@acme.se", Phone: "+46 21 123 45 67"},
		CurrentMarkets: []string{"NO", "FI"},
		TargetMarkets:  []string{"DE", "US"},
		ExportShare:    floatPtr(12.5),
		Imports:        true,
		ExportStage:    "trial",
		Orientation:    "relationship_driven",
		Experience: ManagementExperience{
			Languages:    []string{"sv", "en", "de"},
			WorkedAbroad: true,
			Travel:       TravelOccasional,
		},
		Notes:   "Första mötet.\nUppföljning i höst.\n\tPunkt",
		Created: testNow.Add(-48 * time.Hour),
		Updated: testNow,
	}
}

func TestCompanyValidateValid(t *testing.T) {
	c := validCompany()
	if err := c.Validate(testNow); err != nil {
		t.Fatalf("Validate of a valid company: %v (fields %q)", err, fieldLines(validate.FieldErrors(err)))
	}
	if c.OrgNr != "556036-0793" {
		t.Errorf("OrgNr = %q, want it normalized to %q", c.OrgNr, "556036-0793")
	}
	if c.Website != "https://www.acme.se" {
		t.Errorf("Website = %q, want %q", c.Website, "https://www.acme.se")
	}
	if c.Name != "Acme Verkstad AB" || c.Contact.Email != "asa.oberg@acme.se" || c.Address.PostalCode != "123 45" {
		t.Errorf("Validate changed fields it should leave alone: %+v", c)
	}
	// Validating again keeps the normalized values.
	if err := c.Validate(testNow); err != nil || c.OrgNr != "556036-0793" || c.Website != "https://www.acme.se" {
		t.Errorf("second Validate: %v, org.nr %q, website %q", err, c.OrgNr, c.Website)
	}
}

func TestCompanyValidateMinimal(t *testing.T) {
	c := Company{Name: "X"}
	if err := c.Validate(testNow); err != nil {
		t.Fatalf("Validate of a company with only a name: %v", err)
	}
	if c.OrgNr != "" || c.Website != "" {
		t.Errorf("empty org.nr/website became %q/%q", c.OrgNr, c.Website)
	}
	var zero Company
	err := zero.Validate(testNow)
	if got, want := fieldLines(validate.FieldErrors(err)), []string{"name: required"}; !slices.Equal(got, want) {
		t.Errorf("Validate of the zero company = %q, want %q", got, want)
	}
}

func TestCompanyValidateEveryBadField(t *testing.T) {
	c := Company{
		Name:  "   ",
		OrgNr: "556036-0794",
		Address: Address{
			Street:     strings.Repeat("s", validate.MaxShortLen+1),
			PostalCode: "1234",
			City:       "Stock\nholm",
			County:     "ZZ",
		},
		Sector:         "mining",
		Industry:       "Bad\x00industry",
		Maturity:       "ancient",
		TechIntensity:  "mid_tech",
		Employees:      intPtr(-1),
		TurnoverSEK:    int64Ptr(-5),
		FoundedYear:    1500,
		Website:        "ftp://acme.se",
		Contact:        Contact{Name: "Tab\there", Role: strings.Repeat("r", validate.MaxShortLen+1), Email: "asa@", Phone: "call me"},
		CurrentMarkets: []string{"SE", "XX"},
		TargetMarkets:  []string{"eu"},
		ExportShare:    floatPtr(120),
		ExportStage:    "hope",
		Orientation:    "random",
		Experience:     ManagementExperience{Languages: []string{"sv", "xx", "SV"}, Travel: "always"},
		Notes:          "nul\x00",
	}
	err := c.Validate(testNow)
	if err == nil {
		t.Fatal("Validate accepted a company with bad fields")
	}
	want := []string{
		"name: required",
		"org_nr: orgnr_checksum",
		"website: invalid_url",
		"address.street: too_long",
		"address.postal_code: invalid_postal_code",
		"address.city: control_characters",
		"address.county: unknown_value",
		"sector: unknown_value",
		"industry: control_characters",
		"maturity: unknown_value",
		"tech_intensity: unknown_value",
		"employees: negative",
		"turnover_sek: negative",
		"founded_year: invalid_year",
		"contact.name: control_characters",
		"contact.role: too_long",
		"contact.email: invalid_email",
		"contact.phone: invalid_phone",
		"current_markets: unknown_country",
		"target_markets: unknown_country",
		"export_share: invalid_percent",
		"export_stage: unknown_value",
		"orientation: unknown_value",
		"experience.languages: unknown_language",
		"experience.languages: unknown_language",
		"experience.travel: unknown_value",
		"notes: control_characters",
	}
	if got := fieldLines(validate.FieldErrors(err)); !slices.Equal(got, want) {
		t.Errorf("FieldErrors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c.OrgNr != "556036-0794" || c.Website != "ftp://acme.se" {
		t.Errorf("refused org.nr/website were changed to %q/%q", c.OrgNr, c.Website)
	}
	var fe *validate.FieldError
	if !errors.As(err, &fe) || fe.Field != "name" || fe.Code != validate.CodeRequired {
		t.Errorf("errors.As gives %v, want the first problem, name: required", fe)
	}
}

// Each case breaks one field of a valid company and expects exactly that
// field's error.
func TestCompanyValidateOneBadField(t *testing.T) {
	for _, c := range []struct {
		field, code string
		breakIt     func(*Company)
	}{
		{"name", validate.CodeRequired, func(c *Company) { c.Name = "" }},
		{"name", validate.CodeTooLong, func(c *Company) { c.Name = strings.Repeat("n", validate.MaxNameLen+1) }},
		{"org_nr", validate.CodeOrgNrFormat, func(c *Company) { c.OrgNr = "12345" }},
		{"org_nr", validate.CodeOrgNrCheck, func(c *Company) { c.OrgNr = "811228-9875" }},
		{"website", validate.CodeURL, func(c *Company) { c.Website = "localhost" }},
		{"address.street", validate.CodeControlChars, func(c *Company) { c.Address.Street = "a\tb" }},
		{"address.postal_code", validate.CodePostalCode, func(c *Company) { c.Address.PostalCode = "SE-12345" }},
		{"address.city", validate.CodeTooLong, func(c *Company) { c.Address.City = strings.Repeat("c", validate.MaxShortLen+1) }},
		{"address.county", validate.CodeUnknownValue, func(c *Company) { c.Address.County = "u" }},
		{"sector", validate.CodeUnknownValue, func(c *Company) { c.Sector = "Manufacturing" }},
		{"industry", validate.CodeTooLong, func(c *Company) { c.Industry = strings.Repeat("i", validate.MaxShortLen+1) }},
		{"maturity", validate.CodeUnknownValue, func(c *Company) { c.Maturity = "young" }},
		{"tech_intensity", validate.CodeUnknownValue, func(c *Company) { c.TechIntensity = "high" }},
		{"employees", validate.CodeNegative, func(c *Company) { c.Employees = intPtr(-10) }},
		{"turnover_sek", validate.CodeNegative, func(c *Company) { c.TurnoverSEK = int64Ptr(-1) }},
		{"founded_year", validate.CodeYear, func(c *Company) { c.FoundedYear = testNow.Year() + 1 }},
		{"contact.name", validate.CodeTooLong, func(c *Company) { c.Contact.Name = strings.Repeat("n", validate.MaxShortLen+1) }},
		{"contact.role", validate.CodeControlChars, func(c *Company) { c.Contact.Role = "VD\n" }},
		{"contact.email", validate.CodeEmail, func(c *Company) { c.Contact.Email = "asa.oberg@acme" }},
		{"contact.phone", validate.CodePhone, func(c *Company) { c.Contact.Phone = "123" }},
		{"current_markets", validate.CodeCountry, func(c *Company) { c.CurrentMarkets = []string{"SE", "EU"} }},
		{"target_markets", validate.CodeCountry, func(c *Company) { c.TargetMarkets = []string{"SWE"} }},
		{"export_share", validate.CodePercent, func(c *Company) { c.ExportShare = floatPtr(-1) }},
		{"export_stage", validate.CodeUnknownValue, func(c *Company) { c.ExportStage = "Trial" }},
		{"orientation", validate.CodeUnknownValue, func(c *Company) { c.Orientation = "both" }},
		{"experience.languages", validate.CodeLanguage, func(c *Company) { c.Experience.Languages = []string{"english"} }},
		{"experience.travel", validate.CodeUnknownValue, func(c *Company) { c.Experience.Travel = "weekly" }},
		{"notes", validate.CodeTooLong, func(c *Company) { c.Notes = strings.Repeat("x", validate.MaxNotesLen+1) }},
		{"notes", validate.CodeControlChars, func(c *Company) { c.Notes = "bell\a" }},
	} {
		comp := validCompany()
		c.breakIt(&comp)
		got := fieldLines(validate.FieldErrors(comp.Validate(testNow)))
		if want := []string{c.field + ": " + c.code}; !slices.Equal(got, want) {
			t.Errorf("breaking %s: FieldErrors = %q, want %q", c.field, got, want)
		}
	}
}

func TestCompanyValidateUnknownsAreFine(t *testing.T) {
	c := validCompany()
	c.Employees, c.TurnoverSEK, c.ExportShare = nil, nil, nil
	c.FoundedYear = 0
	c.CurrentMarkets, c.TargetMarkets, c.Experience.Languages = nil, []string{}, nil
	c.Employees = intPtr(0)
	c.TurnoverSEK = int64Ptr(0)
	c.ExportShare = floatPtr(0)
	if err := c.Validate(testNow); err != nil {
		t.Errorf("Validate with unknown/zero values: %v", err)
	}
	c.ExportShare = floatPtr(100)
	if err := c.Validate(testNow); err != nil {
		t.Errorf("Validate with export share 100: %v", err)
	}
}

func TestSizeClassOf(t *testing.T) {
	for _, c := range []struct {
		employees *int
		want      string
	}{
		{nil, ""}, {intPtr(-1), ""}, {intPtr(0), "micro"}, {intPtr(1), "micro"},
		{intPtr(9), "micro"}, {intPtr(10), "small"}, {intPtr(49), "small"},
		{intPtr(50), "medium"}, {intPtr(249), "medium"}, {intPtr(250), "large"},
		{intPtr(100000), "large"},
	} {
		if got := SizeClassOf(c.employees); got != c.want {
			t.Errorf("SizeClassOf(%v) = %q, want %q", c.employees, got, c.want)
		}
		comp := Company{Employees: c.employees}
		if got := comp.SizeClass(); got != c.want {
			t.Errorf("SizeClass with %v employees = %q, want %q", c.employees, got, c.want)
		}
	}
}

func TestCompanyExports(t *testing.T) {
	for _, c := range []struct {
		markets []string
		share   *float64
		want    bool
	}{
		{nil, nil, false},
		{[]string{}, floatPtr(0), false},
		{[]string{"NO"}, nil, true},
		{nil, floatPtr(0.5), true},
		{[]string{"NO"}, floatPtr(0), true},
	} {
		comp := Company{CurrentMarkets: c.markets, ExportShare: c.share}
		if got := comp.Exports(); got != c.want {
			t.Errorf("Exports() with markets %v and share %v = %v, want %v", c.markets, c.share, got, c.want)
		}
	}
}

// validAssessment builds an assessment from the first ids of the reference
// data, so it stays valid while the data grows.
func validAssessment(d *ref.Data) Assessment {
	a := Assessment{
		Date:              "2026-06-01",
		Assessor:          "Rådgivare",
		CompetenceRatings: map[string]int{},
		StatementRatings:  map[string]int{},
		Barriers:          map[string]int{},
		Checklist:         map[string]string{},
		Targets:           map[ref.Dimension]float64{ref.Market: 80},
		Notes:             "Anteckning\nrad två",
	}
	if len(d.EntryModes) > 0 {
		a.Modes = []ModeChoice{{Mode: d.EntryModes[0].ID, Status: ModeCurrent}}
	}
	if len(d.Competences) > 0 {
		a.CompetenceRatings[d.Competences[0].ID] = 4
	}
	if len(d.Statements) > 0 {
		a.StatementRatings[d.Statements[0].ID] = DontKnow
	}
	if len(d.Barriers) > 0 {
		a.Barriers[d.Barriers[0].ID] = BarrierClear
	}
	if len(d.Checklist) > 0 {
		a.Checklist[d.Checklist[0].ID] = ChecklistInProgress
	}
	act := Action{Title: "Besök mässa", Status: ActionOpen, Priority: PriorityHigh, Source: SourceCustom, Due: "2026-09-01"}
	if len(d.Actors) > 0 {
		act.Actors = []string{d.Actors[0].ID}
	}
	a.Actions = []Action{act}
	if len(d.Recommendations) > 0 {
		a.Actions = append(a.Actions, Action{Title: "Från rekommendation", Status: ActionDone,
			Priority: PriorityLow, Source: d.Recommendations[0].ID})
	}
	return a
}

// encodeDoc encodes a document, failing the test on error.
func encodeDoc(t testing.TB, doc *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.Encode(&buf); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

func TestNewDocument(t *testing.T) {
	local := time.FixedZone("CEST", 2*3600)
	doc := NewDocument(Company{Name: "X"}, nil, testNow.In(local))
	if doc.Format != InterchangeFormat || doc.Version != InterchangeVersion {
		t.Errorf("format/version = %q/%d", doc.Format, doc.Version)
	}
	if doc.Assessments == nil {
		t.Error("nil assessments should become an empty list")
	}
	if doc.Exported.Location() != time.UTC || !doc.Exported.Equal(testNow) {
		t.Errorf("Exported = %v, want %v in UTC", doc.Exported, testNow)
	}
	raw := encodeDoc(t, doc)
	if !bytes.Contains(raw, []byte(`"assessments": []`)) {
		t.Errorf("encoded document should list assessments as []:\n%s", raw)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	d := ref.MustLoad()
	doc := NewDocument(validCompany(), []Assessment{validAssessment(d)}, testNow)
	raw := encodeDoc(t, doc)
	got, err := Decode(bytes.NewReader(raw), d, testNow)
	if err != nil {
		t.Fatalf("Decode of an encoded valid document: %v\n%s", err, raw)
	}
	if got.Company.OrgNr != "556036-0793" || got.Company.Website != "https://www.acme.se" {
		t.Errorf("Decode did not normalize: org.nr %q, website %q", got.Company.OrgNr, got.Company.Website)
	}
	if len(got.Assessments) != 1 || got.Assessments[0].Date != "2026-06-01" || !got.Exported.Equal(testNow) {
		t.Errorf("decoded document differs: %+v", got)
	}
	// A decoded document encodes to a stable form.
	again, err := Decode(bytes.NewReader(encodeDoc(t, got)), d, testNow)
	if err != nil {
		t.Fatalf("Decode of a re-encoded document: %v", err)
	}
	if a, b := encodeDoc(t, got), encodeDoc(t, again); !bytes.Equal(a, b) {
		t.Errorf("re-encoding is not stable:\n%s\n---\n%s", a, b)
	}
}

func TestDecodeRefusesOtherFiles(t *testing.T) {
	d := ref.MustLoad()
	const company = `"company":{"name":"Acme"},"assessments":[]`
	for _, c := range []struct {
		name, in string
		want     error
		contains string
	}{
		{"empty", ``, ErrNotInterchange, ""},
		{"not JSON", `hello`, ErrNotInterchange, "not valid JSON"},
		{"array", `[]`, ErrNotInterchange, ""},
		{"string", `"pomi-planner/company"`, ErrNotInterchange, ""},
		{"null", `null`, ErrNotInterchange, ""},
		{"empty object", `{}`, ErrNotInterchange, ""},
		{"other format", `{"format":"other/app","version":1,` + company + `}`, ErrNotInterchange, `"other/app"`},
		{"newer", `{"format":"pomi-planner/company","version":2,` + company + `}`, ErrNewerFormat, "version 2"},
		{"version 0", `{"format":"pomi-planner/company","version":0,` + company + `}`, ErrNotInterchange, "version 0"},
		{"no version", `{"format":"pomi-planner/company",` + company + `}`, ErrNotInterchange, ""},
		{"negative version", `{"format":"pomi-planner/company","version":-1,` + company + `}`, ErrNotInterchange, ""},
		{"string version", `{"format":"pomi-planner/company","version":"1",` + company + `}`, ErrNotInterchange, "version"},
		{"fraction version", `{"format":"pomi-planner/company","version":1.5,` + company + `}`, ErrNotInterchange, ""},
		{"trailing data", `{"format":"pomi-planner/company","version":1,` + company + `} {}`, ErrNotInterchange, ""},
		{"truncated", `{"format":"pomi-planner/company","version":1,"company":{"name":"A"`, ErrNotInterchange, ""},
	} {
		doc, err := Decode(strings.NewReader(c.in), d, testNow)
		if doc != nil || !errors.Is(err, c.want) {
			t.Errorf("%s: Decode = %v, %v; want error %v", c.name, doc, err, c.want)
			continue
		}
		if c.contains != "" && !strings.Contains(err.Error(), c.contains) {
			t.Errorf("%s: error %q should mention %q", c.name, err, c.contains)
		}
	}
}

func TestDecodeRefusesBadContent(t *testing.T) {
	d := ref.MustLoad()
	head := `{"format":"pomi-planner/company","version":1,`
	for _, c := range []struct {
		name, in, contains string
	}{
		{"unknown top field", head + `"company":{"name":"A"},"colour":"red"}`, `"colour"`},
		{"unknown company field", head + `"company":{"name":"A","vat":"SE1"}}`, `"vat"`},
		{"unknown assessment field", head + `"company":{"name":"A"},"assessments":[{"date":"2026-01-01","score":3}]}`, `"score"`},
		{"wrong type", head + `"company":{"name":"A","employees":"many"}}`, "employees"},
		{"wrong nested type", head + `"company":{"name":"A","contact":{"email":5}}}`, "email"},
		{"bad time", head + `"exported":"yesterday","company":{"name":"A"}}`, ""},
	} {
		doc, err := Decode(strings.NewReader(c.in), d, testNow)
		if doc != nil || err == nil {
			t.Errorf("%s: Decode accepted it", c.name)
			continue
		}
		if errors.Is(err, ErrNotInterchange) || errors.Is(err, ErrNewerFormat) {
			t.Errorf("%s: error %v should not say the file is not a company file", c.name, err)
		}
		if !strings.Contains(err.Error(), c.contains) {
			t.Errorf("%s: error %q should mention %q", c.name, err, c.contains)
		}
	}
}

func TestDecodeNamesInvalidFields(t *testing.T) {
	d := ref.MustLoad()
	a := validAssessment(d)
	a.StatementRatings["NO_SUCH_STATEMENT"] = 3
	c := validCompany()
	c.Contact.Email = "not-an-address"
	doc := NewDocument(c, []Assessment{validAssessment(d), a}, testNow)
	_, err := Decode(bytes.NewReader(encodeDoc(t, doc)), d, testNow)
	if err == nil {
		t.Fatal("Decode accepted invalid values")
	}
	for _, want := range []string{
		"company.contact.email: invalid_email",
		"assessments[1].statement_ratings.NO_SUCH_STATEMENT: unknown_value",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q should name %q", err, want)
		}
	}
	var fe *validate.FieldError
	if !errors.As(err, &fe) || fe.Field != "company.contact.email" || fe.Code != validate.CodeEmail {
		t.Errorf("errors.As = %v, want company.contact.email: invalid_email", fe)
	}
}

// Regression: Decode wraps the joined field errors with fmt.Errorf("company
// file: %w"); FieldErrors must look through that wrapper, or a caller showing
// the problems of an imported file sees only the first one.
func TestDecodeFieldErrorsListsAllProblems(t *testing.T) {
	d := ref.MustLoad()
	c := validCompany()
	c.OrgNr = "556036-0794"
	c.Contact.Email = "not-an-address"
	_, err := Decode(bytes.NewReader(encodeDoc(t, NewDocument(c, nil, testNow))), d, testNow)
	got := fieldLines(validate.FieldErrors(err))
	if want := []string{"company.org_nr: orgnr_checksum", "company.contact.email: invalid_email"}; !slices.Equal(got, want) {
		t.Errorf("FieldErrors(Decode error) = %q, want %q", got, want)
	}
}

func TestDecodeTooLarge(t *testing.T) {
	d := ref.MustLoad()
	big := io.LimitReader(infiniteSpaces{}, MaxInterchangeSize+1)
	if doc, err := Decode(big, d, testNow); doc != nil || !errors.Is(err, ErrTooLarge) {
		t.Errorf("Decode of %d bytes = %v, %v; want ErrTooLarge", MaxInterchangeSize+1, doc, err)
	}
}

type infiniteSpaces struct{}

func (infiniteSpaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestDecodeReadError(t *testing.T) {
	d := ref.MustLoad()
	boom := errors.New("disk on fire")
	if doc, err := Decode(iotest.ErrReader(boom), d, testNow); doc != nil || !errors.Is(err, boom) {
		t.Errorf("Decode of a failing reader = %v, %v; want an error wrapping %v", doc, err, boom)
	}
}

func TestEncodeIsIndentedJSON(t *testing.T) {
	raw := encodeDoc(t, NewDocument(validCompany(), nil, testNow))
	if !json.Valid(raw) || !bytes.Contains(raw, []byte("\n  \"format\": \"pomi-planner/company\"")) {
		t.Errorf("Encode output is not indented JSON:\n%s", raw)
	}
	if err := NewDocument(validCompany(), nil, testNow).Encode(failingWriter{}); err == nil {
		t.Error("Encode to a failing writer returned nil")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("full") }

// fieldLines renders field errors as "field: code" lines for comparison.
func fieldLines(fes []*validate.FieldError) []string {
	var out []string
	for _, fe := range fes {
		out = append(out, fe.Field+": "+fe.Code)
	}
	return out
}
