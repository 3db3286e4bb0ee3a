package portfolioreport_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/portfolioreport"
	"github.com/pomi-planner/pomi/report/render"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// fakePortfolio is a real store in a temp folder with the three demo
// companies and n fictional ones, every other one assessed twice (so the
// gaps move), read back as the CLI reads it.
func fakePortfolio(t *testing.T, n int) (*ref.Data, []portfolio.Client) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	once, err := fakeco.Companies(n/2, 7, today)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := fakeco.WithHistory(n-n/2, 2, 8, today)
	if err != nil {
		t.Fatal(err)
	}
	for i, doc := range append(once, twice...) {
		doc.Company.OrgNr = fakeco.OrgNr(i) // the two sets would repeat org.nrs
		if _, err := s.ImportDocument(ctx, doc, app.ImportRefuseDuplicate); err != nil {
			t.Fatalf("company %d: %v", i, err)
		}
	}
	if _, err := demo.Load(ctx, s, ref.MustLoad(), today); err != nil {
		t.Fatal(err)
	}
	clients, err := s.Portfolio(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := s.Reference(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return d, clients
}

// TestEveryReportKeepsItsTablesTogether lays out the report of portfolios
// of several sizes, anonymised and named, in both languages on both
// papers, and checks where the pages broke: no table leaves a row alone
// (or its header) on a page, no heading or title ends a page, no legend
// starts one, no page is empty.
func TestEveryReportKeepsItsTablesTogether(t *testing.T) {
	for _, size := range []int{0, 40, 300} {
		d, clients := demoClients(t)
		if size > 0 {
			d, clients = fakePortfolio(t, size)
		}
		for _, named := range []bool{false, true} {
			for _, lang := range locales.Languages() {
				for _, paper := range []string{layout.PaperA4, layout.PaperLetter} {
					name := fmt.Sprintf("%d/named=%v/%s/%s", len(clients), named, lang, paper)
					t.Run(name, func(t *testing.T) {
						in := input(d, clients, named)
						in.Paper = paper
						checkLayout(t, in, lang)
					})
				}
			}
		}
	}
}

// checkLayout builds the report and checks the renderer's page rules.
func checkLayout(t *testing.T, in *portfolioreport.Input, lang string) *render.PageLog {
	t.Helper()
	doc, err := portfolioreport.Build(in, locales.MustNew(lang))
	if err != nil {
		t.Fatal(err)
	}
	log, err := render.LayOut(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range log.Problems() {
		t.Error(p)
	}
	return log
}

// The score bands' table (one row per dimension) of 43 companies used to
// break after three of its four rows, leaving the fourth alone under a
// repeated header at the top of page 3: now it goes whole with its heading.
func TestTheScoreBandsStayTogether(t *testing.T) {
	d, clients := fakePortfolio(t, 40)
	for _, lang := range locales.Languages() {
		log := checkLayout(t, input(d, clients, false), lang)
		pages := map[int]bool{}
		heading := 0
		for _, it := range log.Items {
			if it.Section != portfolioreport.SectionScores {
				continue
			}
			if it.What == render.PlacedHeading {
				heading = it.Page
			}
			if heading > 0 && (it.What == render.PlacedRow || it.What == render.PlacedHeader) {
				pages[it.Page] = true
			}
		}
		if len(pages) != 1 || !pages[heading] {
			t.Errorf("%s: the bands' heading is on page %d, their table on pages %v", lang, heading, pages)
		}
	}
}

// A band ("80–100: 0") or a change ("smaller 2") is never broken across
// lines: the bands' and changes' lines may break only between items.
func TestBandsAndChangesBreakOnlyBetweenItems(t *testing.T) {
	d, clients := fakePortfolio(t, 40)
	for _, lang := range locales.Languages() {
		doc, err := portfolioreport.Build(input(d, clients, true), locales.MustNew(lang))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Sections {
			for _, bl := range s.Blocks {
				if bl.Table == nil {
					continue
				}
				for _, row := range bl.Table.Rows {
					for _, c := range row {
						checkBreaks(t, c.Text)
					}
				}
			}
		}
	}
}

// checkBreaks fails when a line could break at a space that does not
// follow a dot or a plus, or that leaves a number alone.
func checkBreaks(t *testing.T, text string) {
	t.Helper()
	if !strings.Contains(text, "·") {
		return
	}
	words := strings.Split(text, " ")
	for i, w := range words[:len(words)-1] {
		if !strings.HasSuffix(w, "·") && w != "+" && !strings.HasSuffix(words[i+1], "+") && words[i+1] != "+" {
			t.Errorf("%q may break after %q", text, w)
		}
	}
}
