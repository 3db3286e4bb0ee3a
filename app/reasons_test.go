package app_test

import (
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

func TestJoinReasonsWritesOneSentenceWithoutCapitalsAfterTheSemicolons(t *testing.T) {
	cases := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"Du upplever hindret: Höga transportkostnader"}, "Du upplever hindret: Höga transportkostnader"},
		{[]string{"Du gav ”X” betyget 2 av 5", "Din bransch: tillverkning", " ", "Ägaren: Åsa"},
			"Du gav ”X” betyget 2 av 5; din bransch: tillverkning; ägaren: Åsa"},
		{[]string{"Your industry: ICT", "IT och telekom: x", "POMI-profil", "E-handel"},
			"Your industry: ICT; IT och telekom: x; POMI-profil; e-handel"},
	}
	for _, c := range cases {
		if got := app.JoinReasons(c.in); got != c.want {
			t.Errorf("JoinReasons(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The reasons as the messages write them, joined: no reason after a semicolon
// starts with a capital, and an entry mode is named after a colon, where its
// capital belongs ("Du använder Import" and "You use Importing" read badly).
func TestJoinedReasonsReadAsOneSentenceInEveryLanguage(t *testing.T) {
	for _, lang := range locales.Languages() {
		tr := locales.MustNew(lang)
		var why []string
		for _, r := range []app.Reason{
			{Code: app.ReasonDimensionGap, Ref: "M", Value: 31},
			{Code: app.ReasonModeCurrent, Ref: "importing"},
			{Code: app.ReasonModePlanned, Ref: "export_agents"},
			{Code: app.ReasonCompetenceGap, Ref: "distribution", Value: 2},
			{Code: app.ReasonBarrier, Ref: "transport_costs"},
			{Code: app.ReasonIndustry, Ref: "manufacturing"},
			{Code: app.ReasonSituation, Ref: "early_stage"},
		} {
			why = append(why, app.ExplainReason(r, tr))
		}
		joined := app.JoinReasons(why)
		for i, part := range strings.Split(joined, "; ") {
			if i > 0 && part != "" && strings.ToUpper(part[:1]) == part[:1] {
				t.Errorf("%s: %q starts with a capital after a semicolon in %q", lang, part, joined)
			}
			if strings.Contains(part, "{{") || strings.Contains(part, "reason.") {
				t.Errorf("%s: %q is not filled in", lang, part)
			}
		}
		for _, mode := range []string{"mode.importing.name", "mode.export_agents.name"} {
			if name := tr.T(mode); !strings.Contains(joined, ": "+name) {
				t.Errorf("%s: the mode %q should follow a colon in %q", lang, name, joined)
			}
		}
	}
}
