package store

import (
	"context"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app/store/datadir"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

func localAlmi() *app.CustomActor {
	return &app.CustomActor{
		Actor:  ref.Actor{ID: "org_almi_jonkoping", URL: "https://www.almi.se/jonkoping", Tags: []string{"advice", "funding", "mentoring"}},
		Names:  map[string]string{"sv": "Almi Jönköping – Karin Ek", "en": "Almi Jönköping – Karin Ek"},
		Offers: map[string]string{"sv": "Din rådgivare på Almi i Jönköping, tel. 036-30 60 00."},
	}
}

func TestOwnActorsAndRecommendationsAppearInPlansAndSurviveUpgrades(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.SaveCustomActor(ctx, localAlmi()); err != nil {
		t.Fatal(err)
	}
	own := &app.CustomRecommendation{
		Recommendation: ref.Recommendation{ID: "org_exportcheck", Kind: ref.KindBarrier, Trigger: "managerial_time",
			Dimension: ref.Organizational, Side: ref.SideAgency, Owner: "ceo", Horizon: ref.Horizon0to3, Tags: []string{"advice"}},
		Titles: map[string]string{"sv": "Boka en exportcheck hos oss", "en": "Book an export check with us"},
		Bodies: map[string]string{"sv": "Två timmar med en rådgivare som går igenom exportplanen."},
	}
	if err := s.SaveCustomRecommendation(ctx, own); err != nil {
		t.Fatal(err)
	}
	bad := *localAlmi()
	bad.ID = "almi" // not an own id
	if err := s.SaveCustomActor(ctx, &bad); err == nil {
		t.Error("an own actor without the org_ prefix was saved")
	}
	// An upgrade: pretend the stored reference data is old, then reopen.
	s.db.ExecContext(ctx, "UPDATE reference_data SET version = 0")
	dir := s.Path()[:len(s.Path())-len(datadir.DatabaseName)]
	s.Close()
	s2, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if v, _ := s2.ReferenceVersion(ctx); v != ref.DataVersion {
		t.Errorf("reference data not refreshed: version %d", v)
	}
	d, texts, err := s2.Reference(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d.Actor("org_almi_jonkoping") == nil || d.Recommendation("org_exportcheck") == nil {
		t.Fatal("own items lost in the upgrade")
	}
	c := &app.Company{Name: "Test AB", Imports: true}
	a := &app.Assessment{Date: "2026-11-28", Barriers: map[string]int{"managerial_time": app.BarrierStrong}}
	an := app.Analyze(d, c, a)
	tr := app.WithTexts(locales.MustNew("sv"), texts("sv"))
	e := app.Explain(d, c, an, tr, "sv")
	var found bool
	for _, r := range e.Recommendations {
		if r.ID == "org_exportcheck" {
			found = r.Title == "Boka en exportcheck hos oss"
		}
		for _, h := range r.Helpers {
			if h.ID == "org_almi_jonkoping" && h.Name != "Almi Jönköping – Karin Ek" {
				t.Errorf("own actor named %q", h.Name)
			}
		}
	}
	if !found {
		t.Error("the own recommendation is not in the plan with its own title")
	}
	helped := slices.ContainsFunc(an.Recommendations, func(r app.Recommendation) bool {
		return slices.Contains(r.Actors, "org_almi_jonkoping")
	})
	if !helped {
		t.Error("the local Almi office is named for no recommendation")
	}
	if en := texts("en")[ref.ActorOffer("org_almi_jonkoping")]; en == "" {
		t.Error("a text missing in English should fall back to Swedish, not be empty")
	}
	if err := s2.DeleteCustomActor(ctx, "org_almi_jonkoping"); err != nil {
		t.Fatal(err)
	}
	if list, _ := s2.CustomActors(ctx); len(list) != 0 {
		t.Errorf("%d own actors after delete", len(list))
	}
}
