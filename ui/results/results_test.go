package results

import (
	"slices"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/radar"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// hyperlinks collects the links under o.
func hyperlinks(o fyne.CanvasObject) []*widget.Hyperlink {
	var out []*widget.Hyperlink
	switch v := o.(type) {
	case *widget.Hyperlink:
		out = append(out, v)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, hyperlinks(c)...)
		}
	}
	return out
}

func TestResultsShowTheExampleProfileInFourAxes(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	if v.empty != nil || v.radar == nil {
		t.Fatal("the example company shows the empty state")
	}
	want := []string{"Personlig internationell inställning/erfarenhet", "Organisatoriska kompetenser och resurser", "Marknadskompetens", "Institutionell kunskap"}
	if !slices.Equal(v.radar.Axes, want) {
		t.Errorf("axes %q", v.radar.Axes)
	}
	an := s.Analysis()
	styles := map[radar.Style]radar.Series{}
	for _, sr := range v.radar.Series {
		styles[sr.Style] = sr
	}
	current, ok := styles[radar.Current]
	if !ok || len(styles) != 3 {
		t.Fatalf("series %+v, want target, previous and current", v.radar.Series)
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
	if cells := uitest.TableBody(t, v.dimensions); len(cells) != 4*5 {
		t.Errorf("dimension table has %d cells", len(cells))
	}
}

func TestResultsMatrixHasARowPerRequiredCompetence(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	an := s.Analysis()
	cols := 1 + len(s.Assessment().Modes)
	cells := uitest.TableBody(t, v.matrix)
	if len(an.Competences) == 0 || len(cells) != len(an.Competences)*cols {
		t.Fatalf("%d cells for %d competences × %d columns", len(cells), len(an.Competences), cols)
	}
	for r, g := range an.Competences {
		name := uitest.AllTexts(cells[r*cols])[0]
		if name != s.Loc.T(ref.CompetenceName(g.Competence)) {
			t.Errorf("row %d is %q, want %s", r, name, g.Competence)
		}
		if g.Gap == nil {
			continue
		}
		// Every mode requiring the competence shows its gap as a number too.
		texts := uitest.AllTexts(container.NewVBox(cells[r*cols+1 : (r+1)*cols]...))
		gap := "Gap " + s.Loc.Number(float64(*g.Gap), 0)
		if n := strings.Count(strings.Join(texts, "|"), gap); n != len(g.Modes) {
			t.Errorf("%s: %q appears %d times in %q, want %d", g.Competence, gap, n, texts, len(g.Modes))
		}
	}
}

func TestResultsListRecommendationsWithTheirActors(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	v := newView(s)
	w.SetContent(v.Content())
	an := s.Analysis()
	if n := len(v.recs.Objects); n != min(len(an.Recommendations), topRecommendations) || n < 5 {
		t.Fatalf("%d recommendations shown of %d", n, len(an.Recommendations))
	}
	first := uitest.AllTexts(v.recs.Objects[0])
	if first[0] != s.Loc.T(ref.RecommendationTitle(an.Recommendations[0].ID)) {
		t.Errorf("first recommendation %q", first[0])
	}
	links := hyperlinks(v.recs)
	if len(links) == 0 {
		t.Fatal("no support organisation is linked")
	}
	for _, l := range links {
		if l.URL == nil || l.URL.Scheme != "https" || l.Text == "" {
			t.Errorf("link %q to %v", l.Text, l.URL)
		}
	}
	if all := strings.Join(uitest.AllTexts(v.barriers), "|"); !strings.Contains(all, "Plats ") {
		t.Errorf("barriers without their rank: %q", all)
	}
}

func TestResultsSayWhenTheSizeIsUnknown(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "en", true, uitest.ExampleCompany)
	s.EditCompany(func(c *app.Company) { c.Employees = nil })
	v := newView(s)
	w.SetContent(v.Content())
	cells := uitest.TableBody(t, v.benchmark)
	if len(cells) != 3*3 {
		t.Fatalf("benchmark has %d cells, want measure, company and all companies in 3 rows", len(cells))
	}
	all := strings.Join(uitest.AllTexts(v.Content()), "\n")
	if !strings.Contains(all, s.Loc.T("report.benchmark.no_size")) || !strings.Contains(all, "All companies (1+ employees)") {
		t.Errorf("no word about the unknown size in %q", all)
	}
}

func TestResultsOfAFreshCompanySayWhatToFillIn(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", false, "Nystartat AB")
	v := newView(s)
	w.SetContent(v.Content())
	if v.empty == nil || v.radar != nil {
		t.Fatal("a fresh company shows results")
	}
	all := strings.Join(uitest.AllTexts(v.empty), "\n")
	for _, step := range []string{"modes", "competences", "statements"} {
		if !strings.Contains(all, s.Loc.T("ui.step."+step)) {
			t.Errorf("the empty state does not name the step %s: %q", step, all)
		}
	}
}

func TestResultsMarkup(t *testing.T) {
	s, _, w := uitest.OpenSession(t, "sv", true, uitest.ExampleCompany)
	w.SetContent(newView(s).Content())
	uitest.Settle(w)
	test.AssertRendersToMarkup(t, "results.xml", w.Canvas())
}
