package app

import (
	"sort"

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
	for _, dim := range ref.Dimensions {
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
			score := round1(sum / float64(s.Answered))
			gap := round1(max(0, s.Target-score))
			s.Score, s.Gap = &score, &gap
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
	byID := map[string]*CompetenceGap{}
	var order []string
	for _, choice := range a.Modes {
		mode := d.Mode(choice.Mode)
		if mode == nil {
			continue
		}
		for _, c := range mode.Competences {
			g, ok := byID[c]
			if !ok {
				g = &CompetenceGap{Competence: c, Dimension: d.Competence(c).Dimension, Required: RequiredLevel}
				byID[c] = g
				order = append(order, c)
			}
			g.Modes = append(g.Modes, mode.ID)
		}
	}
	out := make([]CompetenceGap, 0, len(order))
	for _, id := range order {
		out = append(out, rateGap(*byID[id], a.CompetenceRatings))
	}
	refIndex := competenceIndex(d)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Priority != out[j].Priority {
			return out[i].Priority > out[j].Priority
		}
		if out[i].Unrated != out[j].Unrated {
			return out[i].Unrated
		}
		return refIndex[out[i].Competence] < refIndex[out[j].Competence]
	})
	return out
}

func rateGap(g CompetenceGap, ratings map[string]int) CompetenceGap {
	r, ok := ratings[g.Competence]
	if !ok || r == DontKnow {
		g.Unrated = true
		return g
	}
	gap := max(0, g.Required-r)
	g.Rating, g.Gap = &r, &gap
	g.Priority = gap * len(g.Modes)
	g.Band = priorityBand(g.Priority)
	return g
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

func competenceIndex(d *ref.Data) map[string]int {
	idx := make(map[string]int, len(d.Competences))
	for i, c := range d.Competences {
		idx[c.ID] = i
	}
	return idx
}
