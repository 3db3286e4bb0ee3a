package portfolioreport_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/pdftest"
	"github.com/pomi-planner/pomi/internal/portfoliotest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/portfolioreport"
	"github.com/pomi-planner/pomi/report/render"
)

// today is the advisor's day in these tests, after every demo assessment.
var today = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// demoClients is a real store in a temp folder with the three demo
// companies (two assessments each), read back as the CLI reads it.
func demoClients(t *testing.T) (*ref.Data, []portfolio.Client) {
	t.Helper()
	d, clients, _ := portfoliotest.Demo(t, today)
	return d, clients
}

func input(d *ref.Data, clients []portfolio.Client, named bool) *portfolioreport.Input {
	in := &portfolioreport.Input{
		Insights: portfolio.ComputeInsights(d, clients, portfolio.Filter{}, portfolio.Period{}, today),
		Named:    named, Created: today, Version: "test",
		Branding: app.Branding{Organisation: "Exportcentrum Jönköping", PrimaryColor: "#0b6e4f", AdvisorName: "Per Holm"},
	}
	for _, c := range clients {
		in.Companies = append(in.Companies, c.Company)
	}
	return in
}

// pdfText builds and renders the report and returns its pages' text.
func pdfText(t *testing.T, in *portfolioreport.Input, lang string) (*layout.Document, []string) {
	t.Helper()
	doc, err := portfolioreport.Build(in, locales.MustNew(lang))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := render.Render(doc, &buf); err != nil {
		t.Fatal(err)
	}
	pages := pdftest.PageTexts(t, pdftest.File(t, buf.Bytes()))
	for i := range pages {
		pages[i] = pdftest.Flat(pages[i])
	}
	return doc, pages
}

func sectionIDs(doc *layout.Document) []string {
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	return ids
}

// companyWords are the demo companies' names and org.nrs.
func companyWords(clients []portfolio.Client) []string {
	var words []string
	for _, c := range clients {
		words = append(words, c.Company.Name, c.Company.OrgNr)
	}
	return words
}

func TestAnonymisedReportOfThreeCompaniesSaysSoAndNamesNone(t *testing.T) {
	d, clients := demoClients(t)
	for lang, want := range map[string]string{
		"sv": "Färre än 5 företag har en bedömning i perioden, så den anonymiserade rapporten visar inga siffror.",
		"en": "Fewer than 5 companies have an assessment in the period, so the anonymised report shows no figures.",
	} {
		doc, pages := pdfText(t, input(d, clients, false), lang)
		if got := sectionIDs(doc); !slices.Equal(got, []string{portfolioreport.SectionAbout}) {
			t.Errorf("%s: sections %v, want the about section alone", lang, got)
		}
		all := strings.Join(pages, "\n")
		if !strings.Contains(all, want) {
			t.Errorf("%s: the PDF does not say that too few companies are shown:\n%s", lang, all)
		}
		for _, w := range companyWords(clients) {
			if strings.Contains(all, w) {
				t.Errorf("%s: the anonymised PDF names %q", lang, w)
			}
		}
		if !strings.Contains(pages[0], "Exportcentrum Jönköping") {
			t.Errorf("%s: the cover lacks the organisation: %s", lang, pages[0])
		}
	}
}

func TestNamedReportListsTheCompaniesAndHasEverySectionInOrder(t *testing.T) {
	d, clients := demoClients(t)
	doc, pages := pdfText(t, input(d, clients, true), "sv")
	want := []string{portfolioreport.SectionAbout, portfolioreport.SectionFigures, portfolioreport.SectionScores,
		portfolioreport.SectionGaps, portfolioreport.SectionBarriers, portfolioreport.SectionRecommendations,
		portfolioreport.SectionMovements, portfolioreport.SectionCompanies}
	if got := sectionIDs(doc); !slices.Equal(got, want) {
		t.Fatalf("sections %v, want %v", got, want)
	}
	all := strings.Join(pages, "\n")
	for _, w := range append(companyWords(clients), "Portföljrapport", "Nyckeltal", "Median", "kvartil",
		"Företagen i rapporten", "3 företag har en bedömning i perioden") {
		if !strings.Contains(all, w) {
			t.Errorf("the named PDF lacks %q", w)
		}
	}
	// The titles come in the order of the sections.
	at := -1
	for _, s := range doc.Sections {
		i := strings.Index(all, s.Title)
		if i <= at {
			t.Errorf("section %q at %d, not after the one before (%d)", s.Title, i, at)
		}
		at = i
	}
}

// Six companies (the demo's three, twice) pass the anonymisation: the
// figures are shown without a name, a minimum or a maximum.
func TestAnonymisedReportOfSixCompaniesShowsFiguresWithoutNames(t *testing.T) {
	d, clients := demoClients(t)
	six := append(slices.Clone(clients), clients...)
	for i := range six {
		six[i].ID = app.CompanyID(i + 1)
	}
	in := input(d, six, false)
	in.Filter = portfolio.Filter{Search: clients[0].Company.Name}
	doc, pages := pdfText(t, in, "en")
	if len(doc.Sections) != 7 {
		t.Errorf("sections %v, want all but the list of companies", sectionIDs(doc))
	}
	all := strings.Join(pages, "\n")
	for _, w := range []string{"Key figures", "Companies assessed in the period 6", "quartile", "not shown in the anonymised report"} {
		if !strings.Contains(all, w) {
			t.Errorf("the anonymised PDF lacks %q", w)
		}
	}
	for _, w := range append(companyWords(clients), "Lowest", "Highest", "The companies in this report") {
		if strings.Contains(all, w) {
			t.Errorf("the anonymised PDF shows %q", w)
		}
	}
}

func TestBuildRefusesAnUnknownPaperSize(t *testing.T) {
	if _, err := portfolioreport.Build(&portfolioreport.Input{Paper: "a3"}, locales.MustNew("en")); err == nil {
		t.Error("paper a3: no error")
	}
	if _, err := portfolioreport.Build(nil, locales.MustNew("en")); err == nil {
		t.Error("nil input: no error")
	}
}
