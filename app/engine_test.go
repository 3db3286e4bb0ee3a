package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

var engineNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// allStatements rates every statement r.
func allStatements(d *ref.Data, r int) map[string]int {
	m := map[string]int{}
	for _, s := range d.Statements {
		m[s.ID] = r
	}
	return m
}

func scoreOf(t *testing.T, dims []DimensionScore, dim ref.Dimension) DimensionScore {
	t.Helper()
	for _, s := range dims {
		if s.Dimension == dim {
			return s
		}
	}
	t.Fatalf("no score for %s", dim)
	return DimensionScore{}
}

func TestRatingScoreMapsOneToFiveOntoZeroToHundred(t *testing.T) {
	for r, want := range map[int]float64{1: 0, 2: 25, 3: 50, 4: 75, 5: 100} {
		if got := RatingScore(r); got != want {
			t.Errorf("RatingScore(%d) = %v, want %v", r, got, want)
		}
	}
}

func TestDimensionScoreEdgeCases(t *testing.T) {
	d := ref.MustLoad()
	cases := []struct {
		name      string
		ratings   map[string]int
		wantScore *float64
		wantGap   *float64
	}{
		{"all 5s", allStatements(d, 5), ptr(100.0), ptr(0.0)},
		{"all 1s", allStatements(d, 1), ptr(0.0), ptr(75.0)},
		{"all don't know", allStatements(d, DontKnow), nil, nil},
		{"nothing answered", map[string]int{}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dims := ScoreDimensions(d, &Assessment{StatementRatings: c.ratings})
			for _, s := range dims {
				if !equalPtr(s.Score, c.wantScore) || !equalPtr(s.Gap, c.wantGap) {
					t.Errorf("%s: score %v gap %v, want %v %v", s.Dimension, deref(s.Score), deref(s.Gap), deref(c.wantScore), deref(c.wantGap))
				}
				if s.Assessed() != (c.wantScore != nil) {
					t.Errorf("%s: Assessed() = %v", s.Dimension, s.Assessed())
				}
			}
		})
	}
}

func TestDimensionScoreIsTheMeanOfAnsweredStatementsOnly(t *testing.T) {
	d := ref.MustLoad()
	a := &Assessment{
		StatementRatings: map[string]int{"M1": 5, "M2": 3, "M3": DontKnow},
		Targets:          map[ref.Dimension]float64{ref.Market: 90},
	}
	m := scoreOf(t, ScoreDimensions(d, a), ref.Market)
	if *m.Score != 75 || *m.Gap != 15 || m.Answered != 2 || m.DontKnow != 1 || m.Total != len(d.StatementsOf(ref.Market)) {
		t.Errorf("M = score %v gap %v answered %d dont-know %d total %d", *m.Score, *m.Gap, m.Answered, m.DontKnow, m.Total)
	}
	if p := scoreOf(t, ScoreDimensions(d, a), ref.Personal); p.Assessed() || p.Target != DefaultTarget {
		t.Errorf("P should be not assessed with the default target, got %+v", p)
	}
}

func TestRequiredCompetencesAreTheUnionOverChosenModes(t *testing.T) {
	d := ref.MustLoad()
	a := &Assessment{
		Modes: []ModeChoice{{"export_direct", ModeCurrent}, {"export_agents", ModePlanned}},
		CompetenceRatings: map[string]int{
			"production": 2, "distribution": 4, "sales_marketing": 3, "marketing": 5, "after_sales": DontKnow,
		},
	}
	gaps := RequiredCompetences(d, a)
	var ids []string
	for _, g := range gaps {
		ids = append(ids, g.Competence)
	}
	want := []string{"production", "sales_marketing", "after_sales", "distribution", "marketing"}
	if !slices.Equal(ids, want) {
		t.Fatalf("order = %v, want %v", ids, want)
	}
	prod := gaps[0]
	if *prod.Gap != 2 || prod.Priority != 4 || prod.Band != PriorityHigh || !slices.Equal(prod.Modes, []string{"export_direct", "export_agents"}) {
		t.Errorf("production: %+v – gap 2 needed by two modes should have priority 4, high", prod)
	}
	if sm := gaps[1]; *sm.Gap != 1 || sm.Priority != 1 || sm.Band != PriorityLow {
		t.Errorf("sales_marketing: %+v", sm)
	}
	if as := gaps[2]; !as.Unrated || as.Rating != nil || as.Gap != nil {
		t.Errorf("after_sales rated 'unknown' must be flagged, not assumed: %+v", as)
	}
	if m := gaps[4]; *m.Gap != 0 || m.Priority != 0 {
		t.Errorf("marketing above the required level has no gap: %+v", m)
	}
}

func TestNoModesMeansNoRequiredCompetences(t *testing.T) {
	if gaps := RequiredCompetences(ref.MustLoad(), &Assessment{}); len(gaps) != 0 {
		t.Errorf("got %v", gaps)
	}
}

func TestCompanyThatNeitherImportsNorExportsIsToldToTryImporting(t *testing.T) {
	d := ref.MustLoad()
	c := &Company{Name: "Lokala Bageriet AB"}
	an := Analyze(d, c, &Assessment{Date: "2026-11-28"})
	if len(an.Recommendations) == 0 || an.Recommendations[0].ID != d.RecommendationsFor(ref.KindGeneral, "not_international")[0].ID {
		t.Fatalf("first recommendation = %+v, want the import-first advice", first(an.Recommendations))
	}
	c.Imports = true
	an = Analyze(d, c, &Assessment{Date: "2026-11-28"})
	for _, r := range an.Recommendations {
		if r.Kind == ref.KindGeneral && slices.ContainsFunc(r.Reasons, func(x Reason) bool { return x.Ref == "not_international" }) {
			t.Error("an importing company should not be told it is not international")
		}
	}
}

func TestRecommendationsFollowGapsStatementsBarriersAndModes(t *testing.T) {
	d := ref.MustLoad()
	c := &Company{Name: "Test AB", Imports: true, Sector: "medtech"}
	a := &Assessment{
		Date:              "2026-11-28",
		Modes:             []ModeChoice{{"joint_venture", ModePlanned}},
		StatementRatings:  map[string]int{"I1": 1, "I2": 2, "P1": 5, "O1": 5, "M1": 4},
		CompetenceRatings: map[string]int{"reputation": 1, "technical_skills": 5, "creativity_innovation": 5},
		Barriers:          map[string]int{"foreign_representation": BarrierStrong},
	}
	an := Analyze(d, c, a)
	ids := map[string]Recommendation{}
	for _, r := range an.Recommendations {
		ids[r.ID] = r
	}
	for _, want := range []string{"stmt_i1", "stmt_i2", "comp_reputation", "industry_medtech"} {
		if _, ok := ids[want]; !ok {
			t.Errorf("missing %s", want)
		}
	}
	for _, r := range d.RecommendationsFor(ref.KindBarrier, "foreign_representation") {
		if _, ok := ids[r.ID]; !ok {
			t.Errorf("missing the barrier's recommendation %s", r.ID)
		}
	}
	for _, r := range d.RecommendationsFor(ref.KindMode, "joint_venture") {
		got := ids[r.ID]
		if len(got.Reasons) == 0 || got.Reasons[0].Code != ReasonModePlanned {
			t.Errorf("joint venture advice %s: reasons %v", r.ID, got.Reasons)
		}
	}
	if _, ok := ids["stmt_p1"]; ok {
		t.Error("a statement rated 5 must not trigger its low-rating advice")
	}
	if ids["stmt_i1"].Score <= ids["stmt_i2"].Score {
		t.Error("a statement rated 1 should rank above one rated 2")
	}
	for i := 1; i < len(an.Recommendations); i++ {
		if an.Recommendations[i-1].Score < an.Recommendations[i].Score {
			t.Fatalf("not ranked by score at %d", i)
		}
	}
	for _, r := range an.Recommendations {
		if len(r.Actors) == 0 || len(r.Actors) > MaxActorsPerRecommendation || len(r.Reasons) == 0 {
			t.Errorf("%s: actors %v reasons %v", r.ID, r.Actors, r.Reasons)
		}
	}
}

func TestSuggestedActionsSkipWhatThePlanHasAndGetDueDates(t *testing.T) {
	d := ref.MustLoad()
	c := &Company{Name: "Test AB"}
	a := &Assessment{Date: "2026-01-15", StatementRatings: allStatements(d, 1)}
	an := Analyze(d, c, a)
	if n := len(an.SuggestedActions); n != MaxSuggestedActions {
		t.Fatalf("%d suggested actions, want %d", n, MaxSuggestedActions)
	}
	firstRec := an.Recommendations[0]
	act := an.SuggestedActions[0]
	if act.Source != firstRec.ID || act.Status != ActionOpen || act.Priority != PriorityHigh || act.OwnerRole != firstRec.OwnerRole {
		t.Errorf("first action %+v does not follow recommendation %+v", act, firstRec)
	}
	wantDue := map[string]string{ref.Horizon0to3: "2026-04-15", ref.Horizon3to6: "2026-07-15", ref.Horizon6to12: "2027-01-15"}[firstRec.Horizon]
	if act.Due != wantDue {
		t.Errorf("due %s, want %s for horizon %s", act.Due, wantDue, firstRec.Horizon)
	}
	a.Actions = []Action{{Title: "x", Status: ActionDismissed, Priority: PriorityLow, Source: firstRec.ID}}
	for _, s := range Analyze(d, c, a).SuggestedActions {
		if s.Source == firstRec.ID {
			t.Error("a dismissed recommendation was suggested again")
		}
	}
}

func TestCompareShowsScoreAndGapChanges(t *testing.T) {
	d := ref.MustLoad()
	c := &Company{Name: "Test AB"}
	before := &Assessment{Date: "2026-03-01", StatementRatings: map[string]int{"M1": 2}, CompetenceRatings: map[string]int{"distribution": 2}}
	after := &Assessment{Date: "2026-09-01", StatementRatings: map[string]int{"M1": 4, "P1": 3},
		CompetenceRatings: map[string]int{"distribution": 4},
		Actions: []Action{{Title: "a", Status: ActionDone, Priority: PriorityHigh, Source: SourceCustom},
			{Title: "b", Status: ActionOpen, Priority: PriorityLow, Source: SourceCustom}}}
	cmp, err := Compare(d, c, after, before) // wrong order on purpose
	if err != nil {
		t.Fatal(err)
	}
	if cmp.From != "2026-03-01" || cmp.To != "2026-09-01" {
		t.Errorf("from %s to %s", cmp.From, cmp.To)
	}
	for _, ch := range cmp.Dimensions {
		switch ch.Dimension {
		case ref.Market:
			if *ch.ScoreChange != 50 || *ch.GapChange != -50 {
				t.Errorf("M change %v gap change %v, want +50 and −50", *ch.ScoreChange, *ch.GapChange)
			}
		case ref.Personal:
			if ch.Before != nil || ch.ScoreChange != nil || *ch.After != 50 {
				t.Errorf("P was not assessed before: %+v", ch)
			}
		}
	}
	if len(cmp.Competences) != 1 || *cmp.Competences[0].Change != 2 {
		t.Errorf("competence changes %+v", cmp.Competences)
	}
	if len(cmp.ActionsDone) != 1 || cmp.ActionsOpen != 1 {
		t.Errorf("done %d open %d", len(cmp.ActionsDone), cmp.ActionsOpen)
	}
}

func TestDemoCompaniesDecodeAnalyzeAndRoundTrip(t *testing.T) {
	d := ref.MustLoad()
	files, _ := filepath.Glob("../testdata/*.json")
	if len(files) < 3 {
		t.Fatalf("want at least three demo companies, found %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Decode(bytes.NewReader(raw), d, engineNow)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Assessments) < 2 {
				t.Errorf("%d assessments, want two so history shows", len(doc.Assessments))
			}
			var buf bytes.Buffer
			if err := doc.Encode(&buf); err != nil {
				t.Fatal(err)
			}
			again, err := Decode(&buf, d, engineNow)
			if err != nil {
				t.Fatalf("re-decode: %v", err)
			}
			a1, _ := json.Marshal(doc)
			a2, _ := json.Marshal(again)
			if !bytes.Equal(a1, a2) {
				t.Error("round trip changed the document")
			}
			an := Analyze(d, &doc.Company, &doc.Assessments[len(doc.Assessments)-1])
			if len(an.Recommendations) < 10 || len(an.SuggestedActions) == 0 || len(an.Competences) == 0 {
				t.Errorf("thin analysis: %d recommendations, %d actions, %d competences",
					len(an.Recommendations), len(an.SuggestedActions), len(an.Competences))
			}
		})
	}
}

func TestDecodeRejectsWithAReasonThatNamesTheField(t *testing.T) {
	d := ref.MustLoad()
	cases := map[string]string{
		`not json`:                       "not valid JSON",
		`{"format":"other","version":1}`: "format is",
		`{"format":"pomi-planner/company","version":9}`:                                                                                                               "newer version",
		`{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"extra":1}`:                                                                              `unknown field "extra"`,
		`{"format":"pomi-planner/company","version":1,"company":{"name":""}}`:                                                                                         "company.name: required",
		`{"format":"pomi-planner/company","version":1,"company":{"name":"A","org_nr":"556036-0794"}}`:                                                                 "company.org_nr: orgnr_checksum",
		`{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"assessments":[{"date":"2026-01-01","statement_ratings":{"P99":3}}]}`:                    "assessments[0].statement_ratings.P99: unknown_value",
		`{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"assessments":[{"date":"2026-01-01","modes":[{"mode":"teleport","status":"planned"}]}]}`: "assessments[0].modes[0].mode: unknown_value",
		`{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"assessments":[{"date":"2026-01-01","competence_ratings":{"quality":7}}]}`:               "competence_ratings.quality: invalid_rating",
	}
	for in, want := range cases {
		_, err := Decode(strings.NewReader(in), d, engineNow)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Decode(%s)\n  error %v\n  want it to say %q", in, err, want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func equalPtr(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func deref(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}

func first(rs []Recommendation) any {
	if len(rs) == 0 {
		return nil
	}
	return rs[0]
}

func TestReviewDateIsTheAgreedOneOrSixMonthsOn(t *testing.T) {
	cases := []struct {
		date, next, want string
		ok               bool
	}{
		{"2026-11-10", "", "2027-05-10", true},
		{"2026-11-10", "2027-02-01", "2027-02-01", true},
		{"2026-11-10", "not a date", "2027-05-10", true},
		{"", "", "", false},
	}
	for _, c := range cases {
		a := Assessment{Date: c.date, NextReview: c.next}
		got, ok := a.ReviewDate()
		if ok != c.ok || (ok && got.Format(validate.DateLayout) != c.want) {
			t.Errorf("ReviewDate(%q, %q) = %v %v, want %s %v", c.date, c.next, got, ok, c.want, c.ok)
		}
	}
	bad := Assessment{Date: "2026-11-10", NextReview: "10/5/2027"}
	if err := bad.Validate(ref.MustLoad()); err == nil || !strings.Contains(err.Error(), "next_review") {
		t.Errorf("a bad review date passes validation: %v", err)
	}
}
