package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/pdftest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/render"
)

var update = flag.Bool("update", false, "rewrite the golden layout files")

// demoFiles are the demo companies, by the short name their goldens carry.
var demoFiles = map[string]string{
	"smaland-mobler":   "../testdata/smaland-mobler.json",
	"goteborg-medtech": "../testdata/goteborg-medtech.json",
	"malmo-mat":        "../testdata/malmo-mat.json",
}

// testCreated is the fixed creation time of every test plan.
var testCreated = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func refData(t testing.TB) *ref.Data {
	t.Helper()
	d, err := ref.Load()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// demoInput reads a demo company and makes the plan input for its latest
// assessment, with the one before as the comparison.
func demoInput(t testing.TB, file string) *Input {
	t.Helper()
	d := refData(t)
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := app.Decode(f, d, testCreated)
	if err != nil {
		t.Fatal(err)
	}
	as := doc.Assessments
	in := &Input{Company: doc.Company, Assessment: as[len(as)-1], Ref: d, Branding: testBranding(),
		Created: testCreated, Version: "1.0.0-test"}
	if len(as) > 1 {
		in.Previous = &as[len(as)-2]
	}
	return in
}

func testBranding() app.Branding {
	return app.Branding{Organisation: "Exportrådgivarna i Småland", PrimaryColor: "#2E6B4F",
		AdvisorName: "Karin Ek", AdvisorTitle: "Exportrådgivare", AdvisorEmail: "karin.ek@example.se",
		AdvisorPhone: "+46 36 12 34 56"}
}

func build(t testing.TB, in *Input, lang string) *layout.Document {
	t.Helper()
	doc, warnings, err := Build(in, locales.MustNew(lang))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Fatalf("warnings: %v", warnings)
	}
	return doc
}

func TestDemoPlansMatchTheirGoldenLayouts(t *testing.T) {
	for name, file := range demoFiles {
		for _, lang := range locales.Languages() {
			t.Run(name+"-"+lang, func(t *testing.T) {
				got := goldenJSON(t, build(t, demoInput(t, file), lang))
				golden := filepath.Join("testdata", "golden", name+"-"+lang+".json")
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./report -run Golden -update to create it)", err)
				}
				if d := lineDiff(golden, "built now", want, got); d != "" {
					t.Errorf("layout differs from %s (- golden, + built now); if the change is right, "+
						"run go test ./report -run Golden -update\n%s", golden, d)
				}
			})
		}
	}
}

// untranslated finds message ids that reached the text untranslated.
var untranslated = regexp.MustCompile(`\b(report|mode|competence|statement|rec|actor|dimension|barrier|checklist|stage|sector|sizeclass|county|owner|horizon|reason|priority|trade|section|cite)\.[A-Za-z0-9_]+(\.[a-z_]+)?\b`)

// findUntranslated returns the first message id in text that is not part
// of a web address ("trade.ec.europa.eu"), or "".
func findUntranslated(text string) string {
	for _, loc := range untranslated.FindAllStringIndex(text, -1) {
		before, after := byte(' '), byte(' ')
		if loc[0] > 0 {
			before = text[loc[0]-1]
		}
		if loc[1] < len(text) {
			after = text[loc[1]]
		}
		if !strings.ContainsRune("./", rune(before)) && !strings.ContainsRune("./", rune(after)) {
			return text[loc[0]:loc[1]]
		}
	}
	return ""
}

func TestEveryTextOfTheDemoPlansIsTranslated(t *testing.T) {
	for name, file := range demoFiles {
		for _, lang := range locales.Languages() {
			doc := build(t, demoInput(t, file), lang)
			raw, _ := json.Marshal(doc)
			if m := findUntranslated(string(raw)); m != "" {
				t.Errorf("%s/%s: untranslated id %q", name, lang, m)
			}
		}
	}
}

func TestThePlanHasTheSectionsInTheIssuesOrder(t *testing.T) {
	want := []string{"summary", "profile", "modes", "benchmark", "barriers", "recommendations",
		"actions", "actors", "checklist", "method", "signoff"}
	doc := build(t, demoInput(t, demoFiles["malmo-mat"]), "sv")
	var got []string
	for _, s := range doc.Sections {
		got = append(got, s.ID)
		if s.Title == "" || strings.HasPrefix(s.Title, "report.") {
			t.Errorf("section %s has no title: %q", s.ID, s.Title)
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sections %v, want %v", got, want)
	}
	if doc.Cover.Title != "Handlingsplan för internationalisering" || doc.Footer.PageLabel != "Sida {page} av {pages}" {
		t.Errorf("cover %q, page label %q", doc.Cover.Title, doc.Footer.PageLabel)
	}
	if doc.Cover.Date != "10 november 2026" {
		t.Errorf("Swedish long date: %q", doc.Cover.Date)
	}
}

func TestTheReportLanguageIsIndependentOfTheDataLanguage(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	en := build(t, in, "en")
	if en.Language != "en" || en.Cover.Title != locales.MustNew("en").T("report.title") || en.Cover.Date != "10 November 2026" {
		t.Errorf("English plan: %q %q %q", en.Language, en.Cover.Title, en.Cover.Date)
	}
	in.Branding.FooterText = "Org.nr 802000-0000"
	if f := build(t, in, "en").Footer.Left; f != "Möllevångens Pastafabrik AB · 10 November 2026 · Org.nr 802000-0000" {
		t.Errorf("footer %q", f)
	}
	if en.Meta.Creator != "POMI Planner 1.0.0-test" || !strings.Contains(en.Meta.Title, "Möllevångens Pastafabrik AB") {
		t.Errorf("meta: %+v", en.Meta)
	}
}

func TestTheSummaryListsThreeGapsAndFiveActionsAtMost(t *testing.T) {
	for name, file := range demoFiles {
		doc := build(t, demoInput(t, file), "en")
		sum := doc.Sections[0]
		var tables []*layout.Table
		for _, bl := range sum.Blocks {
			if bl.Kind == layout.KindTable {
				tables = append(tables, bl.Table)
			}
		}
		if len(tables) != 2 {
			t.Fatalf("%s: summary has %d tables, want gaps and actions", name, len(tables))
		}
		if n := len(tables[0].Rows); n > 3 {
			t.Errorf("%s: %d largest gaps", name, n)
		}
		if n := len(tables[1].Rows); n == 0 || n > FirstActions {
			t.Errorf("%s: %d first actions", name, n)
		}
		last := sum.Blocks[len(sum.Blocks)-1]
		if last.Kind != layout.KindKeyValue || last.Pairs[0].Key != "Next review" {
			t.Errorf("%s: summary does not end with the next review: %+v", name, last)
		}
	}
}

func TestACompanyWithOnlyANameStillGetsASensiblePlan(t *testing.T) {
	in := &Input{Company: app.Company{Name: "Nystartade AB"}, Assessment: app.Assessment{Date: "2026-11-27"},
		Ref: refData(t), Created: testCreated}
	for _, lang := range locales.Languages() {
		doc := build(t, in, lang)
		if len(doc.Sections) != 11 || doc.Cover.Company != "Nystartade AB" {
			t.Fatalf("%s: %d sections, company %q", lang, len(doc.Sections), doc.Cover.Company)
		}
		if doc.Header != "POMI Planner" {
			t.Errorf("%s: header without an organisation: %q", lang, doc.Header)
		}
		raw, _ := json.Marshal(doc)
		if m := findUntranslated(string(raw)); m != "" {
			t.Errorf("%s: untranslated %q", lang, m)
		}
		renderFile(t, doc)
	}
	in.Company.Name = ""
	in.Assessment.Date = ""
	doc := build(t, in, "en")
	if doc.Cover.Company != "Company without a name" {
		t.Errorf("nameless company: %q", doc.Cover.Company)
	}
}

func TestWithoutAgreedActionsThePlanShowsSuggestionsAndSaysSo(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	in.Assessment.Actions = nil
	doc := build(t, in, "en")
	actions := sectionByID(t, doc, "actions")
	if !strings.Contains(actions.Blocks[0].Text, "suggested") {
		t.Errorf("lead: %q", actions.Blocks[0].Text)
	}
	if rows := actions.Blocks[1].Table.Rows; len(rows) == 0 {
		t.Error("no suggested actions in the plan")
	}
}

func TestDismissedActionsAreLeftOutAndTheRestOrderedByDate(t *testing.T) {
	in := demoInput(t, demoFiles["goteborg-medtech"])
	in.Assessment.Actions = []app.Action{
		{Title: "Sent", Due: "2027-03-01", Status: app.ActionOpen, Priority: app.PriorityLow, Source: app.SourceCustom},
		{Title: "Struken", Due: "2026-12-01", Status: app.ActionDismissed, Priority: app.PriorityHigh, Source: app.SourceCustom},
		{Title: "Utan datum", Status: app.ActionOpen, Priority: app.PriorityHigh, Source: app.SourceCustom},
		{Title: "Tidigt", Due: "2026-12-15", Status: app.ActionInProgress, Priority: app.PriorityMedium, Source: app.SourceCustom},
	}
	rows := sectionByID(t, build(t, in, "sv"), "actions").Blocks[1].Table.Rows
	var titles []string
	for _, r := range rows {
		titles = append(titles, r[0].Text)
	}
	if got := strings.Join(titles, ","); got != "Tidigt,Sent,Utan datum" {
		t.Errorf("actions in the plan: %s", got)
	}
}

func TestUserTextIsSanitizedInTheLayout(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	in.Company.Name = "Glass 🍦 AB\x00\u200b"
	in.Assessment.Notes = "Rad ett\r\nrad två\tflik \U0001F680 한국 中文"
	doc, warnings, err := Build(in, locales.MustNew("sv"))
	if err != nil {
		t.Fatal(err)
	}
	// Emoji and CJK go to the fallback faces (emoji above U+FFFF by way of
	// the Private Use Area); what no font can draw (Hangul) is left out,
	// never a "�" or a box, and the export says so.
	if len(warnings) != 1 || warnings[0].Code != WarnLeftOutCharacters || !strings.Contains(warnings[0].Error(), "국한") {
		t.Errorf("warnings %v", warnings)
	}
	if msg := locales.MustNew("sv").T(warnings[0].MessageID()); strings.HasPrefix(msg, "report.") {
		t.Errorf("no message for %s", warnings[0].MessageID())
	}
	if doc.Cover.Company != "Glass \uE066 AB" || strings.ContainsRune(doc.Meta.Title, '\uFFFD') {
		t.Errorf("cover company %q", doc.Cover.Company)
	}
	notes := sectionByID(t, doc, "signoff").Blocks[2].Text
	if notes != "Rad ett\nrad två flik \uE400  中文" {
		t.Errorf("notes %q", notes)
	}
}

func TestUnknownPaperIsRefusedAndLetterKept(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	in.Paper = "A5"
	if _, _, err := Build(in, locales.MustNew("en")); err == nil {
		t.Error("paper A5 accepted")
	}
	in.Paper = " Letter "
	if doc := build(t, in, "en"); doc.Paper != layout.PaperLetter {
		t.Errorf("paper %q", doc.Paper)
	}
}

func sectionByID(t *testing.T, doc *layout.Document, id string) layout.Section {
	t.Helper()
	for _, s := range doc.Sections {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no section %s", id)
	return layout.Section{}
}

// The plan is complete in itself (issue 13): the strongest
// recommendations in full, the rest by title under a heading of their own,
// and no text sends the client to an app they may not have.
func TestThePlanListsEveryRecommendationWithoutPointingToTheApp(t *testing.T) {
	briefSeen := 0
	for name, file := range demoFiles {
		for _, lang := range locales.Languages() {
			loc := locales.MustNew(lang)
			recs := sectionByID(t, build(t, demoInput(t, file), lang), "recommendations")
			full, brief, inBrief := 0, 0, false
			for _, b := range recs.Blocks {
				if strings.Contains(b.Text, "POMI Planner") {
					t.Errorf("%s %s: the plan points to the app: %q", name, lang, b.Text)
				}
				inBrief = inBrief || (b.Kind == layout.KindHeading && b.Text == loc.T("report.recs.more_heading"))
				switch {
				case b.Table != nil && inBrief:
					brief += len(b.Table.Rows)
				case b.Table != nil:
					full += len(b.Table.Rows)
				}
			}
			if full > MaxRecommendations || (brief > 0 && full != MaxRecommendations) {
				t.Errorf("%s %s: %d in full and %d in brief", name, lang, full, brief)
			}
			briefSeen += brief
		}
	}
	if briefSeen == 0 {
		t.Error("no demo plan has more recommendations than it shows in full: the brief list is untested")
	}
}

// renderFile renders doc with the plan's renderer to a PDF in a temp dir,
// validates it with pdfcpu and returns its path (see pdftest.File).
func renderFile(t testing.TB, doc *layout.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Render(doc, &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return pdftest.File(t, buf.Bytes())
}
