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
	var s scoreLists
	return s.score(d, a)
}

// scoreLists holds what ScoreDimensions fills: the scores and vals, into
// which every score and gap points (one allocation, not two per
// dimension). A Finder keeps them from one assessment to the next.
type scoreLists struct {
	dims []DimensionScore
	vals []float64
}

// score scores a into s's lists, replacing what they held.
func (s *scoreLists) score(d *ref.Data, a *Assessment) []DimensionScore {
	if s.vals == nil {
		s.dims, s.vals = make([]DimensionScore, 0, len(ref.Dimensions)), make([]float64, 2*len(ref.Dimensions))
	}
	s.dims = scoreDimensions(d, a, s.dims[:0], s.vals)
	return s.dims
}

// scoreDimensions appends the score of each dimension to out, its score
// and gap pointing into vals[2k] and vals[2k+1] for the k-th dimension.
func scoreDimensions(d *ref.Data, a *Assessment, out []DimensionScore, vals []float64) []DimensionScore {
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
	var g gapLists
	return g.required(d, a)
}

// gapLists holds what RequiredCompetences fills: the gaps, the modes of
// each (one list shared by all) and levels, into which every rating and
// gap points (one allocation, not two per competence). A Finder keeps
// them from one assessment to the next.
type gapLists struct {
	gaps    []CompetenceGap
	modeIDs []string
	levels  []int
}

// required finds a's required competences into g's lists, replacing
// what they held.
func (g *gapLists) required(d *ref.Data, a *Assessment) []CompetenceGap {
	var buf [8]*ref.EntryMode // the modes chosen, on the stack for a usual assessment
	out := g.requiredGaps(d, chosenModes(d, a, buf[:0]))
	if len(out) == 0 {
		return []CompetenceGap{}
	}
	g.levels = resize(g.levels, 2*len(out))
	for i := range out {
		rateGapInto(&out[i], a.CompetenceRatings, g.levels[2*i:2*i+2])
	}
	// out is in reference order, so a stable sort by priority and unrated
	// first leaves equals in reference order, without looking up the
	// order in every comparison.
	slices.SortStableFunc(out, func(x, y CompetenceGap) int {
		if x.Priority != y.Priority {
			return cmp.Compare(y.Priority, x.Priority)
		}
		switch {
		case x.Unrated == y.Unrated:
			return 0
		case x.Unrated:
			return -1
		}
		return 1
	})
	return out
}

// chosenModes appends to modes each chosen mode the reference data
// knows, in the order chosen, looked up once.
func chosenModes(d *ref.Data, a *Assessment, modes []*ref.EntryMode) []*ref.EntryMode {
	for _, choice := range a.Modes {
		if mode := d.Mode(choice.Mode); mode != nil {
			modes = append(modes, mode)
		}
	}
	return modes
}

// required is a competence the chosen modes require: its position in
// the reference data and how many of the modes require it.
type required struct {
	id    string
	at, n int
}

// requiredGaps lists the competences the modes require, each once in
// reference order, with the modes that require it in the order chosen.
func (g *gapLists) requiredGaps(d *ref.Data, modes []*ref.EntryMode) []CompetenceGap {
	var buf [16]required // every competence, for the built-in data: on the stack
	reqs, bound := buf[:0], 0
	order := d.CompetenceOrder()
	for _, mode := range modes {
		for _, c := range mode.Competences {
			bound++
			if i := slices.IndexFunc(reqs, func(r required) bool { return r.id == c }); i >= 0 {
				reqs[i].n++
			} else {
				reqs = append(reqs, required{id: c, at: competenceAt(d, order, c), n: 1})
			}
		}
	}
	if len(reqs) == 0 {
		return nil
	}
	slices.SortFunc(reqs, func(x, y required) int { return cmp.Compare(x.at, y.at) })
	g.gaps, g.modeIDs = resize(g.gaps, len(reqs)), resize(g.modeIDs, bound)
	out, off := g.gaps, 0
	for i, r := range reqs {
		out[i] = CompetenceGap{Competence: r.id, Dimension: d.Competences[r.at].Dimension, Required: RequiredLevel,
			Modes: g.modeIDs[off : off : off+r.n]}
		off += r.n
	}
	for _, mode := range modes {
		for _, c := range mode.Competences {
			i := gapIndex(out, c)
			out[i].Modes = append(out[i].Modes, mode.ID)
		}
	}
	return out
}

// competenceAt returns the position of competence id in d.Competences
// (order is d.CompetenceOrder()). A mode requiring a competence the data
// lacks is a defect of the data, which Check rejects.
func competenceAt(d *ref.Data, order map[string]int, id string) int {
	at, ok := order[id]
	if !ok || d.Competences[at].ID != id {
		panic("app: an entry mode requires the unknown competence " + id)
	}
	return at
}

// resize returns list with n elements, reusing its memory when it has room
// (what it held is to be overwritten).
func resize[T any](list []T, n int) []T {
	if cap(list) < n {
		return make([]T, n)
	}
	return list[:n]
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
