package validate

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"
)

// luhnOK is an independent Luhn (mod 10) check for the tests: it walks the
// digits from the right and doubles every second one, the textbook way, so it
// does not share a bug with luhnValid.
func luhnOK(digits string) bool {
	sum, double := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// onlyDigits keeps the ASCII digits of s.
func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkCode fails the test unless err is a *FieldError with code want (or err
// is nil when want is "").
func checkCode(t *testing.T, what string, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("%s: unexpected error %v", what, err)
		}
		return
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("%s: error = %v, want *FieldError with code %q", what, err, want)
		return
	}
	if fe.Code != want {
		t.Errorf("%s: code = %q, want %q", what, fe.Code, want)
	}
}

func TestLuhnHelperAgreesWithLuhnValid(t *testing.T) {
	for _, s := range []string{
		"5560360793", "8112289874", "5560125790", "2021005489", "2120000142",
		"1212121212", "0000000000", "5560360794", "8112289875", "1234567890",
	} {
		if got, want := luhnValid([]byte(s)), luhnOK(s); got != want {
			t.Errorf("luhnValid(%s) = %v, textbook Luhn says %v", s, got, want)
		}
	}
}

type orgNrCase struct {
	in, want, code string
}

var orgNrCases = []orgNrCase{
	// Empty stays empty.
	{"", "", ""},
	{"   ", "", ""},
	// Organisationsnummer, with and without hyphen.
	{"556036-0793", "556036-0793", ""},
	{"5560360793", "556036-0793", ""},
	{"  556036-0793\t", "556036-0793", ""},
	{"556036 0793", "556036-0793", ""},
	{"556012-5790", "556012-5790", ""}, // AB Volvo
	{"202100-5489", "202100-5489", ""}, // Skatteverket
	{"2021005489", "202100-5489", ""},
	{"212000-0142", "212000-0142", ""},
	// 12 digits with century/"16" prefix.
	{"165560360793", "556036-0793", ""},
	{"16556036-0793", "556036-0793", ""},
	{"162021005489", "202100-5489", ""},
	// Personnummer, including Skatteverket's well-known test number.
	{"811228-9874", "811228-9874", ""},
	{"8112289874", "811228-9874", ""},
	{"198112289874", "811228-9874", ""},
	{"19811228-9874", "811228-9874", ""},
	{"121212-1212", "121212-1212", ""},
	{"201212121212", "121212-1212", ""},
	{"20121212-1212", "121212-1212", ""},
	// "+" for people aged 100 or more.
	{"811228+9874", "811228-9874", ""},
	{"121212+1212", "121212-1212", ""},
	// Wrong check digit.
	{"556036-0794", "", CodeOrgNrCheck},
	{"5560360790", "", CodeOrgNrCheck},
	{"811228-9875", "", CodeOrgNrCheck},
	{"811228+9875", "", CodeOrgNrCheck},
	{"198112289875", "", CodeOrgNrCheck},
	{"165560360794", "", CodeOrgNrCheck},
	{"1234567890", "", CodeOrgNrCheck},
	// Wrong length, letters, separators in the wrong place.
	{"556036-079", "", CodeOrgNrFormat},
	{"556036079", "", CodeOrgNrFormat},
	{"55603607933", "", CodeOrgNrFormat},
	{"556036-07933", "", CodeOrgNrFormat},
	{"1655603607933", "", CodeOrgNrFormat},
	{"185560360793", "", CodeOrgNrFormat}, // century 18 not accepted
	{"215560360793", "", CodeOrgNrFormat},
	{"005560360793", "", CodeOrgNrFormat},
	{"55603A-0793", "", CodeOrgNrFormat},
	{"abc", "", CodeOrgNrFormat},
	{"SE556036079301", "", CodeOrgNrFormat},
	{"556036–0793", "", CodeOrgNrFormat}, // en dash
	{"556036_0793", "", CodeOrgNrFormat},
	{"556036/0793", "", CodeOrgNrFormat},
	{"556036--0793", "", CodeOrgNrFormat},
	{"5560-360793", "", CodeOrgNrFormat},
	{"55603607-93", "", CodeOrgNrFormat},
	{"-5560360793", "", CodeOrgNrFormat},
	{"+5560360793", "", CodeOrgNrFormat},
	{"5560360793-", "", CodeOrgNrFormat},
	{"556036-0793-", "", CodeOrgNrFormat},
	{"556036\t0793", "", CodeOrgNrFormat},
	{"５５６０３６-０７９３", "", CodeOrgNrFormat}, // full-width digits
	{"-", "", CodeOrgNrFormat},
}

func TestOrgNrTableIsLuhnConsistent(t *testing.T) {
	for _, c := range orgNrCases {
		d := onlyDigits(c.in)
		if len(d) == 12 {
			d = d[2:]
		}
		switch c.code {
		case "":
			if c.want != "" && !luhnOK(d) {
				t.Errorf("table lists %q as valid, but it fails the Luhn check", c.in)
			}
		case CodeOrgNrCheck:
			if len(d) != 10 || luhnOK(d) {
				t.Errorf("table lists %q as a checksum error, but its digits %q pass Luhn or are not 10", c.in, d)
			}
		}
	}
}

func TestNormalizeOrgNr(t *testing.T) {
	for _, c := range orgNrCases {
		got, err := NormalizeOrgNr(c.in)
		checkCode(t, fmt.Sprintf("NormalizeOrgNr(%q)", c.in), err, c.code)
		if got != c.want {
			t.Errorf("NormalizeOrgNr(%q) = %q, want %q", c.in, got, c.want)
		}
		if err == nil && got != "" {
			again, err := NormalizeOrgNr(got)
			if err != nil || again != got {
				t.Errorf("NormalizeOrgNr(%q) = %q, %v; want it unchanged", got, again, err)
			}
		}
	}
}

func TestValidateEmail(t *testing.T) {
	long := strings.Repeat("a", 64) + "@" + strings.Repeat("b", 63) + "." + strings.Repeat("c", 63) + "." + strings.Repeat("d", 58) + ".se"
	for _, c := range []struct{ in, code string }{
		{"", ""},
		{"info@example.se", ""},
		{"anna.svensson@foretag.se", ""},
		{"first+tag@sub.example.co.uk", ""},
		{"o'brien@example.ie", ""},
		{"åsa@exempel.se", ""},
		{"info", CodeEmail},
		{"info@", CodeEmail},
		{"@example.se", CodeEmail},
		{"info@example", CodeEmail},
		{"info@@example.se", CodeEmail},
		{"a@b@example.se", CodeEmail},
		{"info @example.se", CodeEmail},
		{" info@example.se", CodeEmail},
		{"info@example.se ", CodeEmail},
		{"info@exa mple.se", CodeEmail},
		{"Anna <anna@example.se>", CodeEmail},
		{"<anna@example.se>", CodeEmail},
		{`"anna"@example.se`, CodeEmail},
		{`"a b"@example.se`, CodeEmail},
		{"info@example.se.", CodeEmail},
		{"info@.example.se", CodeEmail},
		{"info@example..se", CodeEmail},
		{".info@example.se", CodeEmail},
		{"info.@example.se", CodeEmail},
		{"in..fo@example.se", CodeEmail},
		{"a(comment)@example.se", CodeEmail},
		{"info@example.se (Anna)", CodeEmail},
		{"info@example.se\n", CodeEmail},
		{"in\tfo@example.se", CodeEmail},
		{"info@example.se,other@example.se", CodeEmail},
		{long + "x", CodeEmail}, // 255 characters
	} {
		checkCode(t, fmt.Sprintf("ValidateEmail(%q)", c.in), Email(c.in), c.code)
	}
	if len(long) != 254 {
		t.Fatalf("test setup: long address has %d characters, want 254", len(long))
	}
	checkCode(t, "ValidateEmail(254 characters)", Email(long), "")
}

// Regression: net/mail treats every non-ASCII rune as an atom character, so
// Unicode white space (no-break space, line separator, ideographic space),
// C1 controls (U+0085) and format characters must be refused before it. Such
// addresses come from copy-paste and cannot be delivered.
func TestValidateEmailRefusesUnicodeSpaceAndControls(t *testing.T) {
	for _, in := range []string{
		"anna\u00a0svensson@example.se",
		"info@example\u00a0.se",
		"info\u3000@example.se",
		"info@example.se\u2028",
		"info\u0085@example.se",
		"info@exam\u200bple.se",
	} {
		checkCode(t, fmt.Sprintf("ValidateEmail(%q)", in), Email(in), CodeEmail)
	}
}

func TestValidatePhone(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"", ""},
		{"+46 8 123 456 78", ""},
		{"08-123 456 78", ""},
		{"(08) 123 45", ""},
		{"0701234567", ""},
		{"123456", ""},           // 6 digits
		{"+123456789012345", ""}, // 15 digits
		{"+46 (0)70-123 45 67", ""},
		{"12345", CodePhone},             // 5 digits
		{"+1234567890123456", CodePhone}, // 16 digits
		{"46+8123456", CodePhone},
		{"++468123456", CodePhone},
		{" +468123456", CodePhone},
		{"08/123456", CodePhone},
		{"08.123.456", CodePhone},
		{"tel:0812345678", CodePhone},
		{"08 123 456 78 ext 5", CodePhone},
		{"０８１２３４５６", CodePhone}, // full-width digits
		{"------", CodePhone},
		{"+", CodePhone},
		{"070\t1234567", CodePhone},
	} {
		checkCode(t, fmt.Sprintf("ValidatePhone(%q)", c.in), Phone(c.in), c.code)
	}
}

func TestNormalizeWebsite(t *testing.T) {
	for _, c := range []struct{ in, want, code string }{
		{"", "", ""},
		{"   ", "", ""},
		{"example.se", "https://example.se", ""},
		{"www.example.se/om-oss", "https://www.example.se/om-oss", ""},
		{"  example.se  ", "https://example.se", ""},
		{"example.se:8080", "https://example.se:8080", ""},
		{"http://example.se", "http://example.se", ""},
		{"https://example.se", "https://example.se", ""},
		{"https://example.se/path?q=1#top", "https://example.se/path?q=1#top", ""},
		{"HTTPS://EXAMPLE.SE", "HTTPS://EXAMPLE.SE", ""},
		{"https://xn--rksmrgs-5wao1o.se", "https://xn--rksmrgs-5wao1o.se", ""},
		{"ftp://example.se", "", CodeURL},
		{"file:///etc/passwd", "", CodeURL},
		{"javascript:alert(1)", "", CodeURL},
		{"localhost", "", CodeURL},
		{"https://localhost", "", CodeURL},
		{"https://", "", CodeURL},
		{"://example.se", "", CodeURL},
		{"http://exa mple.se", "", CodeURL},
		{"example .se", "", CodeURL},
		{"http://ex_ample.se", "", CodeURL},
		{"https://[::1]", "", CodeURL},
		{"https://example.se:port", "", CodeURL},
		{"https://example.se/\x00", "", CodeURL},
		{"example.se/" + strings.Repeat("a", 2000), "", CodeURL},
	} {
		got, err := NormalizeWebsite(c.in)
		checkCode(t, fmt.Sprintf("NormalizeWebsite(%q)", c.in), err, c.code)
		if got != c.want {
			t.Errorf("NormalizeWebsite(%q) = %q, want %q", c.in, got, c.want)
		}
		if err == nil && got != "" {
			again, err := NormalizeWebsite(got)
			if err != nil || again != got {
				t.Errorf("NormalizeWebsite(%q) = %q, %v; want it unchanged", got, again, err)
			}
		}
	}
}

// Regression: hosts with empty labels (".", ".se", "a.", "a..se") must be
// refused; whether to add a scheme must not depend on "://" anywhere in the
// text (an address whose query holds a URL is fine); and "mailto:…" must not
// become https://mailto:…@host, a URL with a user name.
func TestNormalizeWebsiteEdgeCases(t *testing.T) {
	for _, c := range []struct{ in, want, code string }{
		{".", "", CodeURL},
		{".se", "", CodeURL},
		{"example.", "", CodeURL},
		{"https://example..se", "", CodeURL},
		{"mailto:info@example.se", "", CodeURL},
		{"example.se/?ref=http://other.se", "https://example.se/?ref=http://other.se", ""},
	} {
		got, err := NormalizeWebsite(c.in)
		checkCode(t, fmt.Sprintf("NormalizeWebsite(%q)", c.in), err, c.code)
		if got != c.want {
			t.Errorf("NormalizeWebsite(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestValidateFoundedYear(t *testing.T) {
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		year int
		code string
	}{
		{0, ""}, {1600, ""}, {1873, ""}, {1990, ""}, {2026, ""},
		{1599, CodeYear}, {2027, CodeYear}, {-1, CodeYear}, {-2026, CodeYear},
		{26, CodeYear}, {99999, CodeYear},
	} {
		checkCode(t, fmt.Sprintf("ValidateFoundedYear(%d)", c.year), FoundedYear(c.year, now), c.code)
	}
	newYear := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	checkCode(t, "ValidateFoundedYear(2027) on New Year's Day 2027", FoundedYear(2027, newYear), "")
}

func TestValidatePostalCode(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"", ""},
		{"123 45", ""},
		{"12345", ""},
		{"981 31", ""},
		{"1234", CodePostalCode},
		{"123456", CodePostalCode},
		{"123 456", CodePostalCode},
		{"12 34", CodePostalCode},
		{"12a45", CodePostalCode},
		{"abcde", CodePostalCode},
		{"123-45", CodePostalCode},
		{"SE-123 45", CodePostalCode},
		{"S-12345", CodePostalCode},
		{"123  45", CodePostalCode},
		{"１２３４５", CodePostalCode},
		{"123\u00a045", CodePostalCode},
		{"12345\n", CodePostalCode},
		{"     ", CodePostalCode},
	} {
		checkCode(t, fmt.Sprintf("ValidatePostalCode(%q)", c.in), PostalCode(c.in), c.code)
	}
}

// Regression: the doc comment allows "NNN NN" or "NNNNN" only; a space
// elsewhere must be refused, as the value is stored as typed.
func TestValidatePostalCodeSpaceOnlyAfterThirdDigit(t *testing.T) {
	for _, in := range []string{"1 2345", "12 345", "1234 5", " 12345", "12345 "} {
		checkCode(t, fmt.Sprintf("ValidatePostalCode(%q)", in), PostalCode(in), CodePostalCode)
	}
}

func TestValidateCountry(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"SE", ""}, {"DE", ""}, {"US", ""}, {"NO", ""}, {"FI", ""}, {"DK", ""},
		{"GB", ""}, {"CN", ""}, {"JP", ""}, {"BR", ""}, {"ZA", ""}, {"AX", ""},
		{"se", CodeCountry},
		{"Se", CodeCountry},
		{"sE", CodeCountry},
		{"XX", CodeCountry},
		{"EU", CodeCountry},
		{"001", CodeCountry},
		{"150", CodeCountry},
		{"SWE", CodeCountry},
		{"", CodeCountry},
		{"S", CodeCountry},
		{"ZZ", CodeCountry},
		{"QO", CodeCountry},
		{"AA", CodeCountry},
		{"XA", CodeCountry},
		{"S1", CodeCountry},
		{"  ", CodeCountry},
		{"Ö", CodeCountry},
		{"SE ", CodeCountry},
	} {
		checkCode(t, fmt.Sprintf("ValidateCountry(%q)", c.in), Country(c.in), c.code)
	}
}

// Regression: x/text's IsCountry is true for codes that are not assigned
// ISO 3166-1 countries: "EZ" (euro area) and "UN" (United Nations) are
// groupings like "EU", "UK" is only exceptionally reserved (the code is GB),
// and "SU"/"YU" were withdrawn.
func TestValidateCountryRefusesNonCountries(t *testing.T) {
	for _, in := range []string{"EZ", "UN", "UK", "SU", "YU"} {
		checkCode(t, fmt.Sprintf("ValidateCountry(%q)", in), Country(in), CodeCountry)
	}
}

func TestValidateLanguage(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"sv", ""}, {"en", ""}, {"de", ""}, {"fi", ""}, {"no", ""}, {"nb", ""},
		{"ar", ""}, {"zh", ""}, {"es", ""}, {"fr", ""},
		{"SV", CodeLanguage},
		{"Sv", CodeLanguage},
		{"swe", CodeLanguage},
		{"", CodeLanguage},
		{"s", CodeLanguage},
		{"xx", CodeLanguage},
		{"zz", CodeLanguage},
		{"qa", CodeLanguage},
		{"s1", CodeLanguage},
		{"en-GB", CodeLanguage},
		{"e ", CodeLanguage},
		{"ö", CodeLanguage},
	} {
		checkCode(t, fmt.Sprintf("ValidateLanguage(%q)", c.in), Language(c.in), c.code)
	}
}

func TestValidateChoice(t *testing.T) {
	allowed := []string{"mature", "growing"}
	for _, c := range []struct {
		in      string
		allowed []string
		code    string
	}{
		{"", allowed, ""},
		{"", nil, ""},
		{"mature", allowed, ""},
		{"growing", allowed, ""},
		{"Mature", allowed, CodeUnknownValue},
		{"mature ", allowed, CodeUnknownValue},
		{"matur", allowed, CodeUnknownValue},
		{"mature", nil, CodeUnknownValue},
		{"other", allowed, CodeUnknownValue},
	} {
		checkCode(t, fmt.Sprintf("ValidateChoice(%q, %q)", c.in, c.allowed), Choice(c.in, c.allowed), c.code)
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"1 234", 1234},
		{"12,5", 12.5},
		{"12.5", 12.5},
		{"1,234.5", 1234.5},
		{"1\u00a0234,5", 1234.5},
		{"1\u202f234", 1234},
		{"1 234 567", 1234567},
		{"1,234,567.89", 1234567.89},
		{"12,500,000", 12500000},
		{"-1,234,567", -1234567},
		{"0", 0},
		{"-3,5", -3.5},
		{"+7", 7},
		{"  42  ", 42},
		{"\t42\n", 42},
		{"0,25", 0.25},
		{"1e3", 1000},
		{"1e15", 1e15},
		{"-1e15", -1e15},
	} {
		got, err := ParseNumber(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{
		"", "   ", "\u00a0", "abc", "12a", "1,2,3", "12,50,000", ",500,000", "1,2345,678", "1.2.3", "1.234.567", "1.234,5",
		"1 2 3,4,5", "NaN", "nan", "Inf", "+Inf", "-Inf", "inf", "Infinity",
		"1e400", "-1e400", "1e16", "-1e16", ",", ".", "-", "12 %", "€12", "١٢",
		"1\t234",
	} {
		got, err := ParseNumber(in)
		checkCode(t, fmt.Sprintf("ParseNumber(%q)", in), err, CodeNumber)
		if err != nil && got != 0 {
			t.Errorf("ParseNumber(%q) refused but returned %v, want 0", in, got)
		}
	}
}

func TestParseCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		code string
	}{
		{"1 200", 1200, ""},
		{"1\u00a0200", 1200, ""},
		{"0", 0, ""},
		{"-0", 0, ""},
		{"42", 42, ""},
		{"12,0", 0, CodeNumber}, // a comma is a decimal in Swedish and a thousands separator in English: refused
		{"1000000000", 1000000000, ""},
		{"-1", 0, CodeNegative},
		{"-0,5", 0, CodeNumber},
		{"1,000", 0, CodeNumber},
		{"-5", 0, CodeNegative},
		{"-1 000", 0, CodeNegative},
		{"1,5", 0, CodeNumber},
		{"2.5", 0, CodeNumber},
		{"1000000001", 0, CodeNumber},
		{"1e12", 0, CodeNumber},
		{"", 0, CodeNumber},
		{"many", 0, CodeNumber},
		{"NaN", 0, CodeNumber},
	} {
		got, err := ParseCount(c.in)
		checkCode(t, fmt.Sprintf("ParseCount(%q)", c.in), err, c.code)
		if got != c.want {
			t.Errorf("ParseCount(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestValidatePercent(t *testing.T) {
	for _, c := range []struct {
		v    float64
		code string
	}{
		{0, ""}, {100, ""}, {50.5, ""}, {math.Copysign(0, -1), ""}, {1e-9, ""},
		{-0.1, CodePercent}, {100.0001, CodePercent}, {math.NaN(), CodePercent},
		{math.Inf(1), CodePercent}, {math.Inf(-1), CodePercent}, {-100, CodePercent},
	} {
		checkCode(t, fmt.Sprintf("ValidatePercent(%v)", c.v), Percent(c.v), c.code)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"2026-11-27", time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)},
		{" 2026-11-27 ", time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)},
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"1999-12-31", time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)},
	} {
		got, err := ParseDate(c.in)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{
		"", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "2026-11-00",
		"27/11/2026", "2026-1-5", "2026-11-27T10:00:00Z", "20261127", "2026/11/27",
		"26-11-27", "today", "2026-11-27x",
	} {
		got, err := ParseDate(in)
		checkCode(t, fmt.Sprintf("ParseDate(%q)", in), err, CodeDate)
		if err != nil && !got.IsZero() {
			t.Errorf("ParseDate(%q) refused but returned %v, want the zero time", in, got)
		}
	}
}

func TestValidateText(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		code string
	}{
		{"", 10, ""},
		{"Acme AB", MaxShortLen, ""},
		{"Åsa Öberg & Söner", MaxShortLen, ""},
		{strings.Repeat("å", 200), MaxShortLen, ""}, // 200 runes, 400 bytes
		{strings.Repeat("å", 201), MaxShortLen, CodeTooLong},
		{"abcd", 3, CodeTooLong},
		{"abc", 3, ""},
		{"a\tb", MaxShortLen, CodeControlChars},
		{"a\nb", MaxShortLen, CodeControlChars},
		{"a\rb", MaxShortLen, CodeControlChars},
		{"trailing\n", MaxShortLen, CodeControlChars},
		{"nul\x00", MaxShortLen, CodeControlChars},
		{"del\x7f", MaxShortLen, CodeControlChars},
		{"esc\x1b[31m", MaxShortLen, CodeControlChars},
		{"nel\u0085", MaxShortLen, CodeControlChars},
		{"bell\a", MaxShortLen, CodeControlChars},
	} {
		checkCode(t, fmt.Sprintf("ValidateText(%.30q, %d)", c.in, c.max), Text(c.in, c.max), c.code)
	}
}

func TestValidateNotes(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"", ""},
		{"line one\nline two", ""},
		{"windows\r\nline\r\n", ""},
		{"\tindented\n\t\tmore", ""},
		{"Åsa: «export» — 100 %", ""},
		{strings.Repeat("ä", MaxNotesLen), ""},
		{strings.Repeat("ä", MaxNotesLen+1), CodeTooLong},
		{"nul\x00", CodeControlChars},
		{"bell\a", CodeControlChars},
		{"esc\x1b", CodeControlChars},
		{"form\ffeed", CodeControlChars},
		{"vertical\vtab", CodeControlChars},
		{"del\x7f", CodeControlChars},
		{"nel\u0085", CodeControlChars},
	} {
		checkCode(t, fmt.Sprintf("ValidateNotes(%.30q)", c.in), Notes(c.in), c.code)
	}
}

func TestValidateName(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"Acme AB", ""},
		{"  Acme AB  ", ""},
		{strings.Repeat("n", MaxNameLen), ""},
		{"", CodeRequired},
		{"   ", CodeRequired},
		{"\u00a0", CodeRequired},
		{strings.Repeat("n", MaxNameLen+1), CodeTooLong},
		{"Ac\x00me", CodeControlChars},
		{"Acme\nAB", CodeControlChars},
	} {
		checkCode(t, fmt.Sprintf("ValidateName(%.30q)", c.in), Name(c.in), c.code)
	}
}

// Regression: control characters that TrimSpace removes (tab, line feed,
// carriage return, U+0085) must be refused at either end of a name too, since
// callers store the untrimmed value (Company.Name, Action.Title).
func TestValidateNameRefusesControlCharsAtEnds(t *testing.T) {
	for _, in := range []string{"Acme AB\n", "\tAcme AB", "Acme AB\r\n", "Acme AB\u0085"} {
		checkCode(t, fmt.Sprintf("ValidateName(%q)", in), Name(in), CodeControlChars)
	}
}

func TestFieldErrorText(t *testing.T) {
	fe := &FieldError{Field: "contact.email", Code: CodeEmail}
	if got, want := fe.Error(), "contact.email: invalid_email"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := fe.MessageID(), "error.invalid_email"; got != want {
		t.Errorf("MessageID() = %q, want %q", got, want)
	}
	bare := &FieldError{Code: CodeRequired}
	if got := bare.Error(); got != "required" {
		t.Errorf("Error() without field = %q, want %q", got, "required")
	}
}

func TestErrorCodesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range []string{
		CodeRequired, CodeTooLong, CodeOrgNrFormat, CodeOrgNrCheck, CodeEmail, CodePhone,
		CodeURL, CodeYear, CodeNumber, CodeNegative, CodePercent, CodeCountry, CodeLanguage,
		CodePostalCode, CodeUnknownValue, CodeDate, CodeRating, CodeTarget, CodeControlChars,
		CodeColor,
	} {
		if c == "" || seen[c] || strings.ContainsAny(c, " .") {
			t.Errorf("error code %q is empty, repeated or not a message id part", c)
		}
		seen[c] = true
	}
}

// fieldList renders field errors as "field: code" lines for comparison.
func fieldList(fes []*FieldError) []string {
	out := make([]string, len(fes))
	for i, fe := range fes {
		out[i] = fe.Field + ": " + fe.Code
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestInField(t *testing.T) {
	if InField("x", nil) != nil {
		t.Error("inField(x, nil) != nil")
	}
	plain := io.ErrUnexpectedEOF
	if got := InField("x", plain); got != plain {
		t.Errorf("inField(x, plain error) = %v, want it unchanged", got)
	}
	for _, c := range []struct {
		field string
		err   error
		want  []string
	}{
		{"name", Err("", CodeRequired), []string{"name: required"}},
		{"contact", Err("email", CodeEmail), []string{"contact.email: invalid_email"}},
		{"", Err("email", CodeEmail), []string{"email: invalid_email"}},
		{"company", InField("contact", Err("email", CodeEmail)), []string{"company.contact.email: invalid_email"}},
		{"assessments[1]", errors.Join(Err("date", CodeDate), nil, Err("", CodeRating)),
			[]string{"assessments[1].date: invalid_date", "assessments[1]: invalid_rating"}},
	} {
		got := fieldList(FieldErrors(InField(c.field, c.err)))
		if !equalStrings(got, c.want) {
			t.Errorf("inField(%q, %v) = %q, want %q", c.field, c.err, got, c.want)
		}
	}
}

func TestFieldErrors(t *testing.T) {
	if FieldErrors(nil) != nil {
		t.Error("FieldErrors(nil) != nil")
	}
	if got := FieldErrors(errors.New("plain")); len(got) != 0 {
		t.Errorf("FieldErrors(plain) = %v, want none", got)
	}
	a, b, c := Err("a", CodeRequired), Err("b", CodeEmail), Err("c", CodeURL)
	nested := errors.Join(a, errors.Join(b, errors.New("not a field error")), c)
	if got, want := fieldList(FieldErrors(nested)), []string{"a: required", "b: invalid_email", "c: invalid_url"}; !equalStrings(got, want) {
		t.Errorf("FieldErrors(nested join) = %q, want %q", got, want)
	}
	if got := FieldErrors(fmt.Errorf("ctx: %w", a)); len(got) != 1 || got[0] != a {
		t.Errorf("FieldErrors(wrapped single) = %v, want [a]", got)
	}
}

// Regression: a join wrapped once by fmt.Errorf("...: %w", join), which is
// what Decode returns, must yield every field error, not just the first.
func TestFieldErrorsUnwrapsWrappedJoin(t *testing.T) {
	join := errors.Join(Err("a", CodeRequired), Err("b", CodeEmail))
	got := fieldList(FieldErrors(fmt.Errorf("company file: %w", join)))
	if want := []string{"a: required", "b: invalid_email"}; !equalStrings(got, want) {
		t.Errorf("FieldErrors(wrapped join) = %q, want %q", got, want)
	}
}
