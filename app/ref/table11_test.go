package ref

import (
	"slices"
	"strings"
	"testing"
)

// TestKatwaloMappingIsTable11Exactly pins every row of the report's Table 11
// (Katwalo 2006: 94): the modes, their competences and the order within each row.
func TestKatwaloMappingIsTable11Exactly(t *testing.T) {
	want := []struct {
		mode        string
		competences []string
	}{
		{"importing", []string{"purchasing", "contract_negotiation"}},
		{"export_direct", []string{"production", "distribution", "sales_marketing"}},
		{"export_agents", []string{"production", "marketing", "after_sales"}},
		{"collaboration", []string{"reputation", "processing_technology", "quality"}},
		{"joint_venture", []string{"reputation", "technical_skills", "creativity_innovation"}},
		{"overseas_production", []string{"management", "brand_image", "financial_strength"}},
	}
	d := MustLoad()
	var katwalo []string
	for _, m := range d.EntryModes {
		if m.Source == SourceKatwalo {
			katwalo = append(katwalo, m.ID)
		}
	}
	if len(katwalo) != len(want) {
		t.Fatalf("Katwalo modes = %v, want the %d rows of Table 11", katwalo, len(want))
	}
	for _, row := range want {
		t.Run(row.mode, func(t *testing.T) {
			m := d.Mode(row.mode)
			if m == nil {
				t.Fatalf("mode %s missing", row.mode)
			}
			if m.Source != SourceKatwalo || m.Citation.Table != "11" {
				t.Errorf("source %q, table %q; want katwalo, 11", m.Source, m.Citation.Table)
			}
			if !slices.Equal(m.Competences, row.competences) {
				t.Errorf("competences %v, want %v", m.Competences, row.competences)
			}
		})
	}
}

func TestExtraModesAreMarkedAsTheProjectsInterpretation(t *testing.T) {
	d := MustLoad()
	for _, id := range []string{"export_indirect", "ecommerce", "licensing", "franchising"} {
		m := d.Mode(id)
		if m == nil {
			t.Errorf("mode %s missing", id)
			continue
		}
		if m.Source != SourceProject || m.Citation.Table == "11" || m.Citation.Refs == "" {
			t.Errorf("%s: source %q citation %+v; want project, a passage other than Table 11", id, m.Source, m.Citation)
		}
	}
}

func TestFifteenCompetencesWithTheirIDs(t *testing.T) {
	want := []string{
		"purchasing", "contract_negotiation", "production", "distribution", "sales_marketing", "marketing",
		"after_sales", "reputation", "processing_technology", "quality", "technical_skills",
		"creativity_innovation", "management", "brand_image", "financial_strength",
	}
	d := MustLoad()
	var got []string
	for _, c := range d.Competences {
		got = append(got, c.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("competences = %v\nwant %v", got, want)
	}
}

func TestBarriersAreTable3InRankOrder(t *testing.T) {
	want := []string{
		"working_capital", "identify_opportunities", "market_information", "contact_customers",
		"foreign_representation", "managerial_time", "personnel", "price_competition", "home_support",
		"transport_costs",
	}
	d := MustLoad()
	for i, id := range want {
		b := d.Barrier(id)
		if b == nil || b.Rank != i+1 {
			t.Errorf("barrier %s: %+v, want rank %d", id, b, i+1)
			continue
		}
		if b.CompetenceRelated == (id == "working_capital") {
			t.Errorf("barrier %s: competence_related = %v", id, b.CompetenceRelated)
		}
	}
	if len(d.Barriers) != len(want) {
		t.Errorf("%d barriers, want %d", len(d.Barriers), len(want))
	}
}

func TestStatementsCoverEveryDimension(t *testing.T) {
	d := MustLoad()
	if n := len(d.Statements); n < 28 || n > 40 {
		t.Errorf("%d statements, want about 30", n)
	}
	for _, dim := range Dimensions {
		if n := len(d.StatementsOf(dim)); n < 5 {
			t.Errorf("dimension %s has %d statements, want at least 5", dim, n)
		}
	}
}

func TestEveryTriggerHasItsRecommendation(t *testing.T) {
	d := MustLoad()
	check := func(kind string, ids []string) {
		for _, id := range ids {
			if len(d.RecommendationsFor(kind, id)) == 0 {
				t.Errorf("no %s recommendation for %s", kind, id)
			}
		}
	}
	check(KindStatement, ids(d.Statements, func(s Statement) string { return s.ID }))
	check(KindBarrier, ids(d.Barriers, func(b Barrier) string { return b.ID }))
	check(KindMode, ids(d.EntryModes, func(m EntryMode) string { return m.ID }))
	check(KindCompetence, ids(d.Competences, func(c Competence) string { return c.ID }))
	check(KindIndustry, IndustryKeys)
	check(KindGeneral, Situations)
	for _, dim := range Dimensions {
		sides := map[string]bool{}
		for _, r := range d.Recommendations {
			if r.Kind == KindDimension && r.Dimension == dim {
				sides[r.Side] = true
			}
		}
		if !sides[SideInternal] || !sides[SideAgency] {
			t.Errorf("Table 12 for %s lacks a side: %v", dim, sides)
		}
	}
}

func TestActorsAreCurrentAndReachable(t *testing.T) {
	d := MustLoad()
	for _, id := range []string{"business_sweden", "ekn", "sek", "almi", "tullverket", "prv", "swedac", "migrationsverket", "iuc", "swedfund"} {
		if d.Actor(id) == nil {
			t.Errorf("actor %s missing", id)
		}
	}
	for _, a := range d.Actors {
		for _, stale := range []string{"internationaliseringsguiden", "itm", "exportradet", "swedishtrade"} {
			if containsFold(a.URL, stale) || containsFold(a.ID, stale) {
				t.Errorf("actor %s (%s) is no longer current", a.ID, a.URL)
			}
		}
	}
	for _, r := range d.Recommendations {
		if len(matchCount(d, r.Tags)) == 0 {
			t.Errorf("recommendation %s: no actor shares a need tag %v", r.ID, r.Tags)
		}
	}
}

func TestCheckRejectsInconsistentData(t *testing.T) {
	bad := *MustLoad()
	bad.EntryModes = append(slices.Clone(bad.EntryModes), EntryMode{ID: "importing", Source: "guess", Competences: []string{"juggling"}})
	bad.Recommendations = append(slices.Clone(bad.Recommendations), Recommendation{ID: "x", Kind: KindBarrier, Trigger: "nope"})
	err := bad.Check()
	if err == nil {
		t.Fatal("Check accepted a repeated mode, an unknown competence and an unknown trigger")
	}
	for _, want := range []string{"repeated id", "unknown competence", "unknown barrier trigger", "owner role", "no citation"} {
		if !containsFold(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = id(x)
	}
	return out
}

func matchCount(d *Data, tags []string) []string {
	var out []string
	for _, a := range d.Actors {
		for _, t := range a.Tags {
			if slices.Contains(tags, t) {
				out = append(out, a.ID)
				break
			}
		}
	}
	return out
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
