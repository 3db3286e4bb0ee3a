package portfolio

import (
	"slices"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

func score(dim ref.Dimension, v float64) app.DimensionScore {
	return app.DimensionScore{Dimension: dim, Score: &v, Target: 75}
}

// tableRows are four rows to filter and sort.
func tableRows() []Row {
	return []Row{
		{ID: 1, Name: "Holavedens Möbler AB", OrgNr: "556118-4711", City: "Tranås", County: "F", Industry: "Möbler",
			SizeClass: "small", Stage: "trial", LatestDate: "2026-01-10", NextReview: "2026-04-10", ReviewDue: true,
			Scores: []app.DimensionScore{score(ref.Personal, 50)}, GapDimension: ref.Personal, GapPoints: 25,
			Modes: []app.ModeChoice{{Mode: "export_direct"}}, OpenActions: 3, OverdueActions: 1, Completeness: 0.5},
		{ID: 2, Name: "Ångström Verktyg", OrgNr: "556000-0001", City: "Malmö", County: "M", Industry: "moebler",
			SizeClass: "micro", Stage: "awareness", LatestDate: "2025-06-01", NextReview: "2025-12-01", ReviewDue: true,
			ReviewOverdue: true, Scores: []app.DimensionScore{score(ref.Personal, 75)},
			Modes: []app.ModeChoice{{Mode: "ecommerce"}, {Mode: "licensing"}}, Completeness: 0.9},
		{ID: 3, Name: "anker AB", City: "Malmö", County: "M", Industry: "MÖBLER", SizeClass: "large", Stage: "trial",
			LatestDate: "2026-02-01", NextReview: "2026-08-01", Scores: []app.DimensionScore{score(ref.Personal, 50)},
			GapDimension: ref.Personal, GapPoints: 25, Completeness: 0.5},
		{ID: 4, Name: "Tomt AB", Industry: "IT", Contact: "Åsa Öberg",
			Updated: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)},
	}
}

func ids(rows []Row) []app.CompanyID {
	out := []app.CompanyID{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestFilter(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Filter
		want []app.CompanyID
	}{
		{"none", Filter{}, []app.CompanyID{1, 2, 3, 4}},
		{"stage", Filter{Stages: []string{"trial"}}, []app.CompanyID{1, 3}},
		{"two stages", Filter{Stages: []string{"trial", "awareness"}}, []app.CompanyID{1, 2, 3}},
		{"industry ignores case and accents", Filter{Industries: []string{"Mobler"}}, []app.CompanyID{1, 3}},
		{"size", Filter{SizeClasses: []string{"micro", "large"}}, []app.CompanyID{2, 3}},
		{"county", Filter{Counties: []string{"M"}}, []app.CompanyID{2, 3}},
		{"mode, any of the chosen", Filter{Modes: []string{"licensing"}}, []app.CompanyID{2}},
		{"due", Filter{DueForFollowUp: true}, []app.CompanyID{1, 2}},
		{"overdue actions", Filter{HasOverdueActions: true}, []app.CompanyID{1}},
		{"filters and", Filter{Counties: []string{"M"}, Stages: []string{"trial"}}, []app.CompanyID{3}},
		{"search city without accents", Filter{Search: "malmo"}, []app.CompanyID{2, 3}},
		{"search word prefixes", Filter{Search: "holav MÖB"}, []app.CompanyID{1}},
		{"search is a prefix, not a substring", Filter{Search: "verk"}, []app.CompanyID{2}},
		{"search inside a word fails", Filter{Search: "erktyg"}, []app.CompanyID{}},
		{"search org.nr part", Filter{Search: "556118"}, []app.CompanyID{1}},
		{"search org.nr without dash", Filter{Search: "5561184711"}, []app.CompanyID{1}},
		{"search with å folded", Filter{Search: "angstrom"}, []app.CompanyID{2}},
		{"search with a filter", Filter{Search: "ab", Stages: []string{"trial"}}, []app.CompanyID{1, 3}},
		{"search punctuation only", Filter{Search: " - , "}, []app.CompanyID{1, 2, 3, 4}},
		{"nothing matches", Filter{Search: "zzz", Counties: []string{"M"}}, []app.CompanyID{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.f.Apply(tableRows())
			if got == nil || !slices.Equal(ids(got), tc.want) {
				t.Errorf("got %v, want %v", ids(got), tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Malmö": "malmo", "ÅÄÖ éü": "aao eu", "ABC": "abc", "Côte": "cote"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortRows(t *testing.T) {
	for _, tc := range []struct {
		col  Column
		desc bool
		want []app.CompanyID
	}{
		// Names fold: "holavedens", "angstrom", "anker", "tomt" → angstrom, anker, holavedens, tomt.
		{ColName, false, []app.CompanyID{2, 3, 1, 4}},
		{ColName, true, []app.CompanyID{4, 1, 3, 2}},
		// P scores 50, 75, 50, missing: the tie 1/3 goes by name (anker first) either way; missing last.
		{ColScoreP, false, []app.CompanyID{3, 1, 2, 4}},
		{ColScoreP, true, []app.CompanyID{2, 3, 1, 4}},
		{ColScoreO, false, []app.CompanyID{2, 3, 1, 4}}, // nobody has one: by name
		{ColSize, false, []app.CompanyID{2, 1, 3, 4}},   // micro, small, large, unknown
		{ColSize, true, []app.CompanyID{3, 1, 2, 4}},
		{ColNextReview, false, []app.CompanyID{2, 1, 3, 4}},
		{ColLatest, true, []app.CompanyID{3, 1, 2, 4}},
		{ColGap, true, []app.CompanyID{3, 1, 2, 4}},
		{ColOpenActions, true, []app.CompanyID{1, 2, 3, 4}}, // 3, then 0 0 0 by name
		{ColOverdueActions, false, []app.CompanyID{2, 3, 4, 1}},
		{ColCompleteness, true, []app.CompanyID{2, 3, 1, 4}},
		{ColPlace, false, []app.CompanyID{2, 3, 1, 4}}, // Malmö M, Malmö M, Tranås F, none
		{ColIndustry, false, []app.CompanyID{4, 3, 1, 2}},
		{ColStage, false, []app.CompanyID{2, 3, 1, 4}},
		{"bogus", false, []app.CompanyID{2, 3, 1, 4}}, // an unknown column sorts by name
	} {
		rows := tableRows()
		SortRows(rows, tc.col, tc.desc)
		if !slices.Equal(ids(rows), tc.want) {
			t.Errorf("%s desc=%v: %v, want %v", tc.col, tc.desc, ids(rows), tc.want)
		}
	}
}

func TestSortRowsEveryColumnKeepsTheRows(t *testing.T) {
	for _, col := range Columns {
		for _, desc := range []bool{false, true} {
			rows := tableRows()
			SortRows(rows, col, desc)
			got := ids(rows)
			slices.Sort(got)
			if !slices.Equal(got, []app.CompanyID{1, 2, 3, 4}) {
				t.Errorf("%s: rows %v", col, got)
			}
		}
	}
}

// Order and Keep give, by position, what SortRows and Apply give by
// moving rows, for every column both ways and a filter that keeps some.
func TestOrderAndKeepAgreeWithSortRowsAndApply(t *testing.T) {
	f := Filter{Industries: []string{"möbler"}}
	for _, col := range Columns {
		for _, desc := range []bool{false, true} {
			rows := tableRows()
			order := Order(rows, col, desc)
			kept := f.Keep(rows, order)
			sorted := tableRows()
			SortRows(sorted, col, desc)
			want := ids(f.Apply(sorted))
			got := []app.CompanyID{}
			for _, i := range kept {
				got = append(got, rows[i].ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s desc=%v: Keep(Order) gives %v, Apply(SortRows) %v", col, desc, got, want)
			}
			if !slices.Equal(ids(rows), []app.CompanyID{1, 2, 3, 4}) {
				t.Errorf("%s: Order moved the rows", col)
			}
		}
	}
}

// The search finds a company by its contact person, and the last changed
// sorts first descending with never-stamped rows last.
func TestSearchFindsTheContactAndChangedSortsNewestFirst(t *testing.T) {
	rows := tableRows()
	if got := ids((&Filter{Search: "asa ober"}).Apply(rows)); !slices.Equal(got, []app.CompanyID{4}) {
		t.Errorf("search by contact: %v, want [4]", got)
	}
	rows[1].Updated = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	SortRows(rows, ColChanged, true)
	if got := ids(rows); !slices.Equal(got, []app.CompanyID{4, 2, 3, 1}) {
		t.Errorf("newest change first: %v, want [4 2 3 1] (unstamped last, by name)", got)
	}
}

// In Swedish Å, Ä and Ö come after Z; in English and folded they sort
// with A and O. Export stages sort in their order, not by their ids.
func TestSortRowsInSortsTextAsTheLanguageDoes(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []app.CompanyID
	}{
		{"sv", []app.CompanyID{3, 1, 4, 2}},
		{"en", []app.CompanyID{2, 3, 1, 4}},
		{"", []app.CompanyID{2, 3, 1, 4}},
	} {
		rows := tableRows()
		SortRowsIn(tc.lang, rows, ColName, false)
		if got := ids(rows); !slices.Equal(got, tc.want) {
			t.Errorf("%q: by name %v, want %v", tc.lang, got, tc.want)
		}
	}
	rows := tableRows()
	SortRows(rows, ColStage, false)
	if got := ids(rows); !slices.Equal(got, []app.CompanyID{2, 3, 1, 4}) {
		t.Errorf("by stage: %v, want awareness before trial, trial by name, none last", got)
	}
}

func TestSelectKeepsTheClientsOfTheMatchingRows(t *testing.T) {
	clients := handPortfolio()
	rows := Rows(refData, clients, day("2026-03-15"))
	got := Select(clients, rows, Filter{Modes: []string{"ecommerce"}})
	if len(got) != 2 || got[0].Company.Name != "B" || got[1].Company.Name != "C" {
		t.Errorf("ecommerce clients: %v", got)
	}
}

func FuzzSearchMatch(f *testing.F) {
	for _, s := range []string{"malmö", "Holav möb", "556118-47", "", "ÅÄÖ", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Whatever is typed, a text always finds itself, folded or not.
		if len(Words(s)) > 0 && (!SearchMatch(s, s) || !SearchMatch(Fold(s), s)) {
			t.Errorf("%q does not find itself", s)
		}
	})
}
