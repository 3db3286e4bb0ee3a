package report

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/render"
)

// everyPlan is one plan of the matrix the layout rules hold for.
type everyPlan struct {
	name string
	in   *Input
	lang string
}

// allPlans makes every plan the testdata companies give: each company, each
// of its assessments (compared with the one before), both languages and
// both papers.
func allPlans(t *testing.T) []everyPlan {
	t.Helper()
	files, err := filepath.Glob("../testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata companies: %v", err)
	}
	d := refData(t)
	var out []everyPlan
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		data, err := app.Decode(f, d, testCreated)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for i := range data.Assessments {
			for _, lang := range locales.Languages() {
				for _, paper := range []string{layout.PaperA4, layout.PaperLetter} {
					in := &Input{Company: data.Company, Assessment: data.Assessments[i], Ref: d,
						Branding: testBranding(), Paper: paper, Created: testCreated, Version: "1.0.0-test"}
					if i > 0 {
						in.Previous = &data.Assessments[i-1]
					}
					name := fmt.Sprintf("%s/%s/%s/%s", strings.TrimSuffix(filepath.Base(file), ".json"),
						data.Assessments[i].Date, lang, paper)
					out = append(out, everyPlan{name: name, in: in, lang: lang})
				}
			}
		}
	}
	return out
}

// TestEveryPlanKeepsTheLayoutRules renders every plan of the testdata
// companies and checks the rules of issue 13 on the layout model and on
// where the renderer broke the pages.
func TestEveryPlanKeepsTheLayoutRules(t *testing.T) {
	for _, p := range allPlans(t) {
		t.Run(p.name, func(t *testing.T) {
			doc := build(t, p.in, p.lang)
			checkModelRules(t, doc)
			log, err := render.LayOut(doc)
			if err != nil {
				t.Fatal(err)
			}
			checkPageRules(t, log)
		})
	}
}

// zeroDecimals finds a number printed with only zeros after its decimal
// sign ("6.00", "3,0 %"): counts and days are whole.
var zeroDecimals = regexp.MustCompile(`\d[.,]0{1,2}(%|\s|$)`)

// checkModelRules checks what the model alone decides: no column without
// content, whole numbers printed as such, legends that explain only what
// the table shows, the signature under the advisor's title.
func checkModelRules(t *testing.T, doc *layout.Document) {
	t.Helper()
	for _, s := range doc.Sections {
		for bi, bl := range s.Blocks {
			if bi > 0 && bl.Kind == layout.KindKeyValue && s.Blocks[bi-1].Kind == layout.KindKeyValue {
				// Each key–value block is its own ruled box; two in a row
				// double the rules between them.
				t.Errorf("%s: key–value blocks %d and %d should be one table", s.ID, bi-1, bi)
			}
			if bl.Kind != layout.KindTable || bl.Table == nil {
				continue
			}
			tb := bl.Table
			where := fmt.Sprintf("%s table %d", s.ID, bi)
			for ci, c := range tb.Columns {
				if len(tb.Rows) == 0 {
					break
				}
				used := false
				for _, row := range tb.Rows {
					if ci < len(row) && strings.TrimSpace(row[ci].Text+row[ci].Sub) != "" {
						used = true
					}
				}
				if !used {
					t.Errorf("%s: column %q is empty in every row", where, c.Title)
				}
			}
			starred := false
			for _, c := range tb.Columns {
				starred = starred || strings.Contains(c.Title, "*")
			}
			for _, row := range tb.Rows {
				for _, c := range row {
					starred = starred || strings.Contains(c.Text, "*")
					if zeroDecimals.MatchString(c.Text) {
						t.Errorf("%s: %q is a whole number printed with decimals", where, c.Text)
					}
				}
			}
			for _, l := range tb.Legend {
				if strings.Contains(l, "*") && !starred {
					t.Errorf("%s: the legend explains a * that the table does not show: %q", where, l)
				}
			}
		}
	}
	title := testBranding().AdvisorTitle
	signoff := doc.Sections[len(doc.Sections)-1]
	found := false
	for _, bl := range signoff.Blocks {
		for _, sg := range bl.Signatures {
			found = found || strings.Contains(sg.Role, title)
		}
	}
	if !found {
		t.Errorf("no signature carries the advisor's title %q", title)
	}
}

// Limits of the page rules, in mm.
const (
	// maxTableGap is the most room a page may leave empty under a table
	// that goes on on the next page.
	maxTableGap = 30.0
)

// checkPageRules checks where the pages broke.
func checkPageRules(t *testing.T, log *render.PageLog) {
	t.Helper()
	items := log.Items
	summaryPages := map[int]bool{}
	rowsOf := map[int]map[int]bool{} // table → its row indices
	for _, it := range items {
		if it.Section == "summary" {
			summaryPages[it.Page] = true
		}
		if it.What == render.PlacedRow {
			if rowsOf[it.Table] == nil {
				rowsOf[it.Table] = map[int]bool{}
			}
			rowsOf[it.Table][it.Row] = true
		}
	}
	if len(summaryPages) != 1 {
		var pages []int
		for p := range summaryPages {
			pages = append(pages, p)
		}
		sort.Ints(pages)
		t.Errorf("the summary runs over pages %v", pages)
	}
	// The agreement's sentence and the lines to sign share a page.
	agree, sign := 0, 0
	for _, it := range items {
		if it.Section == "signoff" && it.What == render.PlacedText && agree == 0 {
			agree = it.Page
		}
		if it.What == render.PlacedSignature && sign == 0 {
			sign = it.Page
		}
	}
	if agree != sign {
		t.Errorf("the agreement is on page %d, the signatures on page %d", agree, sign)
	}
	headerSeen := map[int]bool{}
	for i, it := range items {
		switch it.What {
		case render.PlacedTitle, render.PlacedHeading:
			// Something must follow on the same page; a heading before a
			// table needs the table's header and two rows there too.
			if i+1 == len(items) || items[i+1].Page != it.Page {
				t.Errorf("page %d: %s %q ends the page", it.Page, it.What, it.Text)
			}
		case render.PlacedHeader:
			checkHeaderWords(t, it)
			if headerSeen[it.Table] {
				// A repeated header: the page before must not have been
				// left half empty for a row that could have flowed.
				prevBottom := 0.0
				for j := i - 1; j >= 0 && items[j].Page == it.Page-1; j-- {
					prevBottom = max(prevBottom, items[j].Bottom)
				}
				if gap := log.BodyBottom - prevBottom; prevBottom > 0 && gap > maxTableGap {
					t.Errorf("page %d: %.0f mm left empty before the table (%s) goes on on page %d",
						it.Page-1, gap, it.Section, it.Page)
				}
				continue
			}
			headerSeen[it.Table] = true
			// Two rows under the header, or rows that fill the page: a
			// row part of two lines or more counts as a row.
			need := min(2, len(rowsOf[it.Table]))
			got, full := 0, false
			for j := i + 1; j < len(items) && items[j].Page == it.Page && items[j].Table == it.Table; j++ {
				if items[j].What == render.PlacedRow && (items[j].Whole || tallestCell(items[j]) >= 2) {
					got++
					full = !items[j].Whole
				}
			}
			if got < need && !(got > 0 && full) {
				t.Errorf("page %d: the header of a table in %s has %d rows under it, want %d",
					it.Page, it.Section, got, need)
			}
		}
	}
}

func tallestCell(it render.Placed) int {
	n := 0
	for _, c := range it.Cells {
		n = max(n, len(c))
	}
	return n
}

// checkHeaderWords fails when a column title was broken inside a word: each
// line break must fall at a space or after a hyphen or slash.
func checkHeaderWords(t *testing.T, it render.Placed) {
	t.Helper()
	for ci, lines := range it.Cells {
		if ci >= len(it.Titles) || len(lines) < 2 {
			continue
		}
		title := strings.Join(strings.Fields(layout.Sanitize(it.Titles[ci])), " ")
		rest := title
		for li, l := range lines[:len(lines)-1] {
			l = strings.TrimSpace(l)
			if !strings.HasPrefix(rest, l) {
				break // cut by the header's line cap; nothing to judge
			}
			rest = rest[len(l):]
			if !strings.HasPrefix(rest, " ") && !strings.HasSuffix(l, "-") && !strings.HasSuffix(l, "/") {
				t.Errorf("page %d: column title %q breaks inside a word after line %d %q", it.Page, title, li+1, l)
				break
			}
			rest = strings.TrimLeft(rest, " ")
		}
	}
}

// planFor is the plan of one testdata company's assessment, compared with
// the one before.
func planFor(t *testing.T, name string, assessment int, paper string) *Input {
	t.Helper()
	in := demoInput(t, demoFiles[name])
	f, err := os.Open(demoFiles[name])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := app.Decode(f, in.Ref, testCreated)
	if err != nil {
		t.Fatal(err)
	}
	in.Assessment, in.Previous, in.Paper = data.Assessments[assessment], nil, paper
	if assessment > 0 {
		in.Previous = &data.Assessments[assessment-1]
	}
	return in
}

func TestASummaryThatWouldSpillIsDrawnCloserAndOneThatFitsIsNot(t *testing.T) {
	// Småland's first assessment has four findings and five first actions:
	// at normal spacing its next review went overleaf on either paper.
	for _, paper := range []string{layout.PaperA4, layout.PaperLetter} {
		doc := build(t, planFor(t, "smaland-mobler", 0, paper), "sv")
		if k := summaryTightness(t, doc); k == 0 || k == render.MaxTight {
			t.Errorf("%s: tightness %d", paper, k)
		}
	}
	doc := build(t, planFor(t, "goteborg-medtech", 1, layout.PaperA4), "en")
	if k := summaryTightness(t, doc); k != 0 {
		t.Errorf("a summary that fits is drawn closer: %d", k)
	}
}

// summaryTightness is how much closer than normal the page log says the
// summary (the plan's first section, kept to one page) was drawn.
func summaryTightness(t *testing.T, doc *layout.Document) int {
	t.Helper()
	if s := doc.Sections[0]; s.ID != "summary" || !s.OnePage {
		t.Fatalf("the first section is %q, one page %v", s.ID, s.OnePage)
	}
	log, err := render.LayOut(doc)
	if err != nil {
		t.Fatal(err)
	}
	k, ok := log.Tight["summary"]
	if !ok {
		t.Fatal("the page log has no tightness for the summary")
	}
	return k
}

func TestLongActionDescriptionsFlowAcrossPages(t *testing.T) {
	in := planFor(t, "malmo-mat", 1, layout.PaperA4)
	long := strings.Repeat("Ett långt stycke om vad som ska göras, av vem och varför det spelar roll. ", 14)
	for i := range in.Assessment.Actions {
		in.Assessment.Actions[i].Description = long
	}
	log, err := render.LayOut(build(t, in, "sv"))
	if err != nil {
		t.Fatal(err)
	}
	checkPageRules(t, log)
	split := 0
	for _, it := range log.Items {
		if it.Section == "actions" && it.What == render.PlacedRow && !it.Whole {
			split++
		}
	}
	if split == 0 {
		t.Error("no action row flows over a page break")
	}
}

func TestEmptyColumnsAndTheLegendsAboutThemAreLeftOut(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	for i := range in.Assessment.Actions {
		in.Assessment.Actions[i].Actors, in.Assessment.Actions[i].Dimension = nil, ""
	}
	tb := sectionByID(t, build(t, in, "en"), "actions").Blocks[1].Table
	var titles []string
	for _, c := range tb.Columns {
		titles = append(titles, c.Title)
	}
	if got := strings.Join(titles, ","); got != "Action,Owner,Due,Status" || len(tb.Rows[0]) != 4 {
		t.Errorf("columns %s, %d cells", got, len(tb.Rows[0]))
	}
	if len(tb.Legend) != 0 {
		t.Errorf("legend for a column that is not there: %q", tb.Legend)
	}
	// The demo actions name their support organisations.
	tb = sectionByID(t, build(t, demoInput(t, demoFiles["malmo-mat"]), "en"), "actions").Blocks[1].Table
	if last := tb.Columns[len(tb.Columns)-1].Title; last != "Support" {
		t.Errorf("the demo plan has no Support column: %q", last)
	}
}

func TestTheAdvisorSignsUnderTheTitleFromTheSettings(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	role := func(lang string) string {
		sg := sectionByID(t, build(t, in, lang), "signoff")
		return sg.Blocks[len(sg.Blocks)-1].Signatures[0].Role
	}
	if got := role("sv"); got != "Exportrådgivare, Exportrådgivarna i Småland" {
		t.Errorf("advisor's role %q", got)
	}
	in.Branding.AdvisorTitle, in.Branding.Organisation = "", ""
	if got := role("en"); got != locales.MustNew("en").T("report.signoff.advisor") {
		t.Errorf("without a title: %q", got)
	}
}

// TestFallbackFacesStayOutOfPlansThatDoNotNeedThem checks that a plan that
// needs no fallback carries none (TestFallbackFacesDrawWhatNotoSansLacks checks
// which runes need one).
func TestFallbackFacesStayOutOfPlansThatDoNotNeedThem(t *testing.T) {
	var buf strings.Builder
	if err := render.Render(build(t, demoInput(t, demoFiles["malmo-mat"]), "sv"), &buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Symbola") || strings.Contains(buf.String(), "DroidSans") {
		t.Error("a fallback face is embedded in a plan that does not use it")
	}
}
