package ref

import (
	"slices"
	"sync"
	"testing"
)

// scanStatementsOf, scanRecommendationsFor and scanCompetenceAt are the
// lookups as they were before the index: a scan of the lists on every call.
func scanStatementsOf(d *Data, dim Dimension) []Statement {
	var out []Statement
	for _, s := range d.Statements {
		if s.Dimension == dim {
			out = append(out, s)
		}
	}
	return out
}

func scanRecommendationsFor(d *Data, kind, trigger string) []*Recommendation {
	var out []*Recommendation
	for i := range d.Recommendations {
		r := &d.Recommendations[i]
		also := slices.ContainsFunc(r.Also, func(t Trigger) bool { return t.Kind == kind && t.ID == trigger })
		if (r.Kind == kind && r.Trigger == trigger) || also {
			out = append(out, r)
		}
	}
	return out
}

// checkIndex compares every indexed lookup of d with a scan.
func checkIndex(t *testing.T, d *Data) {
	t.Helper()
	for _, dim := range Dimensions {
		if got, want := d.StatementsOf(dim), scanStatementsOf(d, dim); !slices.Equal(got, want) {
			t.Errorf("StatementsOf(%s) = %v, want %v", dim, got, want)
		}
		var want []*Recommendation
		for i := range d.Recommendations {
			if r := &d.Recommendations[i]; r.Kind == KindDimension && r.Dimension == dim {
				want = append(want, r)
			}
		}
		if got := d.DimensionRecommendations(dim); !slices.Equal(got, want) {
			t.Errorf("DimensionRecommendations(%s): %d, want %d", dim, len(got), len(want))
		}
	}
	triggers := []Trigger{{KindBarrier, "nobody"}}
	for _, r := range d.Recommendations {
		triggers = append(append(triggers, Trigger{r.Kind, r.Trigger}), r.Also...)
	}
	for _, tr := range triggers {
		if got, want := d.RecommendationsFor(tr.Kind, tr.ID), scanRecommendationsFor(d, tr.Kind, tr.ID); !slices.Equal(got, want) {
			t.Errorf("RecommendationsFor(%v): %d, want %d", tr, len(got), len(want))
		}
	}
	for i := range d.Recommendations {
		r := &d.Recommendations[i]
		if got, want := d.ActorsFor(r), matchActors(d.Actors, r.Tags); !slices.Equal(got, want) {
			t.Errorf("ActorsFor(%s) = %v, want %v", r.ID, got, want)
		}
	}
	for i, c := range d.Competences {
		if got := d.CompetenceOrder()[c.ID]; got != i {
			t.Errorf("CompetenceOrder()[%s] = %d, want %d", c.ID, got, i)
		}
	}
}

func TestIndexGivesWhatAScanGives(t *testing.T) {
	d := MustLoad()
	checkIndex(t, d)
	custom, err := d.WithCustom(
		[]Actor{{ID: "org_local", URL: "https://example.se", Tags: d.Actors[len(d.Actors)-1].Tags}},
		[]Recommendation{{ID: "org_extra", Kind: KindBarrier, Trigger: d.Barriers[0].ID, Dimension: Market,
			Side: SideAgency, Owner: d.Recommendations[0].Owner, Horizon: Horizon0to3, Tags: d.Actors[0].Tags,
			Also: []Trigger{{KindMode, d.EntryModes[0].ID}}}})
	if err != nil {
		t.Fatal(err)
	}
	checkIndex(t, custom) // a copy builds its own index, not its original's
	checkIndex(t, d)

	// A copy whose lists are replaced after its original was indexed.
	changed := d.copyData()
	changed.Actors = slices.Clone(d.Actors[1:])
	changed.Statements = slices.DeleteFunc(slices.Clone(d.Statements), func(s Statement) bool { return s.Dimension == Market })
	checkIndex(t, &changed)
	if len(changed.StatementsOf(Market)) != 0 {
		t.Error("a copy kept its original's statements")
	}
}

// TestIndexIsSafeForConcurrentUse builds the index of fresh copies from
// many goroutines at once (run with -race).
func TestIndexIsSafeForConcurrentUse(t *testing.T) {
	base := MustLoad()
	for range 5 {
		d := base.copyData()
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Go(func() {
				r := &d.Recommendations[g%len(d.Recommendations)]
				if got, want := d.ActorsFor(r), matchActors(d.Actors, r.Tags); !slices.Equal(got, want) {
					t.Errorf("ActorsFor(%s) = %v, want %v", r.ID, got, want)
				}
				if len(d.StatementsOf(Dimensions[g%4])) == 0 || len(d.RecommendationsFor(r.Kind, r.Trigger)) == 0 {
					t.Error("a lookup found nothing")
				}
				if _, err := d.WithCustom(nil, nil); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
}
