package app

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/pomi-planner/pomi/app/ref"
)

// randomCompany picks the profile that the choice of advice reads
// (sector, maturity, tech level, trade, stage, orientation) at random.
func randomCompany(rng *rand.Rand) *Company {
	pick := func(values ...string) string { return values[rng.IntN(len(values))] }
	c := &Company{
		Name:          "Test AB",
		Sector:        pick("", "manufacturing", "retail", "ict", "medtech", "knowledge_services", "other"),
		Maturity:      pick("", "growing", "mature"),
		TechIntensity: pick("", "high_tech", "low_tech"),
		Imports:       rng.IntN(2) == 0,
		ExportStage:   pick("", "awareness", "intention", "active"),
		Orientation:   pick("", "relationship_driven", "transactional"),
	}
	if rng.IntN(2) == 0 {
		c.CurrentMarkets = []string{"NO"}
	}
	return c
}

// TestFinderFindsWhatFindFinds runs one Finder over 5,000 random
// assessments, alternating the built-in data and an organisation's own,
// and compares each result with Find's and ScoreDimensions' fresh ones:
// memory reused from one assessment must not leak into the next.
func TestFinderFindsWhatFindFinds(t *testing.T) {
	d := ref.MustLoad()
	own, err := d.WithCustom(nil, []ref.Recommendation{{ID: "org_extra", Kind: ref.KindCompetence,
		Trigger: d.Competences[0].ID, Dimension: ref.Personal, Side: ref.SideInternal,
		Owner: d.Recommendations[0].Owner, Horizon: ref.Horizon3to6, Tags: d.Actors[0].Tags}})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 2026))
	var f Finder
	for n := range 5000 {
		data := []*ref.Data{d, own}[n%2]
		c, a, first := randomCompany(rng), randomAssessment(data, rng), randomAssessment(data, rng)
		got, want := f.Find(data, c, a), Find(data, c, a)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("assessment %d: Finder found %+v, Find %+v", n, got, want)
		}
		if got, want := f.ScoreDimensions(data, first), ScoreDimensions(data, first); !reflect.DeepEqual(got, want) {
			t.Fatalf("assessment %d: Finder scored %+v, ScoreDimensions %+v", n, got, want)
		}
		if again := Find(data, c, a); !reflect.DeepEqual(f.found, *again) {
			t.Fatalf("assessment %d: scoring another assessment changed the findings", n)
		}
	}
}
