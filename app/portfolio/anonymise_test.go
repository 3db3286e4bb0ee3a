package portfolio

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// sameScores makes n clients with one assessment each, rated r everywhere
// (statements and every competence), choosing the modes and feeling the
// barriers given.
func sameScores(n, firstID, r int, modes []string, barriers map[string]int) []Client {
	var out []Client
	for k := range n {
		c := client(firstID+k, fmt.Sprintf("Bolag %d", firstID+k), rated("2026-01-15", r, r, r, r))
		comps := map[string]int{}
		for _, comp := range refData.Competences {
			comps[comp.ID] = r
		}
		out = append(out, with(c, modes, comps, barriers))
	}
	return out
}

func TestAnonymiseSuppressesFewerThanFiveCompanies(t *testing.T) {
	for n, suppressed := range map[int]bool{4: true, 5: false} {
		in := ComputeInsights(refData, sameScores(n, 1, 3, nil, nil), Filter{}, Period{}, insightsToday)
		a := Anonymise(in)
		if !a.Anonymised || a.Suppressed != suppressed {
			t.Errorf("%d companies: suppressed %v, want %v", n, a.Suppressed, suppressed)
		}
		if suppressed && (a.Companies != 0 || a.Assessments != 0 || a.Scores != nil || a.Barriers != nil) {
			t.Errorf("%d companies: a suppressed view shows %+v", n, a)
		}
		if !suppressed && (a.Companies != 5 || a.Scores[0].Count != 5 || a.Scores[0].Suppressed || a.Scores[0].Min != nil) {
			t.Errorf("5 companies: %+v", a.Scores[0])
		}
	}
}

// Four companies at 50 everywhere and one with only P rated (100): P has
// five scores and is shown, O, M and I have four and are suppressed.
func TestAnonymiseSuppressesADistributionOfFour(t *testing.T) {
	clients := sameScores(4, 1, 3, nil, nil)
	clients = append(clients, client(9, "P only", rated("2026-01-15", 5, 0, 0, 0)))
	a := Anonymise(ComputeInsights(refData, clients, Filter{}, Period{}, insightsToday))
	if a.Suppressed || a.Scores[0].Suppressed || a.Scores[0].Count != 5 {
		t.Errorf("P over 5 companies: %+v", a.Scores[0])
	}
	o := a.Scores[1]
	if !o.Suppressed || o.Count != 0 || o.Bands != nil || o.Median != 0 {
		t.Errorf("O over 4 companies: %+v", o)
	}
	// P: four at 50 and one at 100: bands 0 0 4 0 1 → 40–59 merges with
	// 60–79 (0) and then 80–100: one band 40–100 with 5.
	if got, want := ranges(a.Scores[0].Bands), [][3]int{{0, 19, 0}, {20, 39, 0}, {40, 100, 5}}; !slices.Equal(got, want) {
		t.Errorf("P bands %v, want %v", got, want)
	}
}

func TestMergeAdjacentRanges(t *testing.T) {
	for _, tc := range []struct{ in, want []int }{
		{[]int{2, 0, 6, 1, 4}, []int{8, 5}}, // 2+0+6 | 1+4
		{[]int{5, 0, 5, 0, 0}, []int{5, 0, 5, 0, 0}},
		{[]int{4, 6, 1, 1, 3}, []int{10, 5}}, // 4+6 | 1+1+3
		{[]int{9, 0, 0, 0, 4}, []int{13}},    // 4 merges back through the zeros into 9
		{[]int{3}, []int{3}},
	} {
		var rs []Range
		for k, n := range tc.in {
			rs = append(rs, Range{From: k, To: k, Companies: n})
		}
		got := mergeAdjacent(rs, rangeSize, joinRanges)
		var sizes []int
		for k, r := range got {
			sizes = append(sizes, r.Companies)
			if k > 0 && r.From != got[k-1].To+1 {
				t.Errorf("%v: ranges %v are not contiguous", tc.in, got)
			}
		}
		if !slices.Equal(sizes, tc.want) {
			t.Errorf("%v merged to %v, want %v", tc.in, sizes, tc.want)
		}
	}
}

func TestAnonymiseFrequencyAndMovement(t *testing.T) {
	in := Insights{
		Companies: 12,
		// 1×: 4, 2×: 2, 3×: 6 → 1–2×: 6, 3×: 6.
		Frequency: []Range{{1, 1, 4}, {2, 2, 2}, {3, 3, 6}},
		Movements: []Movement{
			{Dimension: ref.Personal, Companies: 12, Changes: []Count{{ID: ChangeImproved, Companies: 6}, {ID: ChangeSame, Companies: 3}, {ID: ChangeWorse, Companies: 3}}},
			{Dimension: ref.Market, Companies: 12, Changes: []Count{{ID: ChangeImproved, Companies: 10}, {ID: ChangeSame}, {ID: ChangeWorse, Companies: 2}}},
			{Dimension: ref.Institutional, Companies: 4, MeanChange: -3, Changes: []Count{{ID: ChangeImproved, Companies: 4}}},
		},
	}
	a := Anonymise(in)
	if got, want := ranges(a.Frequency), [][3]int{{1, 2, 6}, {3, 3, 6}}; !slices.Equal(got, want) {
		t.Errorf("frequency %v, want %v", got, want)
	}
	if got, want := counts(a.Movements[0].Changes), []string{"improved:6", "same+worse:6"}; !slices.Equal(got, want) {
		t.Errorf("P changes %v, want %v", got, want)
	}
	// Worse 2 cannot be shown, and "same 0" beside "improved 10" would give it away: all merge.
	if got, want := counts(a.Movements[1].Changes), []string{"improved+same+worse:12"}; !slices.Equal(got, want) {
		t.Errorf("M changes %v, want %v", got, want)
	}
	if i := a.Movements[2]; !i.Suppressed || i.Changes != nil || i.MeanChange != 0 {
		t.Errorf("I over 4 companies: %+v", i)
	}
	if got := SplitChange("same+worse"); !slices.Equal(got, []string{ChangeSame, ChangeWorse}) {
		t.Errorf("SplitChange: %v", got)
	}
}

func TestAnonymiseRankedListsMergeIntoOther(t *testing.T) {
	m := func(ids ...int) []int { return ids }
	for _, tc := range []struct {
		name string
		in   []Count
		want []string
	}{
		{"small items of five distinct companies", []Count{
			{ID: "a", Companies: 6, members: m(1, 2, 3, 4, 5, 6)},
			{ID: "b", Companies: 3, members: m(7, 8, 9)},
			{ID: "c", Companies: 2, members: m(10, 11)},
		}, []string{"a:6", "other:5"}},
		{"small items sharing a company count it once", []Count{
			{ID: "a", Companies: 6, members: m(1, 2, 3, 4, 5, 6)},
			{ID: "b", Companies: 3, members: m(7, 8, 9)},
			{ID: "c", Companies: 2, members: m(9, 10)},
		}, []string{"a:6"}},
		{"exactly five stays", []Count{{ID: "a", Companies: 5, members: m(1, 2, 3, 4, 5)}}, []string{"a:5"}},
		{"four goes", []Count{{ID: "a", Companies: 4, members: m(1, 2, 3, 4)}}, []string{}},
	} {
		if got := counts(mergeSmall(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Eight companies: five export directly, two license, one franchises and
// licenses; licensing (3) and franchising (1) join as "other" (3 distinct,
// dropped); with two more franchisers "other" has 5 and is shown.
func TestAnonymiseModesUsedByFewJoinOther(t *testing.T) {
	clients := sameScores(5, 1, 3, []string{"export_direct"}, map[string]int{"personnel": 1})
	clients = append(clients, sameScores(2, 10, 3, []string{"licensing"}, nil)...)
	clients = append(clients, sameScores(1, 20, 3, []string{"licensing", "franchising"}, nil)...)
	a := Anonymise(ComputeInsights(refData, clients, Filter{}, Period{}, insightsToday))
	if len(a.CompetenceGaps) != 1 || a.CompetenceGaps[0].Mode != "export_direct" || a.CompetenceGaps[0].Companies != 5 {
		t.Fatalf("modes %+v, want export_direct alone", a.CompetenceGaps)
	}
	// Rated 3 everywhere = below the required 4: all five lack each of export_direct's competences.
	if got, want := counts(a.CompetenceGaps[0].Gaps), []string{"distribution:5", "production:5", "sales_marketing:5"}; !slices.Equal(got, want) {
		t.Errorf("export_direct gaps %v, want %v", got, want)
	}
	if got := counts(a.Barriers); !slices.Equal(got, []string{"personnel:5"}) {
		t.Errorf("barriers %v", got)
	}

	clients = append(clients, sameScores(2, 30, 3, []string{"franchising"}, nil)...)
	a = Anonymise(ComputeInsights(refData, clients, Filter{}, Period{}, insightsToday))
	if len(a.CompetenceGaps) != 2 || a.CompetenceGaps[1].Mode != OtherID || a.CompetenceGaps[1].Companies != 5 {
		t.Fatalf("modes %+v, want export_direct and other (5)", a.CompetenceGaps)
	}
	// Licensing and franchising both need contract_negotiation: all five lack
	// it. Only the three licensers (10, 11, 20) need reputation and
	// technical_skills, only the three franchisers (20, 30, 31) brand_image,
	// management and quality: each is merged, their distinct companies are 5.
	if got, want := counts(a.CompetenceGaps[1].Gaps), []string{"contract_negotiation:5", "other:5"}; !slices.Equal(got, want) {
		t.Errorf("other gaps %v, want %v", got, want)
	}
}

// Property: whatever the portfolio, every figure of the anonymised view
// that counts companies is 0 or at least MinGroup, and its partitions add
// up to what they partition.
func TestAnonymisedFiguresNeverCountFewerThanFive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	modes := []string{"export_direct", "ecommerce", "licensing", "franchising", "importing"}
	barriers := []string{"working_capital", "personnel", "price_competition", "transport_costs"}
	for round := range 60 {
		var clients []Client
		for k := range rng.IntN(40) {
			var as []app.Assessment
			for range rng.IntN(3) + 1 {
				as = append(as, rated(fmt.Sprintf("2026-0%d-1%d", rng.IntN(9)+1, rng.IntN(9)), rng.IntN(6), rng.IntN(6), rng.IntN(6), rng.IntN(6)))
			}
			slices.SortFunc(as, func(a, b app.Assessment) int { return compareStrings(a.Date, b.Date) })
			c := client(k+1, fmt.Sprint("C", k), as...)
			clients = append(clients, with(c, pick(rng, modes), map[string]int{"production": rng.IntN(6)}, weights(rng, barriers)))
		}
		in := ComputeInsights(refData, clients, Filter{}, Period{}, insightsToday)
		checkAnonymous(t, round, Anonymise(in))
	}
}

func compareStrings(a, b string) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func pick(rng *rand.Rand, from []string) []string {
	var out []string
	for _, s := range from {
		if rng.IntN(3) == 0 {
			out = append(out, s)
		}
	}
	return out
}

func weights(rng *rand.Rand, ids []string) map[string]int {
	out := map[string]int{}
	for _, id := range pick(rng, ids) {
		out[id] = rng.IntN(3) + 1
	}
	return out
}

func checkAnonymous(t *testing.T, round int, a Insights) {
	t.Helper()
	bad := func(what string, n int) {
		if n > 0 && n < MinGroup {
			t.Errorf("round %d: %s shows %d companies", round, what, n)
		}
	}
	bad("companies", a.Companies)
	bad("unassessed", a.Unassessed)
	sum := 0
	for _, r := range a.Frequency {
		bad("frequency", r.Companies)
		sum += r.Companies
	}
	if sum != a.Companies {
		t.Errorf("round %d: frequency adds up to %d of %d", round, sum, a.Companies)
	}
	for _, d := range a.Scores {
		bad("distribution", d.Count)
		for _, b := range d.Bands {
			bad("band", b.Companies)
		}
		if d.Min != nil || d.Max != nil {
			t.Errorf("round %d: min/max shown", round)
		}
	}
	for _, m := range a.Movements {
		bad("movement", m.Companies)
		for _, c := range m.Changes {
			bad("change", c.Companies)
		}
	}
	for _, list := range [][]Count{a.Barriers, a.Recommendations} {
		for _, c := range list {
			bad(c.ID, c.Companies)
		}
	}
	for _, mg := range a.CompetenceGaps {
		bad("mode "+mg.Mode, mg.Companies)
		for _, c := range mg.Gaps {
			bad(mg.Mode+" "+c.ID, c.Companies)
		}
	}
	if a.Suppressed && (a.Companies != 0 || a.Scores != nil) {
		t.Errorf("round %d: suppressed view with figures", round)
	}
}
