package report

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/internal/pdftest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/render"
)

// sectionTitles are the titles pdftotext must find in a plan: the plan's
// title, then every section's, in the plan's language as the message files
// word them today.
func sectionTitles(lang string) []string {
	loc := locales.MustNew(lang)
	out := []string{loc.T("report.title")}
	for _, id := range []string{"summary", "profile", "modes", "barriers", "recommendations", "actions",
		"actors", "checklist", "method", "signoff"} {
		out = append(out, loc.T("report.section."+id))
	}
	return out
}

func TestDemoPlansAreValidPDFsWithTheirWordsIntact(t *testing.T) {
	for name, file := range demoFiles {
		for _, lang := range locales.Languages() {
			t.Run(name+"-"+lang, func(t *testing.T) {
				in := demoInput(t, file)
				in.Branding.Logo = pdftest.PNG(t, 300, 100, color.NRGBA{0x2E, 0x6B, 0x4F, 0xFF})
				in.ClientLogo = pdftest.PNG(t, 120, 120, color.NRGBA{0x80, 0x20, 0x20, 0xFF})
				doc := build(t, in, lang)
				path := renderFile(t, doc)
				pages := pdftest.PageTexts(t, path)
				text := pdftest.Flat(strings.Join(pages, "\n"))
				for _, want := range append(sectionTitles(lang), in.Company.Name) {
					if !strings.Contains(text, want) {
						t.Errorf("%q missing from the PDF's text", want)
					}
				}
				// The first two pages stand alone: the summary keeps to page 2.
				if len(pages) < 3 || !strings.Contains(pages[1], sectionTitles(lang)[1]) || !strings.Contains(pages[2], sectionTitles(lang)[2]) {
					t.Errorf("the summary does not fill exactly page 2")
				}
				label := map[string]string{"sv": "Sida %d av %d", "en": "Page %d of %d"}[lang]
				if last := len(pages); !strings.Contains(pdftest.Flat(pages[last-1]), fmt.Sprintf(label, last, last)) {
					t.Errorf("last page does not say %q", fmt.Sprintf(label, last, last))
				}
				pdftest.AssertFontsEmbedded(t, path)
				info := pdftest.Info(t, path)
				if !strings.Contains(info["Title"], in.Company.Name) || !strings.HasPrefix(info["Creator"], "POMI Planner") {
					t.Errorf("metadata: title %q, creator %q", info["Title"], info["Creator"])
				}
				if _, err := os.Stat("/usr/bin/qpdf"); err == nil {
					pdftest.Tool(t, "qpdf", "--check", path)
				}
			})
		}
	}
}

func TestSwedishLettersAndPunctuationSurviveExtraction(t *testing.T) {
	in := demoInput(t, demoFiles["smaland-mobler"])
	in.Assessment.Notes = "Åsa på lagret vill ha ”ordning” – och 1 234,5 kvm yta. Öppet för köp."
	text := pdftest.Flat(strings.Join(pdftest.PageTexts(t, renderFile(t, build(t, in, "sv"))), "\n"))
	for _, want := range []string{"Åsa på lagret vill ha ”ordning” – och 1 234,5 kvm yta.", "Öppet för köp.", "Åtgärd", "Ansvarig"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing or garbled", want)
		}
	}
}

func TestThreeHundredActionsPaginateWithTheHeaderRepeated(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	in.Assessment.Actions = nil
	for i := range 300 {
		in.Assessment.Actions = append(in.Assessment.Actions, app.Action{
			Title: fmt.Sprintf("Åtgärd nummer %03d med en ganska lång beskrivande rubrik", i+1), Owner: "Ägaren",
			Due: "2027-01-15", Status: app.ActionOpen, Priority: app.PriorityMedium, Source: app.SourceCustom,
			Description: strings.Repeat("Förklaring. ", i%7), Dimension: "M",
		})
	}
	path := renderFile(t, build(t, in, "sv"))
	pages := pdftest.PageTexts(t, path)
	first, last := -1, -1
	for i, p := range pages {
		if strings.Contains(p, "Åtgärd nummer") {
			if first < 0 {
				first = i
			}
			last = i
			if !strings.Contains(p, "Ansvarig") {
				t.Errorf("page %d has actions but no table header", i+1)
			}
		}
	}
	if last-first < 5 {
		t.Errorf("300 actions on pages %d–%d only", first+1, last+1)
	}
	if text := pdftest.Flat(strings.Join(pages, " ")); !strings.Contains(text, "Åtgärd nummer 300") {
		t.Error("the last action is missing")
	}
}

func TestHostileUserTextGivesAValidPlan(t *testing.T) {
	in := demoInput(t, demoFiles["goteborg-medtech"])
	long := strings.Repeat("Långt namn ", 200)
	in.Company.Name = long + "😀\x00\x1b 한"
	in.Company.Contact.Name = strings.Repeat("x", 500)
	in.Company.Industry = "https://example.com/" + strings.Repeat("väldigt-lång-sökväg/", 40)
	in.Assessment.Notes = strings.Repeat("Anteckning utan slut och med emoji 🚀 ", 600)
	in.Assessment.Actions = []app.Action{{Title: strings.Repeat("Ö", 800), Description: strings.Repeat("ord ", 5000),
		Owner: "\u202eomvänd", Status: app.ActionOpen, Priority: app.PriorityHigh, Source: app.SourceCustom}}
	in.Branding.Organisation = strings.Repeat("Organisation ", 40)
	in.Branding.PrimaryColor = "#ffff00"
	for _, lang := range locales.Languages() {
		doc, warnings, err := Build(in, locales.MustNew(lang))
		if err != nil || len(warnings) != 1 || warnings[0].Code != WarnLeftOutCharacters {
			t.Fatalf("%s: %v, warnings %v", lang, err, warnings)
		}
		path := renderFile(t, doc)
		if text := strings.Join(pdftest.PageTexts(t, path), ""); strings.ContainsRune(text, '\uFFFD') {
			t.Errorf("%s: a character became U+FFFD in the pages", lang)
		}
		if info := pdftest.Info(t, path); strings.ContainsRune(info["Title"], '\uFFFD') || !strings.Contains(info["Title"], "😀") {
			t.Errorf("%s: metadata title %q", lang, info["Title"])
		}
		if n := pdftest.PageCount(t, path); n < 12 {
			t.Errorf("%s: %d pages", lang, n)
		}
	}
}

func TestBadLogosAreLeftOutWithAWarning(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	in.Branding.Logo = []byte("<svg>not supported</svg>")
	in.ClientLogo = pdftest.PNG(t, 10, 10, color.NRGBA{A: 255})[:30]
	doc, warnings, err := Build(in, locales.MustNew("sv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 2 || warnings[0].Code != WarnOrganisationLogo || warnings[1].Code != WarnClientLogo {
		t.Fatalf("warnings %v", warnings)
	}
	if doc.Brand.HasLogo || doc.Cover.HasClientLogo {
		t.Error("a bad logo is still in the plan")
	}
	for _, w := range warnings {
		if msg := locales.MustNew("sv").T(w.MessageID()); strings.HasPrefix(msg, "report.") {
			t.Errorf("warning %s has no message", w.Code)
		}
	}
	renderFile(t, doc)
}

func TestWriteFileReplacesAtomicallyAndLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	doc := build(t, demoInput(t, demoFiles["malmo-mat"]), "en")
	if err := WriteFile(path, doc); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(before), "%PDF-") || !strings.Contains(string(before[len(before)-8:]), "%%EOF") {
		t.Fatal("not a whole PDF")
	}
	// A render that fails leaves the earlier plan as it was.
	if err := WriteFile(path, nil); err == nil {
		t.Fatal("nil document written")
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("a failed render changed the existing plan")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestAnUnwritablePathGivesAClearError(t *testing.T) {
	doc := build(t, demoInput(t, demoFiles["malmo-mat"]), "en")
	missing := filepath.Join(t.TempDir(), "no such folder", "plan.pdf")
	err := WriteFile(missing, doc)
	var we *WriteError
	if !errors.As(err, &we) || we.Path != missing || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("error %v", err)
	}
	if msg := locales.MustNew("sv").T(we.MessageID()); strings.HasPrefix(msg, "report.") {
		t.Errorf("no message for %s", we.MessageID())
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(ro, 0o700)
		if err := WriteFile(filepath.Join(ro, "plan.pdf"), doc); !errors.As(err, &we) {
			t.Errorf("read-only folder: %v", err)
		}
	}
}

// FuzzPlanText puts arbitrary text where users type: the plan must still
// build and render, never panic and never fail.
func FuzzPlanText(f *testing.F) {
	for _, s := range []string{"Åsa", "😀\x00\r\n\t", strings.Repeat("W", 400), "\xff\xfe\u202e", "a\u00adb"} {
		f.Add(s, s)
	}
	in := demoInput(f, demoFiles["malmo-mat"])
	loc := locales.MustNew("sv")
	f.Fuzz(func(t *testing.T, name, note string) {
		c := *in
		c.Company.Name, c.Company.Industry, c.Assessment.Notes = name, note, note
		c.Assessment.Actions = []app.Action{{Title: name, Description: note, Owner: note,
			Status: app.ActionOpen, Priority: app.PriorityHigh, Source: app.SourceCustom}}
		c.Branding.Organisation = note
		doc, _, err := Build(&c, loc)
		if err != nil {
			t.Fatal(err)
		}
		if err := render.Render(doc, io.Discard); err != nil {
			t.Fatalf("render %q / %q: %v", name, note, err)
		}
	})
}
