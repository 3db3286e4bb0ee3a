package report

// Bad input and faults on the way to the PDF, for docs/reliability.md:
// hostile text in every field the user can type, logos that are huge or
// broken, and places the plan cannot be saved.

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/pdftest"
	"github.com/pomi-planner/pomi/locales"
)

// hostileText has what users paste: emoji (beyond U+FFFF, which made fpdf
// panic), NUL, bell, escape, a right-to-left override, a zero-width space,
// CR LF, a tab, invalid UTF-8, a tick, CJK without a glyph, and a marker
// word to find in the PDF.
const hostileText = "Fältprov 😀🚀\x00\a\x1b\u202e\u200b\r\n\t\xff\xfe ✓ 漢字 Kontrollord"

// setEveryStringIn walks v and appends s to every string it reaches:
// fields, slice elements and map values (keys stay, so ratings still count).
func setEveryStringIn(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + s)
	case reflect.Pointer:
		if !v.IsNil() {
			setEveryStringIn(v.Elem(), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				setEveryStringIn(v.Field(i), s)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // logos: bytes, not text
		}
		for i := range v.Len() {
			setEveryStringIn(v.Index(i), s)
		}
	case reflect.Map:
		if v.Type().Elem().Kind() != reflect.String {
			return
		}
		for _, k := range v.MapKeys() {
			v.SetMapIndex(k, reflect.ValueOf(v.MapIndex(k).String()+s).Convert(v.Type().Elem()))
		}
	}
}

// Every string of the plan's input gets hostile text appended: the company
// (name, address, contact, notes …), both assessments with their actions,
// the branding (organisation, advisor, footer) and the organisation's own
// actor and recommendation texts; even ids and dates, which validation
// would normally keep clean. The plan must build, render to a PDF that
// pdfcpu and qpdf accept, and show the text without the characters the
// PDF cannot carry.
func TestHostileTextInEveryFieldOfThePlanGivesAValidPDF(t *testing.T) {
	for _, lang := range locales.Languages() {
		t.Run(lang, func(t *testing.T) {
			in := demoInput(t, demoFiles["smaland-mobler"])
			in.Texts = map[string]string{}
			for _, a := range in.Ref.Actors {
				in.Texts[ref.ActorName(a.ID)], in.Texts[ref.ActorOffer(a.ID)] = hostileText, hostileText
			}
			for _, r := range in.Ref.Recommendations {
				in.Texts[ref.RecommendationTitle(r.ID)], in.Texts[ref.RecommendationBody(r.ID)] = hostileText, hostileText
			}
			in.Branding.FooterText = "Sidfot"
			setEveryStringIn(reflect.ValueOf(&in.Company), hostileText)
			setEveryStringIn(reflect.ValueOf(&in.Assessment), hostileText)
			setEveryStringIn(reflect.ValueOf(in.Previous), hostileText)
			setEveryStringIn(reflect.ValueOf(&in.Branding), hostileText)
			if !strings.Contains(in.Company.Contact.Email, "😀") || !strings.Contains(in.Assessment.Actions[0].Owner, "\x00") {
				t.Fatal("the walk did not reach the nested fields")
			}
			doc, _, err := Build(in, locales.MustNew(lang))
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			path := renderFile(t, doc) // validates strictly with pdfcpu
			pdftest.Tool(t, "qpdf", "--check", path)
			text := strings.Join(pdftest.PageTexts(t, path), "\f")
			if n := strings.Count(text, "Kontrollord"); n < 20 {
				t.Errorf("the marker appears %d times: the hostile text was dropped, not cleaned", n)
			}
			for _, r := range text {
				if r > 0xFFFF || r == '\u202e' || r == '\u200b' || (unicode.IsControl(r) && r != '\n' && r != '\f') {
					t.Fatalf("the PDF text carries %U", r)
				}
			}
		})
	}
}

// noisePNG is a w×h picture of random pixels: it does not compress, so its
// file is about 4·w·h bytes.
func noisePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.IntN(256))
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A 3000×2000 logo (a photo sent by mistake) is scaled down and the plan
// stays small; a logo file over 5 MB, a broken one, and a tiny file that
// claims a picture of 65,536² pixels (a decompression bomb) are left out
// with a warning the user reads, and the plan is still made.
func TestHugeAndBrokenLogosInThePlan(t *testing.T) {
	big := image.NewNRGBA(image.Rect(0, 0, 3000, 2000))
	for i := range big.Pix {
		big.Pix[i] = uint8(i / 4 % 251)
	}
	var photo bytes.Buffer
	if err := png.Encode(&photo, big); err != nil {
		t.Fatal(err)
	}
	tooBig := noisePNG(t, 1200, 1200)
	if len(tooBig) <= MaxLogoBytes {
		t.Fatalf("the noise logo has only %d bytes", len(tooBig))
	}
	bomb := patchIHDR(pngOf(t, gradient(2, 2)), 0, []byte{0, 1, 0, 0, 0, 1, 0, 0})
	cases := []struct {
		name  string
		logo  []byte
		warns bool
	}{
		{"3000×2000 photo", photo.Bytes(), false},
		{"over 5 MB", tooBig, true},
		{"cut off", photo.Bytes()[:len(photo.Bytes())/3], true},
		{"claims 65536×65536", bomb, true},
		{"a PDF renamed .png", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := demoInput(t, demoFiles["malmo-mat"])
			in.Branding.Logo, in.ClientLogo = c.logo, c.logo
			doc, warnings, err := Build(in, locales.MustNew("sv"))
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			if c.warns != (len(warnings) == 2) {
				t.Fatalf("warnings %v", warnings)
			}
			for _, w := range warnings {
				if msg := locales.MustNew("sv").T(w.MessageID()); !strings.Contains(msg, "5 MB") {
					t.Errorf("warning %s says %q", w.Code, msg)
				}
			}
			path := renderFile(t, doc)
			info, _ := os.Stat(path)
			if info.Size() > 1<<20 {
				t.Errorf("the plan is %d bytes: the logo was not scaled down", info.Size())
			}
		})
	}
}

// The plan cannot be saved where the user asked: a folder that is a file, a
// name that is a folder, a folder that does not exist. Each gives a
// *WriteError whose message tells the user to choose another folder, and
// an earlier plan or anything else at that place is left as it was, with no
// temporary file beside it.
func TestAPlanThatCannotBeSavedThereSaysSoAndLeavesNoTrace(t *testing.T) {
	doc := build(t, demoInput(t, demoFiles["malmo-mat"]), "sv")
	dir := t.TempDir()
	file := filepath.Join(dir, "anteckningar.txt")
	if err := os.WriteFile(file, []byte("mina anteckningar"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "plan.pdf")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "inne.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{
		"under a file":    filepath.Join(file, "plan.pdf"),
		"onto a folder":   folder,
		"missing folder":  filepath.Join(dir, "finns inte", "plan.pdf"),
		"under /proc":     "/proc/plan.pdf",
		"name too long":   filepath.Join(dir, strings.Repeat("å", 200)+".pdf"),
		"NUL in the name": filepath.Join(dir, "plan\x00.pdf"),
	} {
		err := WriteFile(path, doc)
		var we *WriteError
		if !errors.As(err, &we) || we.MessageID() != "report.error.write" {
			t.Errorf("%s: %v, want a *WriteError", name, err)
		}
	}
	if got, _ := os.ReadFile(file); string(got) != "mina anteckningar" {
		t.Error("the file in the way was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left in the folder: %v", entries)
	}
	if inner, _ := os.ReadDir(folder); len(inner) != 1 {
		t.Errorf("the folder in the way has %v", inner)
	}
	for _, lang := range locales.Languages() {
		if msg := locales.MustNew(lang).T("report.error.write"); strings.HasPrefix(msg, "report.") {
			t.Errorf("%s: no message", lang)
		}
	}
}
