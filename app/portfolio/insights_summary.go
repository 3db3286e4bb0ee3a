package portfolio

import (
	"cmp"
	"slices"

	"github.com/pomi-planner/pomi/app/ref"
)

// insights turns the counts into the result: the last thing done to
// acc, whose marks it releases.
func (acc *accumulator) insights(p Period) Insights {
	if acc.cat == nil { // no client was counted
		acc.use(newCatalogue(&ref.Data{}))
	}
	members := memberLists(acc.parts, len(acc.cat.ids))
	in := acc.in
	in.Period = p
	in.Frequency = frequencyRanges(acc.frequency)
	in.Scores = make([]Distribution, 0, len(ref.Dimensions))
	in.Movements = make([]Movement, 0, len(ref.Dimensions))
	for k, dim := range ref.Dimensions {
		in.Scores = append(in.Scores, distribution(dim, acc.scores[k]))
		in.Movements = append(in.Movements, acc.movement(k, dim, members))
	}
	in.CompetenceGaps = acc.modeGapList(members)
	in.Barriers = acc.counts(acc.cat.barrierItems, members)
	in.Recommendations = acc.counts(acc.cat.recItems, members)
	return in
}

// counts lists the items of s that have companies, by count, largest
// first, then by id.
func (acc *accumulator) counts(s span, members [][]int) []Count {
	out := make([]Count, 0, s.to-s.from)
	for item := s.from; item < s.to; item++ {
		if m := members[item]; len(m) > 0 {
			out = append(out, Count{ID: acc.cat.ids[item], Companies: len(m), members: m})
		}
	}
	sortCounts(out)
	return out
}

func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Companies, a.Companies), cmp.Compare(a.ID, b.ID))
	})
}

func frequencyRanges(freq map[int]int) []Range {
	out := make([]Range, 0, len(freq))
	for times, n := range freq {
		out = append(out, Range{From: times, To: times, Companies: n})
	}
	slices.SortFunc(out, func(a, b Range) int { return cmp.Compare(a.From, b.From) })
	return out
}

// distribution summarises one dimension's scores.
func distribution(dim ref.Dimension, scores []float64) Distribution {
	d := Distribution{Dimension: dim, Count: len(scores), Bands: make([]Range, 0, 100/bandWidth)}
	for lo := 0; lo < 100; lo += bandWidth {
		hi := lo + bandWidth - 1
		if lo+bandWidth >= 100 {
			hi = 100
		}
		d.Bands = append(d.Bands, Range{From: lo, To: hi})
	}
	if len(scores) == 0 {
		return d
	}
	x := slices.Clone(scores)
	slices.Sort(x)
	sum := 0.0
	for _, v := range x {
		sum += v
		d.Bands[band(v, len(d.Bands))].Companies++
	}
	lo, hi := x[0], x[len(x)-1]
	d.Min, d.Max, d.Mean = &lo, &hi, sum/float64(len(x))
	d.Q1, d.Median, d.Q3 = quantile(x, 0.25), quantile(x, 0.5), quantile(x, 0.75)
	return d
}

// band returns the band index of a score: [0,20) is 0, [80,100] the last.
func band(v float64, n int) int {
	return min(max(int(v/bandWidth), 0), n-1)
}

// quantile interpolates linearly in sorted x at q (0–1).
func quantile(x []float64, q float64) float64 {
	pos := q * float64(len(x)-1)
	i := int(pos)
	if i+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[i] + (pos-float64(i))*(x[i+1]-x[i])
}

// movement sums up how dimension k's gaps moved.
func (acc *accumulator) movement(k int, dim ref.Dimension, members [][]int) Movement {
	mv := Movement{Dimension: dim, Changes: make([]Count, 0, len(changeIDs))}
	for c, id := range changeIDs {
		m := members[acc.cat.changeItemOf(k, c)]
		mv.Changes = append(mv.Changes, Count{ID: id, Companies: len(m), members: m})
	}
	if deltas := acc.deltas[k]; len(deltas) > 0 {
		sum := 0.0
		for _, c := range deltas {
			sum += c
		}
		mv.Companies, mv.MeanChange = len(deltas), sum/float64(len(deltas))
	}
	return mv
}

// modeGapList lists, per entry mode chosen, the competence gaps found;
// modes by how many companies chose them, largest first, then by id.
func (acc *accumulator) modeGapList(members [][]int) []ModeGaps {
	out := make([]ModeGaps, 0, acc.cat.modeItems.to-acc.cat.modeItems.from)
	for mode := acc.cat.modeItems.from; mode < acc.cat.modeItems.to; mode++ {
		if m := members[mode]; len(m) > 0 {
			out = append(out, ModeGaps{Mode: acc.cat.ids[mode], Companies: len(m),
				Gaps: acc.counts(acc.cat.gapItems(mode), members), members: m})
		}
	}
	sortModes(out)
	return out
}

func sortModes(ms []ModeGaps) {
	slices.SortFunc(ms, func(a, b ModeGaps) int {
		return cmp.Or(cmp.Compare(b.Companies, a.Companies), cmp.Compare(a.Mode, b.Mode))
	})
}
