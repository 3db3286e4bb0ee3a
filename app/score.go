package app

import (
	"cmp"
	"slices"

	"github.com/pomi-planner/pomi/app/ref"
)

// RequiredLevel is the rating a required competence should reach.
const RequiredLevel = 4

// RatingScore maps a rating 1–5 to a score 0–100: (r−1)/4×100.
func RatingScore(r int) float64 { return float64(r-1) / 4 * 100 }

// DimensionScore is the score of one POMI dimension. Score and Gap are nil when
// no statement of the dimension has a rating: "not assessed" is not zero.
type DimensionScore struct {
	Dimension ref.Dimension `json:"dimension"`
	Score     *float64      `json:"score"`
	Target    float64       `json:"target"`
	Gap       *float64      `json:"gap"`
	// Answered counts statements rated 1–5, DontKnow those answered "don't
	// know", Total all statements of the dimension.
	Answered int `json:"answered"`
	DontKnow int `json:"dont_know"`
	Total    int `json:"total"`
}

// Assessed reports whether the dimension has a score.
func (s DimensionScore) Assessed() bool { return s.Score != nil }

// ScoreDimensions scores each dimension: the mean of its rated statements'
// scores; the gap is max(0, target − score).
func ScoreDimensions(d *ref.Data, a *Assessment) []DimensionScore {
	out := make([]DimensionScore, 0, len(ref.Dimensions))
	// Every score and gap points into vals: one allocation, not two per dimension.
	vals := make([]float64, 2*len(ref.Dimensions))
	for k, dim := range ref.Dimensions {
		s := DimensionScore{Dimension: dim, Target: a.Target(dim)}
		sum := 0.0
		for _, st := range d.StatementsOf(dim) {
			s.Total++
			r, ok := a.StatementRatings[st.ID]
			switch {
			case !ok:
			case r == DontKnow:
				s.DontKnow++
			default:
				s.Answered++
				sum += RatingScore(r)
			}
		}
		if s.Answered > 0 {
			score, gap := &vals[2*k], &vals[2*k+1]
			*score = round1(sum / float64(s.Answered))
			*gap = round1(max(0, s.Target-*score))
			s.Score, s.Gap = score, gap
		}
		out = append(out, s)
	}
	return out
}

// CompetenceGap is a competence that the chosen entry modes require.
type CompetenceGap struct {
	Competence string        `json:"competence"`
	Dimension  ref.Dimension `json:"dimension"`
	// Modes are the chosen modes that require it, current and planned.
	Modes    []string `json:"modes"`
	Required int      `json:"required_level"`
	// Rating is 1–5, or nil when the competence is unrated or "unknown".
	Rating *int `json:"rating"`
	// Gap is max(0, Required − Rating), nil when unrated.
	Gap     *int `json:"gap"`
	Unrated bool `json:"unrated"`
	// Priority grows with the gap and with how many chosen modes need the
	// competence: gap × modes. An unrated competence has priority 0 and is flagged.
	Priority int    `json:"priority"`
	Band     string `json:"band,omitempty"`
}

// RequiredCompetences returns the union of the competences the assessment's
// modes require, with rating, gap and priority, ordered by priority (largest
// first), then unrated ones, then by reference order.
func RequiredCompetences(d *ref.Data, a *Assessment) []CompetenceGap {
	out := requiredGaps(d, a)
	if len(out) == 0 {
		return []CompetenceGap{}
	}
	// Every rating and gap points into levels: one allocation, not two per competence.
	levels := make([]int, 2*len(out))
	for i := range out {
		rateGapInto(&out[i], a.CompetenceRatings, levels[2*i:2*i+2])
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

// requiredGaps lists the competences the assessment's modes require, each
// once in the order first required, with the modes that require it; all
// their Modes share one allocation.
func requiredGaps(d *ref.Data, a *Assessment) []CompetenceGap {
	bound := 0
	forEachRequired(d, a, func(string, string) { bound++ })
	if bound == 0 {
		return nil
	}
	out := make([]CompetenceGap, 0, min(bound, len(d.Competences)))
	counts := make([]int, 0, cap(out))
	forEachRequired(d, a, func(_, c string) {
		i := gapIndex(out, c)
		if i < 0 {
			i = len(out)
			out = append(out, CompetenceGap{Competence: c, Dimension: d.Competence(c).Dimension, Required: RequiredLevel})
			counts = append(counts, 0)
		}
		counts[i]++
	})
	modes, off := make([]string, bound), 0
	for i := range out {
		out[i].Modes = modes[off : off : off+counts[i]]
		off += counts[i]
	}
	forEachRequired(d, a, func(mode, c string) {
		i := gapIndex(out, c)
		out[i].Modes = append(out[i].Modes, mode)
	})
	return out
}

// forEachRequired calls f with every known chosen mode and each competence
// it requires, in order.
func forEachRequired(d *ref.Data, a *Assessment, f func(mode, competence string)) {
	for _, choice := range a.Modes {
		if mode := d.Mode(choice.Mode); mode != nil {
			for _, c := range mode.Competences {
				f(mode.ID, c)
			}
		}
	}
}

// gapIndex returns the position of competence c in gaps, -1 when absent.
func gapIndex(gaps []CompetenceGap, c string) int {
	for i := range gaps {
		if gaps[i].Competence == c {
			return i
		}
	}
	return -1
}

// rateGap returns g with its rating, gap, priority and band from ratings.
func rateGap(g CompetenceGap, ratings map[string]int) CompetenceGap {
	rateGapInto(&g, ratings, make([]int, 2))
	return g
}

// rateGapInto fills in g's rating, gap, priority and band from ratings,
// the rating and the gap kept in slots[0] and slots[1].
func rateGapInto(g *CompetenceGap, ratings map[string]int, slots []int) {
	r, ok := ratings[g.Competence]
	if !ok || r == DontKnow {
		g.Unrated = true
		return
	}
	rating, gap := &slots[0], &slots[1]
	*rating, *gap = r, max(0, g.Required-r)
	g.Rating, g.Gap = rating, gap
	g.Priority = *gap * len(g.Modes)
	g.Band = priorityBand(g.Priority)
}

// priorityBand turns a gap priority into high (≥3), medium (2) or low (1).
func priorityBand(p int) string {
	switch {
	case p >= 3:
		return PriorityHigh
	case p == 2:
		return PriorityMedium
	case p == 1:
		return PriorityLow
	}
	return ""
}
