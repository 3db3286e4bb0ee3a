package portfolio

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

var insightsToday = day("2026-03-15")

func ranges(rs []Range) [][3]int {
	out := [][3]int{}
	for _, r := range rs {
		out = append(out, [3]int{r.From, r.To, r.Companies})
	}
	return out
}

func counts(cs []Count) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID+":"+itoa(c.Companies))
	}
	return out
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestInsightsOfAHandMadePortfolio(t *testing.T) {
	in := ComputeInsights(refData, handPortfolio(), Filter{}, Period{}, insightsToday)
	// A–G are assessed (3+2+2+1+1+1+1 = 11 assessments), H is not.
	if in.Companies != 7 || in.Unassessed != 1 || in.Assessments != 11 {
		t.Errorf("companies %d unassessed %d assessments %d, want 7 1 11", in.Companies, in.Unassessed, in.Assessments)
	}
	// Once: D E F G; twice: B C; three times: A.
	if got, want := ranges(in.Frequency), [][3]int{{1, 1, 4}, {2, 2, 2}, {3, 3, 1}}; !slices.Equal(got, want) {
		t.Errorf("frequency %v, want %v", got, want)
	}
	checkDistributions(t, in.Scores)
	checkMovements(t, in.Movements)
	// working_capital: A B C F; personnel: A E; price_competition: C.
	if got, want := counts(in.Barriers), []string{"working_capital:4", "personnel:2", "price_competition:1"}; !slices.Equal(got, want) {
		t.Errorf("barriers %v, want %v", got, want)
	}
	checkModeGaps(t, in.CompetenceGaps)
}

// P over A–G: 0 25 50 75 100 0 50 → sorted 0 0 25 50 50 75 100: Q1 at
// position 1.5 = 12.5, median 50, Q3 at 4.5 = 62.5, mean 300/7. I over A–E:
// 75 100 50 75 100 → sorted 50 75 75 100 100: Q1 75, median 75, Q3 100, mean 80.
func checkDistributions(t *testing.T, ds []Distribution) {
	t.Helper()
	if len(ds) != 4 || ds[0].Dimension != ref.Personal || ds[3].Dimension != ref.Institutional {
		t.Fatalf("distributions %+v", ds)
	}
	p, i := ds[0], ds[3]
	if p.Count != 7 || *p.Min != 0 || *p.Max != 100 {
		t.Errorf("P count %d min %v max %v", p.Count, *p.Min, *p.Max)
	}
	checkNear(t, "P Q1", p.Q1, 12.5)
	checkNear(t, "P median", p.Median, 50)
	checkNear(t, "P Q3", p.Q3, 62.5)
	checkNear(t, "P mean", p.Mean, 300.0/7)
	if got, want := ranges(p.Bands), [][3]int{{0, 19, 2}, {20, 39, 1}, {40, 59, 2}, {60, 79, 1}, {80, 100, 1}}; !slices.Equal(got, want) {
		t.Errorf("P bands %v, want %v", got, want)
	}
	if i.Count != 5 || *i.Min != 50 || *i.Max != 100 {
		t.Errorf("I count %d min %v max %v", i.Count, *i.Min, *i.Max)
	}
	checkNear(t, "I Q1", i.Q1, 75)
	checkNear(t, "I median", i.Median, 75)
	checkNear(t, "I Q3", i.Q3, 100)
	checkNear(t, "I mean", i.Mean, 80)
	if got := ranges(i.Bands); got[2][2] != 1 || got[3][2] != 2 || got[4][2] != 2 || got[0][2]+got[1][2] != 0 {
		t.Errorf("I bands %v, want 0 0 1 2 2", got)
	}
}

// Gaps first → latest: A 75 75 75 75 → 75 50 25 0 (same, −25, −50, −75);
// B 25 25 25 25 → 50 25 0 0 (+25, 0, −25, −25); C 0 0 0 0 → 25 25 25 25 (+25 each).
func checkMovements(t *testing.T, ms []Movement) {
	t.Helper()
	want := map[ref.Dimension]struct {
		improved, same, worse int
		mean                  float64
	}{
		ref.Personal:       {0, 1, 2, 50.0 / 3},
		ref.Organizational: {1, 1, 1, 0},
		ref.Market:         {2, 0, 1, -50.0 / 3},
		ref.Institutional:  {2, 0, 1, -25},
	}
	for _, m := range ms {
		w := want[m.Dimension]
		got := []int{m.Changes[0].Companies, m.Changes[1].Companies, m.Changes[2].Companies}
		if m.Companies != 3 || !slices.Equal(got, []int{w.improved, w.same, w.worse}) || m.Changes[1].ID != ChangeSame {
			t.Errorf("%s: companies %d changes %v, want 3 %v", m.Dimension, m.Companies, got, w)
		}
		checkNear(t, string(m.Dimension)+" mean change", m.MeanChange, w.mean)
	}
}

// export_direct: A (production 2) and B (production 3, distribution 1).
// ecommerce: B (distribution 1, after_sales 2) and C (after_sales 3,
// brand_image 1; sales_marketing "don't know" is no gap). Ties by id.
func checkModeGaps(t *testing.T, ms []ModeGaps) {
	t.Helper()
	if len(ms) != 2 || ms[0].Mode != "ecommerce" || ms[1].Mode != "export_direct" || ms[0].Companies != 2 || ms[1].Companies != 2 {
		t.Fatalf("modes %+v", ms)
	}
	if got, want := counts(ms[0].Gaps), []string{"after_sales:2", "brand_image:1", "distribution:1"}; !slices.Equal(got, want) {
		t.Errorf("ecommerce gaps %v, want %v", got, want)
	}
	if got, want := counts(ms[1].Gaps), []string{"production:2", "distribution:1"}; !slices.Equal(got, want) {
		t.Errorf("export_direct gaps %v, want %v", got, want)
	}
}

// Each recommendation counts the companies whose latest assessment gets it,
// once each, whatever the number of assessments.
func TestInsightsCountRecommendationsPerCompany(t *testing.T) {
	clients := handPortfolio()
	in := ComputeInsights(refData, clients, Filter{}, Period{}, insightsToday)
	want := map[string]int{}
	for i := range clients {
		c := &clients[i]
		if k := latestIndex(c.Assessments); k >= 0 {
			for _, r := range app.Analyze(refData, &c.Company, &c.Assessments[k].Assessment).Recommendations {
				want[r.ID]++
			}
		}
	}
	if len(want) == 0 || len(in.Recommendations) != len(want) {
		t.Fatalf("%d recommendations, want %d", len(in.Recommendations), len(want))
	}
	for k, r := range in.Recommendations {
		if r.Companies != want[r.ID] || r.Companies > in.Companies {
			t.Errorf("%s: %d, want %d", r.ID, r.Companies, want[r.ID])
		}
		if k > 0 && (r.Companies > in.Recommendations[k-1].Companies ||
			r.Companies == in.Recommendations[k-1].Companies && r.ID < in.Recommendations[k-1].ID) {
			t.Errorf("not ordered by count, then id at %d", k)
		}
	}
}

func TestInsightsPeriodEdges(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		p                      Period
		companies, assessments int
		pMedian                float64
	}{
		// A's 2025-06-10 (P 100) and C's 2025-12-31 (P 100): both ends included.
		{"closed, edges in", Period{From: day("2025-06-10"), To: day("2025-12-31")}, 2, 2, 100},
		// Only A's 2025-06-10 remains.
		{"end before C", Period{From: day("2025-06-10"), To: day("2025-12-30")}, 1, 1, 100},
		// A's 2025-01-10 (P 0) and B's 2025-03-01 (P 50): median 25.
		{"open start", Period{To: day("2025-06-09")}, 2, 2, 25},
		// A, B, C latest (2026-01-10, 02-01, 03-01) and D–G: A's P is 0, B 25, C 50, D 75, E 100, F 0, G 50.
		{"open end", Period{From: day("2026-01-10")}, 7, 7, 50},
		{"time of day does not count", Period{From: day("2025-06-10").Add(23 * time.Hour), To: day("2025-06-10").Add(time.Hour)}, 1, 1, 100},
		{"nothing in it", Period{From: day("2030-01-01")}, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := ComputeInsights(refData, handPortfolio(), Filter{}, tc.p, insightsToday)
			if in.Companies != tc.companies || in.Assessments != tc.assessments || in.Companies+in.Unassessed != 8 {
				t.Errorf("companies %d assessments %d unassessed %d", in.Companies, in.Assessments, in.Unassessed)
			}
			checkNear(t, "P median", in.Scores[0].Median, tc.pMedian)
		})
	}
}

func TestInsightsInAPeriodMoveFromItsOwnFirstAssessment(t *testing.T) {
	// Up to 2025-12-31, A has 2025-01-10 (gaps 75) and 2025-06-10 (gaps 0):
	// improved by 75 in every dimension; B and C have one assessment each.
	in := ComputeInsights(refData, handPortfolio(), Filter{}, Period{To: day("2025-12-31")}, insightsToday)
	for _, m := range in.Movements {
		if m.Companies != 1 || m.Changes[0].Companies != 1 || m.MeanChange != -75 {
			t.Errorf("%s: %+v", m.Dimension, m)
		}
	}
}

func TestInsightsWithAFilter(t *testing.T) {
	in := ComputeInsights(refData, handPortfolio(), Filter{Modes: []string{"ecommerce"}}, Period{}, insightsToday)
	// B and C: P 25 and 50.
	if in.Companies != 2 || in.Assessments != 4 || in.Unassessed != 0 || in.Scores[0].Count != 2 {
		t.Errorf("ecommerce: %d companies, %d assessments", in.Companies, in.Assessments)
	}
	checkNear(t, "P mean", in.Scores[0].Mean, 37.5)
	empty := ComputeInsights(refData, handPortfolio(), Filter{Search: "nobody"}, Period{}, insightsToday)
	if empty.Companies != 0 || len(empty.Scores) != 4 || empty.Scores[0].Count != 0 || empty.Barriers == nil {
		t.Errorf("an empty selection: %+v", empty)
	}
}

func TestInsightsHoldNoCompanyNames(t *testing.T) {
	clients := handPortfolio()
	for i := range clients {
		clients[i].Company.Name = "Hemligt Företag " + itoa(i)
	}
	in := ComputeInsights(refData, clients, Filter{}, Period{}, insightsToday)
	for _, view := range []Insights{in, Anonymise(in)} {
		b, err := json.Marshal(view)
		if err != nil || strings.Contains(string(b), "Hemligt") {
			t.Errorf("insights name a company or fail: %v", err)
		}
	}
}
