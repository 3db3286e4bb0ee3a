package app

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app/ref"
)

// referenceRequiredCompetences is RequiredCompetences the straightforward
// way, as it was before it was made lighter for the portfolio: the modes
// looked up for each pass, the competences in the order first required,
// the reference order looked up in every comparison.
func referenceRequiredCompetences(d *ref.Data, a *Assessment) []CompetenceGap {
	var out []CompetenceGap
	for _, choice := range a.Modes {
		mode := d.Mode(choice.Mode)
		if mode == nil {
			continue
		}
		for _, c := range mode.Competences {
			i := gapIndex(out, c)
			if i < 0 {
				i = len(out)
				out = append(out, CompetenceGap{Competence: c, Dimension: d.Competence(c).Dimension, Required: RequiredLevel})
			}
			out[i].Modes = append(out[i].Modes, mode.ID)
		}
	}
	if len(out) == 0 {
		return []CompetenceGap{}
	}
	for i := range out {
		out[i] = rateGap(out[i], a.CompetenceRatings)
	}
	refIndex := d.CompetenceOrder()
	slices.SortStableFunc(out, func(x, y CompetenceGap) int {
		if x.Priority != y.Priority {
			return cmp.Compare(y.Priority, x.Priority)
		}
		if x.Unrated != y.Unrated {
			if x.Unrated {
				return -1
			}
			return 1
		}
		return cmp.Compare(refIndex[x.Competence], refIndex[y.Competence])
	})
	return out
}

// randomAssessment chooses modes (some twice, one unknown), rates
// competences and statements (some "don't know", some not at all) and
// picks barriers at random.
func randomAssessment(d *ref.Data, rng *rand.Rand) *Assessment {
	a := &Assessment{Date: "2026-12-07", CompetenceRatings: map[string]int{}, StatementRatings: map[string]int{},
		Barriers: map[string]int{}}
	for range rng.IntN(5) {
		mode := "no_such_mode"
		if rng.IntN(8) > 0 {
			mode = d.EntryModes[rng.IntN(len(d.EntryModes))].ID
		}
		a.Modes = append(a.Modes, ModeChoice{Mode: mode, Status: []string{ModeCurrent, ModePlanned}[rng.IntN(2)]})
	}
	for _, c := range d.Competences {
		if r := rng.IntN(7) - 1; r >= 0 {
			a.CompetenceRatings[c.ID] = r
		}
	}
	for _, s := range d.Statements {
		if r := rng.IntN(7) - 1; r >= 0 {
			a.StatementRatings[s.ID] = r
		}
	}
	for _, b := range d.Barriers {
		if rng.IntN(3) == 0 {
			a.Barriers[b.ID] = 1 + rng.IntN(3)
		}
	}
	return a
}

// TestRequiredCompetencesEqualReference compares RequiredCompetences with
// the straightforward way over 5,000 random assessments.
func TestRequiredCompetencesEqualReference(t *testing.T) {
	d := ref.MustLoad()
	rng := rand.New(rand.NewPCG(15, 2026))
	for n := range 5000 {
		a := randomAssessment(d, rng)
		if got, want := RequiredCompetences(d, a), referenceRequiredCompetences(d, a); !reflect.DeepEqual(got, want) {
			t.Fatalf("assessment %d, modes %v: got %+v, want %+v", n, a.Modes, got, want)
		}
	}
}
