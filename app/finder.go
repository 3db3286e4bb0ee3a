package app

import (
	"cmp"
	"slices"

	"github.com/pomi-planner/pomi/app/ref"
)

// A Finder computes the findings of one assessment after another, as Find
// and ScoreDimensions do, reusing its memory from one to the next. A
// portfolio's insights find those of ten thousand companies at a time,
// and Find's fresh lists (some 4 KB a company) cost more to allocate, and
// the garbage collector more to reclaim, than the finding itself.
//
// What a Finder returns is valid until its next call of the same method
// and must not be changed. A Finder is for one goroutine at a time; its
// zero value is ready to use.
type Finder struct {
	found    Findings
	scores   scoreLists
	first    scoreLists
	gaps     gapLists
	advice   candidates
	barriers []FeltBarrier
}

// Find returns what Find(d, c, a) returns, in f's memory: valid until
// f.Find is called again.
func (f *Finder) Find(d *ref.Data, c *Company, a *Assessment) *Findings {
	dims := f.scores.score(d, a)
	gaps := f.gaps.required(d, a)
	f.barriers = appendFeltBarriers(f.barriers[:0], d, a)
	f.found = Findings{
		Dimensions:      dims,
		Competences:     gaps,
		Barriers:        f.barriers,
		Recommendations: f.advice.recommendationIDs(d, c, a, dims, gaps),
	}
	return &f.found
}

// ScoreDimensions returns what ScoreDimensions(d, a) returns, in f's
// memory apart from Find's: valid until f.ScoreDimensions is called again.
func (f *Finder) ScoreDimensions(d *ref.Data, a *Assessment) []DimensionScore {
	return f.first.score(d, a)
}

// appendFeltBarriers appends a's felt barriers to out as feltBarriers
// lists them (never nil), sorted without reflection, which would allocate.
func appendFeltBarriers(out []FeltBarrier, d *ref.Data, a *Assessment) []FeltBarrier {
	if out == nil {
		out = make([]FeltBarrier, 0, len(d.Barriers))
	}
	for _, b := range d.Barriers {
		if w, ok := a.Barriers[b.ID]; ok {
			out = append(out, FeltBarrier{Barrier: b.ID, Rank: b.Rank, Weight: w})
		}
	}
	slices.SortStableFunc(out, func(x, y FeltBarrier) int {
		return cmp.Or(cmp.Compare(y.Weight, x.Weight), cmp.Compare(x.Rank, y.Rank))
	})
	return out
}
