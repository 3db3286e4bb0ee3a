package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// resultsAllTexts collects the text of every label, link, button and
// canvas text under o, in tree order.
func resultsAllTexts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *canvas.Text:
		out = append(out, v.Text)
	case *widget.Label:
		out = append(out, v.Text)
	case *widget.Hyperlink:
		out = append(out, v.Text)
	case *widget.Button:
		out = append(out, v.Text)
	case *widget.Select:
		out = append(out, v.Selected)
	case *container.Scroll:
		out = append(out, resultsAllTexts(v.Content)...)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, resultsAllTexts(c)...)
		}
	}
	return out
}

// resultsHyperlinks collects the links under o.
func resultsHyperlinks(o fyne.CanvasObject) []*widget.Hyperlink {
	var out []*widget.Hyperlink
	switch v := o.(type) {
	case *widget.Hyperlink:
		out = append(out, v)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, resultsHyperlinks(c)...)
		}
	}
	return out
}

// resultsTableBody returns the cells of a table made by resultsTable.
func resultsTableBody(t *testing.T, table *fyne.Container) []fyne.CanvasObject {
	t.Helper()
	if table == nil || len(table.Objects) != 3 {
		t.Fatalf("not a results table: %v", table)
	}
	return table.Objects[2].(*fyne.Container).Objects
}

func TestResultsShowTheExampleProfileInFourAxes(t *testing.T) {
	s, _, w := openTestSession(t, "sv", true, exampleCompany)
	v := newResultsView(s)
	w.SetContent(v.Content())
	if v.empty != nil || v.radar == nil {
		t.Fatal("the example company shows the empty state")
	}
	want := []string{"Personlig internationell inställning/erfarenhet", "Organisatoriska kompetenser och resurser", "Marknadskompetens", "Institutionell kunskap"}
	if !slices.Equal(v.radar.axes, want) {
		t.Errorf("axes %q", v.radar.axes)
	}
	an := s.Analysis()
	styles := map[RadarStyle]RadarSeries{}
	for _, sr := range v.radar.series {
		styles[sr.Style] = sr
	}
	current, ok := styles[RadarCurrent]
	if !ok || len(styles) != 3 {
		t.Fatalf("series %+v, want target, previous and current", v.radar.series)
	}
	for i, dim := range ref.Dimensions {
		got, wantScore := current.Values[i], an.Dimension(dim).Score
		if (got == nil) != (wantScore == nil) || (got != nil && *got != *wantScore) {
			t.Errorf("%s: radar %v, analysis %v", dim, got, wantScore)
		}
	}
	words := app.Explain(s.Data, s.Company(), an, s.Loc, "sv")
	if !strings.HasPrefix(v.summary.Text, words.Summary[0]) {
		t.Errorf("summary %q does not start with %q", v.summary.Text, words.Summary[0])
	}
	// Four rows of dimension, score, target, gap and change since the previous.
	if cells := resultsTableBody(t, v.dimensions); len(cells) != 4*5 {
		t.Errorf("dimension table has %d cells", len(cells))
	}
}

func TestResultsMatrixHasARowPerRequiredCompetence(t *testing.T) {
	s, _, w := openTestSession(t, "sv", true, exampleCompany)
	v := newResultsView(s)
	w.SetContent(v.Content())
	an := s.Analysis()
	cols := 1 + len(s.Assessment().Modes)
	cells := resultsTableBody(t, v.matrix)
	if len(an.Competences) == 0 || len(cells) != len(an.Competences)*cols {
		t.Fatalf("%d cells for %d competences × %d columns", len(cells), len(an.Competences), cols)
	}
	for r, g := range an.Competences {
		name := resultsAllTexts(cells[r*cols])[0]
		if name != s.Loc.T(ref.CompetenceName(g.Competence)) {
			t.Errorf("row %d is %q, want %s", r, name, g.Competence)
		}
		if g.Gap == nil {
			continue
		}
		// Every mode requiring the competence shows its gap as a number too.
		texts := resultsAllTexts(container.NewVBox(cells[r*cols+1 : (r+1)*cols]...))
		gap := "Gap " + s.Loc.Number(float64(*g.Gap), 0)
		if n := strings.Count(strings.Join(texts, "|"), gap); n != len(g.Modes) {
			t.Errorf("%s: %q appears %d times in %q, want %d", g.Competence, gap, n, texts, len(g.Modes))
		}
	}
}

func TestResultsListRecommendationsWithTheirActors(t *testing.T) {
	s, _, w := openTestSession(t, "sv", true, exampleCompany)
	v := newResultsView(s)
	w.SetContent(v.Content())
	an := s.Analysis()
	if n := len(v.recs.Objects); n != min(len(an.Recommendations), resultsTopRecommendations) || n < 5 {
		t.Fatalf("%d recommendations shown of %d", n, len(an.Recommendations))
	}
	first := resultsAllTexts(v.recs.Objects[0])
	if first[0] != s.Loc.T(ref.RecommendationTitle(an.Recommendations[0].ID)) {
		t.Errorf("first recommendation %q", first[0])
	}
	links := resultsHyperlinks(v.recs)
	if len(links) == 0 {
		t.Fatal("no support organisation is linked")
	}
	for _, l := range links {
		if l.URL == nil || l.URL.Scheme != "https" || l.Text == "" {
			t.Errorf("link %q to %v", l.Text, l.URL)
		}
	}
	if all := strings.Join(resultsAllTexts(v.barriers), "|"); !strings.Contains(all, "Plats ") {
		t.Errorf("barriers without their rank: %q", all)
	}
}

func TestResultsSayWhenTheSizeIsUnknown(t *testing.T) {
	s, _, w := openTestSession(t, "en", true, exampleCompany)
	s.EditCompany(func(c *app.Company) { c.Employees = nil })
	v := newResultsView(s)
	w.SetContent(v.Content())
	cells := resultsTableBody(t, v.benchmark)
	if len(cells) != 3*3 {
		t.Fatalf("benchmark has %d cells, want measure, company and all companies in 3 rows", len(cells))
	}
	all := strings.Join(resultsAllTexts(v.Content()), "\n")
	if !strings.Contains(all, s.Loc.T("report.benchmark.no_size")) || !strings.Contains(all, "All companies (1+ employees)") {
		t.Errorf("no word about the unknown size in %q", all)
	}
}

func TestResultsOfAFreshCompanySayWhatToFillIn(t *testing.T) {
	s, _, w := openTestSession(t, "sv", false, "Nystartat AB")
	v := newResultsView(s)
	w.SetContent(v.Content())
	if v.empty == nil || v.radar != nil {
		t.Fatal("a fresh company shows results")
	}
	all := strings.Join(resultsAllTexts(v.empty), "\n")
	for _, step := range []string{"modes", "competences", "statements"} {
		if !strings.Contains(all, s.Loc.T("ui.step."+step)) {
			t.Errorf("the empty state does not name the step %s: %q", step, all)
		}
	}
}

func TestResultsMarkup(t *testing.T) {
	s, _, w := openTestSession(t, "sv", true, exampleCompany)
	w.SetContent(newResultsView(s).Content())
	resultsSettle(w)
	test.AssertRendersToMarkup(t, "results.xml", w.Canvas())
}

// resultsSettle lays the window out a few times, as the real driver does
// frame by frame, so wrapped labels reach their height at the new width.
func resultsSettle(w fyne.Window) {
	for range 3 {
		w.Content().Refresh()
	}
}
