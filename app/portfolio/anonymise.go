package portfolio

import (
	"slices"
	"strings"
)

// MinGroup is the smallest group of companies the anonymised view shows.
const MinGroup = 5

// OtherID is the id of the group that small groups are merged into.
const OtherID = "other"

// Anonymise returns the anonymised view of in, for reports that leave the
// advisor's office. Insights never hold company names or ids; on top of
// that, no figure shown rests on fewer than MinGroup companies:
//
//   - Fewer than MinGroup companies in all: the whole view is suppressed
//     (Suppressed, every figure zero, not even the number of companies).
//   - Unassessed is shown only when it is 0 or at least MinGroup, else 0.
//   - Partitions, where a small cell could be worked out from the total
//     (how often the companies were assessed, the score bands, the
//     improved/same/worse counts), merge each cell of 1 to MinGroup−1
//     companies with its next neighbour (the previous one for the last
//     cell) until every cell has 0 or at least MinGroup companies; a merged
//     Range spans both (From of one, To of the other), merged change ids
//     are joined by "+" ("same+worse").
//   - A score distribution over fewer than MinGroup companies is
//     suppressed; otherwise Min and Max, each a single company's score,
//     are left out (nil) and the bands merged as above.
//   - A movement over fewer than MinGroup companies is suppressed.
//   - Ranked lists, where one company can be in many items (barriers,
//     recommendations, the gaps of one entry mode), drop every item of 1 to
//     MinGroup−1 companies and add one OtherID item counting the distinct
//     companies in the dropped items; that item too is dropped when it
//     counts fewer than MinGroup.
//   - Entry modes chosen by fewer than MinGroup companies are merged into
//     one OtherID mode: its companies are the distinct companies of those
//     modes, its gaps the distinct companies per competence across them; it
//     is dropped when it has fewer than MinGroup companies. Each mode's gap
//     list is then anonymised as a ranked list.
func Anonymise(in Insights) Insights {
	out := Insights{Period: in.Period, Anonymised: true}
	if in.Companies < MinGroup {
		out.Suppressed = true
		return out
	}
	out.Companies, out.Assessments = in.Companies, in.Assessments
	if in.Unassessed >= MinGroup {
		out.Unassessed = in.Unassessed
	}
	out.Frequency = mergeAdjacent(in.Frequency, rangeSize, joinRanges)
	for _, d := range in.Scores {
		out.Scores = append(out.Scores, anonymiseDistribution(d))
	}
	for _, m := range in.Movements {
		out.Movements = append(out.Movements, anonymiseMovement(m))
	}
	out.CompetenceGaps = anonymiseModes(in.CompetenceGaps)
	out.Barriers = mergeSmall(in.Barriers)
	out.Recommendations = mergeSmall(in.Recommendations)
	return out
}

func rangeSize(r Range) int { return r.Companies }

func joinRanges(a, b Range) Range {
	return Range{From: min(a.From, b.From), To: max(a.To, b.To), Companies: a.Companies + b.Companies}
}

func countSize(c Count) int { return c.Companies }

func joinChanges(a, b Count) Count {
	return Count{ID: a.ID + "+" + b.ID, Companies: a.Companies + b.Companies}
}

// small reports whether n companies are too few to show, but more than none.
func small(n int) bool { return n > 0 && n < MinGroup }

// mergeAdjacent merges each small cell of an ordered partition with its
// next neighbour (the previous one for the last cell) until none is small
// or one cell is left. join gets the earlier cell first.
func mergeAdjacent[T any](cells []T, size func(T) int, join func(a, b T) T) []T {
	out := slices.Clone(cells)
	for len(out) > 1 {
		i := slices.IndexFunc(out, func(c T) bool { return small(size(c)) })
		if i < 0 {
			break
		}
		if i == len(out)-1 {
			i--
		}
		out[i] = join(out[i], out[i+1])
		out = slices.Delete(out, i+1, i+2)
	}
	return out
}

func anonymiseDistribution(d Distribution) Distribution {
	if d.Count < MinGroup {
		return Distribution{Dimension: d.Dimension, Suppressed: true}
	}
	d.Min, d.Max = nil, nil
	d.Bands = mergeAdjacent(d.Bands, rangeSize, joinRanges)
	return d
}

func anonymiseMovement(m Movement) Movement {
	if m.Companies < MinGroup {
		return Movement{Dimension: m.Dimension, Suppressed: true}
	}
	m.Changes = mergeAdjacent(withoutMembers(m.Changes), countSize, joinChanges)
	return m
}

// mergeSmall anonymises a ranked list (see Anonymise).
func mergeSmall(items []Count) []Count {
	out := []Count{}
	var dropped [][]int
	for _, c := range items {
		if small(c.Companies) {
			dropped = append(dropped, c.members)
			continue
		}
		out = append(out, Count{ID: c.ID, Companies: c.Companies})
	}
	if n := len(union(dropped...)); n >= MinGroup {
		out = append(out, Count{ID: OtherID, Companies: n})
	}
	return out
}

// anonymiseModes merges the small entry modes into OtherID and anonymises
// each mode's gaps.
func anonymiseModes(modes []ModeGaps) []ModeGaps {
	out := []ModeGaps{}
	other := ModeGaps{Mode: OtherID}
	var members [][]int
	gaps := map[string][][]int{}
	for _, m := range modes {
		if m.Companies >= MinGroup {
			out = append(out, ModeGaps{Mode: m.Mode, Companies: m.Companies, Gaps: mergeSmall(m.Gaps)})
			continue
		}
		members = append(members, m.members)
		for _, g := range m.Gaps {
			gaps[g.ID] = append(gaps[g.ID], g.members)
		}
	}
	other.members = union(members...)
	if other.Companies = len(other.members); other.Companies >= MinGroup {
		other.Gaps = mergeSmall(unionCounts(gaps))
		other.members = nil
		out = append(out, other)
	}
	return out
}

// unionCounts counts, per id, the distinct companies of its member lists.
func unionCounts(lists map[string][][]int) []Count {
	out := make([]Count, 0, len(lists))
	for id, ls := range lists {
		m := union(ls...)
		out = append(out, Count{ID: id, Companies: len(m), members: m})
	}
	sortCounts(out)
	return out
}

// union returns the distinct members of the lists, sorted.
func union(lists ...[]int) []int {
	var all []int
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// withoutMembers copies counts without the companies behind them.
func withoutMembers(cs []Count) []Count {
	out := make([]Count, len(cs))
	for i, c := range cs {
		out[i] = Count{ID: c.ID, Companies: c.Companies}
	}
	return out
}

// SplitChange splits a change id of an anonymised Movement into the
// changes it joins: "same+worse" gives [same worse], "improved" [improved].
func SplitChange(id string) []string {
	return strings.Split(id, "+")
}
