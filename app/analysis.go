package app

import (
	"sort"

	"github.com/pomi-planner/pomi/app/ref"
)

// Analysis is what the engine finds in one assessment of a company. It holds
// ids and numbers only; Explain turns it into words in a language.
type Analysis struct {
	Date             string           `json:"date"`
	SizeClass        string           `json:"size_class,omitempty"`
	Dimensions       []DimensionScore `json:"dimensions"`
	Competences      []CompetenceGap  `json:"required_competences"`
	Barriers         []FeltBarrier    `json:"barriers"`
	Recommendations  []Recommendation `json:"recommendations"`
	SuggestedActions []Action         `json:"actions"`
	Benchmark        *Benchmark       `json:"benchmark,omitempty"`
	Checklist        ChecklistSummary `json:"checklist"`
}

// FeltBarrier is a barrier the company feels, with the report's rank.
type FeltBarrier struct {
	Barrier string `json:"barrier"`
	Rank    int    `json:"rank"`
	Weight  int    `json:"weight"`
}

// Benchmark sets the company beside its size class in report Table 1.
type Benchmark struct {
	Figures ref.SizeFigures `json:"figures"`
	// ExportShare is the company's share of sales abroad in percent, nil when unknown.
	ExportShare *float64 `json:"export_share"`
	// Markets counts the countries the company sells to today.
	Markets int `json:"markets"`
}

// ChecklistSummary counts the planning checklist's progress.
type ChecklistSummary struct {
	Done       int `json:"done"`
	InProgress int `json:"in_progress"`
	Total      int `json:"total"`
}

// Analyze scores an assessment and chooses what to do about it.
func Analyze(d *ref.Data, c *Company, a *Assessment) *Analysis {
	dims := ScoreDimensions(d, a)
	gaps := RequiredCompetences(d, a)
	recs := Recommend(d, c, a, dims, gaps)
	return &Analysis{
		Date:             a.Date,
		SizeClass:        c.SizeClass(),
		Dimensions:       dims,
		Competences:      gaps,
		Barriers:         feltBarriers(d, a),
		Recommendations:  recs,
		SuggestedActions: SuggestActions(recs, a),
		Benchmark:        benchmark(d, c),
		Checklist:        summarizeChecklist(d, a),
	}
}

// Findings is the part of an Analysis that a portfolio counts over many
// companies: the scores, the competence gaps, the felt barriers and which
// recommendations are given, without what only a plan needs (ranking,
// actors, suggested actions, benchmark, checklist).
type Findings struct {
	Dimensions  []DimensionScore
	Competences []CompetenceGap
	Barriers    []FeltBarrier
	// Recommendations are the ids of Analyze's recommendations, each once,
	// in the order first chosen (RecommendationIDs), not ranked.
	Recommendations []string
}

// Find computes an assessment's Findings with the functions Analyze uses,
// so both give the same scores, gaps, barriers and recommendations.
func Find(d *ref.Data, c *Company, a *Assessment) *Findings {
	dims := ScoreDimensions(d, a)
	gaps := RequiredCompetences(d, a)
	return &Findings{
		Dimensions:      dims,
		Competences:     gaps,
		Barriers:        feltBarriers(d, a),
		Recommendations: RecommendationIDs(d, c, a, dims, gaps),
	}
}

// Dimension returns the score of dimension dim.
func (an *Analysis) Dimension(dim ref.Dimension) DimensionScore {
	for _, s := range an.Dimensions {
		if s.Dimension == dim {
			return s
		}
	}
	return DimensionScore{Dimension: dim}
}

// CompetenceGaps returns the required competences with a gap above zero or no
// rating, in priority order.
func (an *Analysis) CompetenceGaps() []CompetenceGap {
	var out []CompetenceGap
	for _, g := range an.Competences {
		if g.Unrated || (g.Gap != nil && *g.Gap > 0) {
			out = append(out, g)
		}
	}
	return out
}

// LargestGap returns the assessed dimension with the largest gap above zero,
// and false when no dimension has one.
func (an *Analysis) LargestGap() (DimensionScore, bool) {
	var best DimensionScore
	found := false
	for _, s := range an.Dimensions {
		if s.Gap != nil && *s.Gap > 0 && (!found || *s.Gap > *best.Gap) {
			best, found = s, true
		}
	}
	return best, found
}

func feltBarriers(d *ref.Data, a *Assessment) []FeltBarrier {
	out := []FeltBarrier{}
	for _, b := range d.Barriers {
		if w, ok := a.Barriers[b.ID]; ok {
			out = append(out, FeltBarrier{Barrier: b.ID, Rank: b.Rank, Weight: w})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Rank < out[j].Rank
	})
	return out
}

func benchmark(d *ref.Data, c *Company) *Benchmark {
	figures := d.SizeFiguresFor(c.SizeClass())
	if figures == nil {
		return nil
	}
	return &Benchmark{Figures: *figures, ExportShare: c.ExportShare, Markets: len(c.CurrentMarkets)}
}

func summarizeChecklist(d *ref.Data, a *Assessment) ChecklistSummary {
	s := ChecklistSummary{Total: len(d.Checklist)}
	for _, item := range d.Checklist {
		switch a.Checklist[item.ID] {
		case ChecklistDone:
			s.Done++
		case ChecklistInProgress:
			s.InProgress++
		}
	}
	return s
}
