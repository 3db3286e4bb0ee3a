package app

// Malformed company files, for docs/reliability.md: what a user may hand
// the import by mistake (a file saved by another editor, cut off in an
// e-mail, written by a newer app, edited by hand) and what Decode says.

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// goodFile is a valid company file with one assessment.
func goodFile(t *testing.T) []byte {
	t.Helper()
	d := ref.MustLoad()
	return encodeDoc(t, NewDocument(validCompany(), []Assessment{validAssessment(d)}, testNow))
}

// edited is goodFile with one replacement made, failing when old is absent.
func edited(t *testing.T, old, new string) []byte {
	t.Helper()
	raw := goodFile(t)
	if !bytes.Contains(raw, []byte(old)) {
		t.Fatalf("the good file has no %q", old)
	}
	return bytes.Replace(raw, []byte(old), []byte(new), 1)
}

func TestDecodeReadsAFileSavedWithAByteOrderMark(t *testing.T) {
	doc, err := Decode(bytes.NewReader(append([]byte("\uFEFF"), goodFile(t)...)), ref.MustLoad(), time.Now())
	if err != nil || doc.Company.Name == "" {
		t.Fatalf("a file starting with a UTF-8 byte order mark: %v", err)
	}
}

func TestDecodeRefusesMalformedFilesAndSaysWhatIsWrong(t *testing.T) {
	good := goodFile(t)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range string(good[:200]) {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	cases := []struct {
		name string
		raw  []byte
		kind error  // ErrNotInterchange, ErrNewerFormat, ErrTooLarge or nil for "a bad value"
		says string // part of the message
	}{
		{"cut off half way", good[:len(good)/2], ErrNotInterchange, "not valid JSON"},
		{"cut off at the last brace", good[:bytes.LastIndexByte(good, '}')], ErrNotInterchange, "not valid JSON"},
		{"UTF-16 (saved as Unicode)", utf16, ErrNotInterchange, "not valid JSON"},
		{"a PNG renamed .json", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotInterchange, "not valid JSON"},
		{"a spreadsheet export", []byte("name;org_nr\nAcme;556036-0793\n"), ErrNotInterchange, "not valid JSON"},
		{"newer version", edited(t, `"version": 1`, `"version": 7`), ErrNewerFormat, "version 7"},
		{"another program's JSON", edited(t, `"pomi-planner/company"`, `"crm/contact"`), ErrNotInterchange, `"crm/contact"`},
		{"a field of a newer version", edited(t, `"name": "Acme`, `"vat_nr": "SE5560360793", "name": "Acme`), nil, `"vat_nr"`},
		{"nested a thousand deep", edited(t, `"notes": "`, `"extra": `+strings.Repeat("[", 1000)+strings.Repeat("]", 1000)+`, "notes": "`), nil, `"extra"`},
		{"a number too large", edited(t, `"employees": 42`, `"employees": 1e30`), nil, "employees"},
		{"employees negative", edited(t, `"employees": 42`, `"employees": -5`), nil, "company.employees: negative"},
		{"invalid org.nr", edited(t, `"5560360793"`, `"556036-0794"`), nil, "company.org_nr: orgnr_checksum"},
		{"org.nr with letters", edited(t, `"5560360793"`, `"55603607AB"`), nil, "company.org_nr: orgnr_format"},
		{"NUL in the name", edited(t, `"name": "Acme`, `"name": "Ac\u0000me`), nil, "company.name: control_characters"},
		{"escape in the city", edited(t, `"city": "`, `"city": "\u001b[31m`), nil, "company.address.city: control_characters"},
		{"empty name", edited(t, `"name": "Acme Verkstad AB"`, `"name": " "`), nil, "company.name: required"},
		{"unknown country", edited(t, `"NO"`, `"XX"`), nil, "company.current_markets: unknown_country"},
		{"unknown sector", edited(t, `"manufacturing"`, `"alchemy"`), nil, "company.sector: unknown_value"},
		{"rating out of range", edited(t, `"P1": 0`, `"P1": 9`), nil, "assessments[0].statement_ratings.P1: invalid_rating"},
		{"unknown statement", edited(t, `"P1": 0`, `"P99": 3`), nil, "assessments[0].statement_ratings.P99: unknown_value"},
		{"unknown support organisation", edited(t, `"business_sweden"`, `"no_such_actor"`), nil, "unknown_value"},
		{"date that does not exist", edited(t, `"2026-06-01"`, `"2026-02-30"`), nil, "assessments[0].date: invalid_date"},
		{"empty file", nil, ErrNotInterchange, ""},
		{"over 16 MB", append(bytes.Repeat([]byte(" "), MaxInterchangeSize), good...), ErrTooLarge, "too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Decode(bytes.NewReader(c.raw), ref.MustLoad(), testNow)
			if doc != nil || err == nil {
				t.Fatal("accepted")
			}
			switch {
			case c.kind != nil && !errors.Is(err, c.kind):
				t.Errorf("%v, want %v", err, c.kind)
			case c.kind == nil && (errors.Is(err, ErrNotInterchange) || errors.Is(err, ErrNewerFormat)):
				t.Errorf("%v: a bad value, not a wrong file", err)
			}
			if !strings.Contains(err.Error(), c.says) {
				t.Errorf("%q does not say %q", err, c.says)
			}
		})
	}
}

// What can be kept is kept: emoji in a name are a valid text (the PDF
// replaces them later), and bytes that are not UTF-8 inside a string become
// U+FFFD instead of refusing the whole file.
func TestDecodeKeepsEmojiAndReplacesBrokenUTF8(t *testing.T) {
	raw := edited(t, `"name": "Acme Verkstad AB"`, `"name": "Acme 🚀 Verkstad AB"`)
	raw = bytes.Replace(raw, []byte(`"city": "Västerås"`), []byte("\"city\": \"V\xe4ster\xe5s\""), 1)
	doc, err := Decode(bytes.NewReader(raw), ref.MustLoad(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Company.Name != "Acme 🚀 Verkstad AB" {
		t.Errorf("name %q", doc.Company.Name)
	}
	if city := doc.Company.Address.City; !utf8.ValidString(city) || city != "V\uFFFDster\uFFFDs" {
		t.Errorf("city %q, want the broken bytes replaced", city)
	}
}

// Every field error Decode can give has a message in every language, so the
// app can say it in words.
func TestEveryFieldErrorOfAnImportHasAMessage(t *testing.T) {
	codes := []string{validate.CodeRequired, validate.CodeTooLong, validate.CodeOrgNrFormat, validate.CodeOrgNrCheck, validate.CodeEmail, validate.CodePhone, validate.CodeURL,
		validate.CodeYear, validate.CodeNumber, validate.CodeNegative, validate.CodePercent, validate.CodeCountry, validate.CodeLanguage, validate.CodePostalCode, validate.CodeUnknownValue,
		validate.CodeDate, validate.CodeRating, validate.CodeTarget, validate.CodeControlChars}
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		for _, code := range codes {
			fe := &validate.FieldError{Code: code}
			if msg := loc.T(fe.MessageID()); msg == fe.MessageID() || msg == "" {
				t.Errorf("%s: no message for %s", lang, code)
			}
		}
	}
}

// docTestRef is a test reference in docs/reliability.md: `pkg: TestA, TestB`.
var docTestRef = regexp.MustCompile("`([a-z][a-z/-]*): ((?:Test|Fuzz)[A-Za-z0-9_]*(?:, (?:Test|Fuzz)[A-Za-z0-9_]*)*)`")

// TestEveryTestNamedInTheReliabilityReportExists keeps docs/reliability.md
// true when tests are renamed: every row of its tables names at least one
// test, and every test it names is declared in that package's test files.
// (That they pass is the rest of the suite's job.)
func TestEveryTestNamedInTheReliabilityReportExists(t *testing.T) {
	root := filepath.Join("..")
	doc, err := os.ReadFile(filepath.Join(root, "docs", "reliability.md"))
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]string{}
	declared := func(pkg, name string) bool {
		if _, ok := sources[pkg]; !ok {
			// "ui" names the window's packages together: ui/<feature>.
			files, _ := filepath.Glob(filepath.Join(root, filepath.FromSlash(pkg), "*_test.go"))
			nested, _ := filepath.Glob(filepath.Join(root, filepath.FromSlash(pkg), "*", "*_test.go"))
			files = append(files, nested...)
			var all strings.Builder
			for _, f := range files {
				raw, _ := os.ReadFile(f)
				all.Write(raw)
			}
			sources[pkg] = all.String()
		}
		return strings.Contains(sources[pkg], "func "+name+"(")
	}
	rows, names := 0, 0
	for i, line := range strings.Split(string(doc), "\n") {
		isRow := strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| Fault |") && !strings.HasPrefix(line, "| Kind of write |")
		refs := docTestRef.FindAllStringSubmatch(line, -1)
		if isRow {
			rows++
			if len(refs) == 0 {
				t.Errorf("line %d: a row without a test: %.80s", i+1, line)
			}
		}
		for _, ref := range refs {
			for _, name := range strings.Split(ref[2], ", ") {
				names++
				if !declared(ref[1], name) {
					t.Errorf("line %d: %s: %s is not declared in %s/*_test.go", i+1, ref[1], name, ref[1])
				}
			}
		}
	}
	if rows < 20 || names < 50 {
		t.Errorf("only %d rows and %d test names found: has the table's format changed?", rows, names)
	}
}
