package app_test

import (
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// modePhrases are wordings that belong to one entry mode: advice for a
// competence must not use them for a company that did not choose that mode.
var modePhrases = map[string][]string{
	"overseas_production": {"production abroad", "tillverkning utomlands", "produktion utomlands"},
	"export_direct":       {"direct export", "direkt export"},
	"joint_venture":       {"joint venture", "samriskföretag"},
}

// TestCompetenceAdviceSaysWhichOfTheCompanysModesNeedIt chooses each entry
// mode alone, with every competence rated 1, and checks every competence
// recommendation in both languages: a reason names the company's own mode,
// and no text speaks of a mode the company did not choose (issue 13: the
// production-abroad advice reached a franchising company, the direct-export
// advice an e-commerce one, the joint-venture advice a licensing one).
func TestCompetenceAdviceSaysWhichOfTheCompanysModesNeedIt(t *testing.T) {
	d := ref.MustLoad()
	for _, mode := range d.EntryModes {
		ratings := map[string]int{}
		for _, c := range mode.Competences {
			ratings[c] = 1
		}
		a := &app.Assessment{Date: "2026-11-28", Modes: []app.ModeChoice{{Mode: mode.ID, Status: app.ModePlanned}},
			CompetenceRatings: ratings}
		an := app.Analyze(d, &app.Company{Name: "Test AB"}, a)
		for _, lang := range []string{"sv", "en"} {
			tr := locales.MustNew(lang)
			modeName := tr.T(ref.ModeName(mode.ID))
			e := app.Explain(d, &app.Company{Name: "Test AB"}, an, tr, lang)
			seen := 0
			for _, r := range e.Recommendations {
				if r.Kind != ref.KindCompetence {
					continue
				}
				seen++
				if !anyContains(r.Why, modeName) {
					t.Errorf("%s/%s: %s does not say it applies to %q: %q", mode.ID, lang, r.ID, modeName, r.Why)
				}
				text := strings.ToLower(r.Title + " " + r.Body)
				for other, phrases := range modePhrases {
					if other == mode.ID {
						continue
					}
					for _, p := range phrases {
						if strings.Contains(text, p) {
							t.Errorf("%s/%s: %s speaks of %s (%q) though the company chose only %s", mode.ID, lang, r.ID, other, p, mode.ID)
						}
					}
				}
			}
			if seen == 0 {
				t.Errorf("%s/%s: no competence recommendation for gaps in %v", mode.ID, lang, mode.Competences)
			}
		}
	}
}

// TestCompetenceReasonNamesOnlyTheModesThatRequireIt: with two modes chosen,
// a competence only one of them requires names that one.
func TestCompetenceReasonNamesOnlyTheModesThatRequireIt(t *testing.T) {
	d := ref.MustLoad()
	a := &app.Assessment{Date: "2026-11-28",
		Modes:             []app.ModeChoice{{Mode: "franchising", Status: app.ModePlanned}, {Mode: "export_direct", Status: app.ModeCurrent}},
		CompetenceRatings: map[string]int{"management": 1, "sales_marketing": 1}}
	an := app.Analyze(d, &app.Company{Name: "Test AB"}, a)
	tr := locales.MustNew("en")
	e := app.Explain(d, &app.Company{Name: "Test AB"}, an, tr, "en")
	want := map[string]string{"comp_management": "Franchising", "comp_sales_marketing": tr.T(ref.ModeName("export_direct"))}
	notWant := map[string]string{"comp_management": tr.T(ref.ModeName("export_direct")), "comp_sales_marketing": "Franchising"}
	found := 0
	for _, r := range e.Recommendations {
		w, ok := want[r.ID]
		if !ok {
			continue
		}
		found++
		why := strings.Join(r.Why, " | ")
		if !strings.Contains(why, w) || strings.Contains(why, notWant[r.ID]) {
			t.Errorf("%s: reasons %q, want %q and not %q", r.ID, why, w, notWant[r.ID])
		}
	}
	if found != len(want) {
		t.Errorf("found %d of %d competence recommendations", found, len(want))
	}
}

func anyContains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}
