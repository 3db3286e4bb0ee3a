package app

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pomi-planner/pomi/app/validate"
)

// fieldCodes maps each refused field to its code.
func fieldCodes(err error) map[string]string {
	out := map[string]string{}
	for _, fe := range validate.FieldErrors(err) {
		out[fe.Field] = fe.Code
	}
	return out
}

func TestSettingsValidateAcceptsWhatTheScreenSaves(t *testing.T) {
	for _, s := range []Settings{
		{},
		{UsedBy: UsedByAdvisor, UILanguage: "sv", Branding: Branding{Organisation: "Almi Företagspartner Jönköping",
			PrimaryColor: "#2e7d32", AdvisorName: "Anna Berg", AdvisorTitle: "Affärsrådgivare, export",
			AdvisorEmail: "anna.berg@almi.se", AdvisorPhone: "+46 36 12 34 56", FooterText: "Konfidentiellt – Almi"}},
		{UsedBy: UsedByCompany, Branding: Branding{PrimaryColor: "1F4E79", Organisation: strings.Repeat("å", validate.MaxNameLen)}},
		{Branding: Branding{PrimaryColor: " #abc ", AdvisorTitle: strings.Repeat("x", validate.MaxShortLen)}},
	} {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v refused: %v", s.Branding, err)
		}
	}
}

// The branding is refused as an imported company's texts are: the same
// codes, so the same messages, named by the JSON field.
func TestSettingsValidateRefusesWhatImportedDataMayNotHold(t *testing.T) {
	long := strings.Repeat("a", 500)
	s := Settings{UsedBy: "everyone", Branding: Branding{
		Organisation: "Almi\x00", PrimaryColor: "#12", AdvisorName: "Anna\u200bBerg\x1b[31m",
		AdvisorTitle: long, AdvisorEmail: "anna.berg@", AdvisorPhone: "ring mig", FooterText: "rad ett\nrad två",
	}}
	want := map[string]string{
		"branding.organisation":  validate.CodeControlChars,
		"branding.primary_color": validate.CodeColor,
		"branding.advisor_name":  validate.CodeControlChars,
		"branding.advisor_title": validate.CodeTooLong,
		"branding.advisor_email": validate.CodeEmail,
		"branding.advisor_phone": validate.CodePhone,
		"branding.footer_text":   validate.CodeControlChars,
		"used_by":                validate.CodeUnknownValue,
	}
	got := fieldCodes(s.Validate())
	for field, code := range want {
		if got[field] != code {
			t.Errorf("%s: code %q, want %q", field, got[field], code)
		}
	}
	if len(got) != len(want) {
		t.Errorf("refused %v, want %v", got, want)
	}
	// The same codes as the company profile gives the same texts.
	c := Company{Name: "Almi\x00", Contact: Contact{Role: long, Email: "anna.berg@"}}
	cc := fieldCodes(c.Validate(testNow))
	if cc["name"] != got["branding.organisation"] || cc["contact.role"] != got["branding.advisor_title"] ||
		cc["contact.email"] != got["branding.advisor_email"] {
		t.Errorf("company codes %v differ from branding codes %v", cc, got)
	}
}

func TestValidateColorReadsTheColoursThePlansUse(t *testing.T) {
	for _, ok := range []string{"", "  ", "#1f4e79", "#1F4E79", "1f4e79", "#abc", "abc", " #00695c  "} {
		if err := ValidateColor(ok); err != nil {
			t.Errorf("ValidateColor(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"#12", "#1234", "##1f4e79", "#1f4e7g", "red", "# 1f4e79", "#1f4e79ff", "#\x00bc", "#１２３", "#abc\n", "\t#1f4e79"} {
		var fe *validate.FieldError
		if err := ValidateColor(bad); !errors.As(err, &fe) || fe.Code != validate.CodeColor {
			t.Errorf("ValidateColor(%q) = %v, want %s", bad, err, validate.CodeColor)
		}
	}
}

// FuzzBrandingValidate puts any text in every branding field: Validate never
// panics, gives the same answer twice, refuses exactly the fields whose own
// validator refuses them, and never lets a control character or an
// over-long text through.
func FuzzBrandingValidate(f *testing.F) {
	for _, s := range []string{"", "Almi", "anna.berg@almi.se", "+46 36 12 34 56", "#1f4e79", "abc", "a\x00b",
		"\u200b", "\x7f", strings.Repeat("ö", validate.MaxShortLen+1), "Per Holm\n", "\ufffd", "\xff"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		br := Branding{Organisation: a, PrimaryColor: b, AdvisorName: b, AdvisorTitle: a,
			AdvisorEmail: a, AdvisorPhone: b, FooterText: a + b}
		first, second := br.Validate(), br.Validate()
		if len(fieldCodes(first)) != len(fieldCodes(second)) {
			t.Fatalf("two answers for %+v: %v then %v", br, first, second)
		}
		got := fieldCodes(first)
		for field, code := range fieldCodes(second) {
			if got[field] != code {
				t.Fatalf("%s: %q then %q", field, got[field], code)
			}
		}
		checks := map[string]struct {
			v   string
			err error
			max int
		}{
			"organisation":  {a, validate.Text(a, validate.MaxNameLen), validate.MaxNameLen},
			"primary_color": {b, ValidateColor(b), 0},
			"advisor_name":  {b, validate.Text(b, validate.MaxNameLen), validate.MaxNameLen},
			"advisor_title": {a, validate.Text(a, validate.MaxShortLen), validate.MaxShortLen},
			"advisor_email": {a, validate.Email(a), 0},
			"advisor_phone": {b, validate.Phone(b), 0},
			"footer_text":   {a + b, validate.Text(a+b, validate.MaxShortLen), validate.MaxShortLen},
		}
		for field, c := range checks {
			code, refused := got[field]
			if refused != (c.err != nil) {
				t.Fatalf("%s = %q: Validate refused=%v, own validator %v", field, c.v, refused, c.err)
			}
			if refused {
				if code != validate.FieldErrors(c.err)[0].Code {
					t.Fatalf("%s = %q: code %q, own validator %v", field, c.v, code, c.err)
				}
				continue
			}
			if c.max > 0 && utf8.RuneCountInString(c.v) > c.max {
				t.Fatalf("%s: %d characters accepted", field, utf8.RuneCountInString(c.v))
			}
			for _, r := range c.v {
				if unicode.IsControl(r) {
					t.Fatalf("%s = %q: control character %U accepted", field, c.v, r)
				}
			}
		}
		if len(got) > len(checks) {
			t.Fatalf("unknown fields refused: %v", got)
		}
	})
}
