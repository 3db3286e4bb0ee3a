package app

import (
	"cmp"
	"math"
	"slices"

	"github.com/pomi-planner/pomi/app/ref"
)

// LowRating is the highest statement rating that triggers the statement's own
// recommendation.
const LowRating = 2

// Reason codes: why a recommendation was chosen.
const (
	ReasonDimensionGap  = "dimension_gap"  // Ref: dimension, Value: gap in points
	ReasonLowStatement  = "low_statement"  // Ref: statement id, Value: rating
	ReasonBarrier       = "barrier"        // Ref: barrier id, Value: weight 1–3
	ReasonModeCurrent   = "mode_current"   // Ref: mode id
	ReasonModePlanned   = "mode_planned"   // Ref: mode id
	ReasonCompetenceGap = "competence_gap" // Ref: competence id, Value: gap in levels, Modes: the chosen modes that require it
	ReasonIndustry      = "industry"       // Ref: industry key
	ReasonSituation     = "situation"      // Ref: situation id
)

// ReasonCodes lists every reason code, so a test can prove each has a message.
var ReasonCodes = []string{
	ReasonDimensionGap, ReasonLowStatement, ReasonBarrier, ReasonModeCurrent, ReasonModePlanned,
	ReasonCompetenceGap, ReasonIndustry, ReasonSituation,
}

// Reason is one thing in the assessment that makes a recommendation relevant.
type Reason struct {
	Code  string  `json:"code"`
	Ref   string  `json:"ref"`
	Value float64 `json:"value,omitempty"`
	// Modes are, for a competence gap, the entry modes the company chose that
	// require the competence: the advice says why it applies to those modes.
	Modes []string `json:"modes,omitempty"`
}

// Recommendation is a piece of reference advice chosen for one assessment,
// with a relevance score, the reasons it was chosen and the actors that help.
type Recommendation struct {
	ID        string        `json:"id"`
	Kind      string        `json:"kind"`
	Dimension ref.Dimension `json:"dimension"`
	Side      string        `json:"side"`
	OwnerRole string        `json:"owner_role"`
	Horizon   string        `json:"horizon"`
	Citation  ref.Citation  `json:"citation"`
	Score     float64       `json:"score"`
	Reasons   []Reason      `json:"reasons"`
	Actors    []string      `json:"actors"`
}

// MaxActorsPerRecommendation caps the support actors named for one recommendation.
const MaxActorsPerRecommendation = ref.MaxActorsPerRecommendation

// candidates collects recommendations by id, adding scores and reasons when
// the same advice is triggered more than once. all holds them in the order
// first triggered; actors is the backing store of their Actors, one
// allocation for all. With idsOnly set only the ids are collected (in
// order, each once) and nothing is scored.
type candidates struct {
	data    *ref.Data
	byID    map[string]int
	all     []Recommendation
	actors  []string
	idsOnly bool
	ids     []string
	// situations and industry hold the situations and industry keys while
	// collecting, kept by a Finder from one assessment to the next.
	situations []Situation
	industry   []string
}

func (cs *candidates) add(r *ref.Recommendation, score float64, why Reason) {
	if cs.idsOnly {
		if !slices.Contains(cs.ids, r.ID) {
			cs.ids = append(cs.ids, r.ID)
		}
		return
	}
	i, ok := cs.byID[r.ID]
	if !ok {
		i = len(cs.all)
		cs.byID[r.ID] = i
		cs.all = append(cs.all, Recommendation{
			ID: r.ID, Kind: r.Kind, Dimension: r.Dimension, Side: r.Side, OwnerRole: r.Owner,
			Horizon: r.Horizon, Citation: r.Citation, Actors: cs.actorsOf(r),
		})
	}
	c := &cs.all[i]
	c.Score += score
	c.Reasons = append(c.Reasons, why)
}

// actorsOf copies r's actors (ref.Data.ActorsFor, shared) into the
// candidates' own store; the copy is never nil and has no room to grow
// into the next one's.
func (cs *candidates) actorsOf(r *ref.Recommendation) []string {
	if cs.actors == nil {
		cs.actors = make([]string, 0, 4*MaxActorsPerRecommendation)
	}
	start := len(cs.actors)
	cs.actors = append(cs.actors, cs.data.ActorsFor(r)...)
	return cs.actors[start:len(cs.actors):len(cs.actors)]
}

func (cs *candidates) addAll(kind, trigger string, score float64, why Reason) {
	for _, r := range cs.data.RecommendationsFor(kind, trigger) {
		cs.add(r, score, why)
	}
}

// Recommend chooses, scores and ranks the recommendations for an assessment:
// Table 12 advice for each dimension with a gap, advice for low-rated
// statements, felt barriers, chosen modes, competence gaps, the industry and
// the company's situation. Scores are documented in docs/method.md.
func Recommend(d *ref.Data, c *Company, a *Assessment, dims []DimensionScore, gaps []CompetenceGap) []Recommendation {
	cs := &candidates{data: d, byID: make(map[string]int, 32), all: make([]Recommendation, 0, 32)}
	cs.collect(c, a, dims, gaps)
	cs.alignWithGaps(dims)
	return cs.ranked()
}

// RecommendationIDs returns the ids of the recommendations Recommend gives
// for the assessment, each once, in the order first chosen rather than
// ranked: the same choice, without scoring, ranking or actors, for
// counting which advice a portfolio's companies were given.
func RecommendationIDs(d *ref.Data, c *Company, a *Assessment, dims []DimensionScore, gaps []CompetenceGap) []string {
	var cs candidates
	return cs.recommendationIDs(d, c, a, dims, gaps)
}

// recommendationIDs is RecommendationIDs into cs's lists, replacing what
// they held.
func (cs *candidates) recommendationIDs(d *ref.Data, c *Company, a *Assessment, dims []DimensionScore, gaps []CompetenceGap) []string {
	if cs.ids == nil {
		// A company is given 40 to 60 pieces of advice: room for them at
		// once, not a list grown and left behind twice its size.
		cs.ids = make([]string, 0, 64)
	}
	cs.data, cs.idsOnly, cs.ids = d, true, cs.ids[:0]
	cs.collect(c, a, dims, gaps)
	return cs.ids
}

// collect adds every recommendation the assessment calls for.
func (cs *candidates) collect(c *Company, a *Assessment, dims []DimensionScore, gaps []CompetenceGap) {
	// The order of the steps is the order of equal-scored advice in the plan.
	cs.addDimensionGaps(dims)
	cs.addLowStatements(a)
	cs.addBarriers(a)
	cs.addModes(a)
	cs.addCompetenceGaps(gaps)
	cs.addIndustry(c)
	if cs.situations == nil { // room for every situation, at once
		cs.situations = make([]Situation, 0, 5)
	}
	cs.situations = appendSituations(cs.situations[:0], c, a, gaps)
	for _, s := range cs.situations {
		cs.addAll(ref.KindGeneral, s.ID, s.Score, Reason{Code: ReasonSituation, Ref: s.ID})
	}
}

// addDimensionGaps adds the Table 12 advice of every dimension with a gap,
// scored by the gap.
func (cs *candidates) addDimensionGaps(dims []DimensionScore) {
	for _, s := range dims {
		if s.Gap == nil || *s.Gap <= 0 {
			continue
		}
		why := Reason{Code: ReasonDimensionGap, Ref: string(s.Dimension), Value: round1(*s.Gap)}
		for _, r := range cs.data.DimensionRecommendations(s.Dimension) {
			cs.add(r, *s.Gap, why)
		}
	}
}

// addLowStatements adds the advice of each statement rated LowRating or
// lower; "don't know" is no rating.
func (cs *candidates) addLowStatements(a *Assessment) {
	for _, st := range cs.data.Statements {
		if r, ok := a.StatementRatings[st.ID]; ok && r != DontKnow && r <= LowRating {
			cs.addAll(ref.KindStatement, st.ID, float64(3-r)*20,
				Reason{Code: ReasonLowStatement, Ref: st.ID, Value: float64(r)})
		}
	}
}

// addBarriers adds the advice of each felt barrier, scored by its weight and
// by how high the research ranks it.
func (cs *candidates) addBarriers(a *Assessment) {
	for _, b := range cs.data.Barriers {
		if w, ok := a.Barriers[b.ID]; ok {
			cs.addAll(ref.KindBarrier, b.ID, float64(20+10*w+(11-b.Rank)),
				Reason{Code: ReasonBarrier, Ref: b.ID, Value: float64(w)})
		}
	}
}

// addModes adds the advice of each chosen entry mode; a planned mode scores
// higher than a current one, as the company has yet to learn it.
func (cs *candidates) addModes(a *Assessment) {
	for _, m := range a.Modes {
		code, score := ReasonModeCurrent, 25.0
		if m.Status == ModePlanned {
			code, score = ReasonModePlanned, 35.0
		}
		cs.addAll(ref.KindMode, m.Mode, score, Reason{Code: code, Ref: m.Mode})
	}
}

// addCompetenceGaps adds the advice of each competence with a gap, scored by
// its priority.
func (cs *candidates) addCompetenceGaps(gaps []CompetenceGap) {
	for _, g := range gaps {
		if g.Gap != nil && *g.Gap > 0 {
			cs.addAll(ref.KindCompetence, g.Competence, float64(20+10*g.Priority),
				Reason{Code: ReasonCompetenceGap, Ref: g.Competence, Value: float64(*g.Gap), Modes: g.Modes})
		}
	}
}

// addIndustry adds the notes on the company's industry keys.
func (cs *candidates) addIndustry(c *Company) {
	if cs.industry == nil { // room for every key, at once
		cs.industry = make([]string, 0, 4)
	}
	cs.industry = appendIndustryKeys(cs.industry[:0], c)
	for _, key := range cs.industry {
		score := 20.0
		if key == c.Sector {
			score = 30 // a note on the company's own sector is more specific than maturity or tech level
		}
		cs.addAll(ref.KindIndustry, key, score, Reason{Code: ReasonIndustry, Ref: key})
	}
}

// alignWithGaps adds a quarter of its dimension's gap to every recommendation
// not chosen for that gap already, so advice that builds the weakest
// dimension comes first among equals.
func (cs *candidates) alignWithGaps(dims []DimensionScore) {
	for i := range cs.all {
		if r := &cs.all[i]; r.Kind != ref.KindDimension {
			r.Score += dimensionGap(dims, r.Dimension) / 4
		}
	}
}

// repeatDecay lowers the score of each further recommendation of the same
// kind and dimension, so that one large gap cannot fill the whole list with
// Table 12 advice and the plan stays varied.
const repeatDecay = 0.7

// ranked sorts the candidates by score, largest first (ties in the order
// first triggered), lowers repeats of a kind and dimension by repeatDecay
// and sorts them again. It sorts their positions, not the values.
func (cs *candidates) ranked() []Recommendation {
	order := make([]int, len(cs.all))
	for i := range order {
		order[i] = i
	}
	byScore := func(i, j int) int { return cmp.Compare(cs.all[j].Score, cs.all[i].Score) }
	slices.SortStableFunc(order, byScore)
	type group struct {
		kind string
		dim  ref.Dimension
	}
	seen := make(map[group]int, 8)
	for _, i := range order {
		r := &cs.all[i]
		g := group{r.Kind, r.Dimension}
		r.Score = round1(r.Score * math.Pow(repeatDecay, float64(seen[g])))
		seen[g]++
	}
	slices.SortStableFunc(order, byScore)
	out := make([]Recommendation, len(order))
	for k, i := range order {
		out[k] = cs.all[i]
	}
	return out
}

// IndustryKeys returns the industry notes that apply to the company.
func IndustryKeys(c *Company) []string {
	return appendIndustryKeys(nil, c)
}

// appendIndustryKeys appends the industry notes that apply to c to keys.
func appendIndustryKeys(keys []string, c *Company) []string {
	switch c.Sector {
	case "manufacturing", "retail", "ict", "medtech":
		keys = append(keys, c.Sector)
	}
	switch c.Sector {
	case "ict", "medtech", "knowledge_services":
		keys = append(keys, "knowledge_intensive")
	}
	if c.Maturity != "" {
		keys = append(keys, c.Maturity)
	}
	if c.TechIntensity != "" {
		keys = append(keys, c.TechIntensity)
	}
	return keys
}

// Situation is a situation the engine detects (one of ref.Situations) and
// the relevance it adds to its recommendation.
type Situation struct {
	ID    string
	Score float64
}

// Situations returns the situations (ref.Situations) the engine detects, with
// the relevance each adds.
func Situations(c *Company, a *Assessment, gaps []CompetenceGap) []Situation {
	return appendSituations(nil, c, a, gaps)
}

// appendSituations appends the situations Situations returns to out.
func appendSituations(out []Situation, c *Company, a *Assessment, gaps []CompetenceGap) []Situation {
	if !c.Imports && !c.Exports() && !hasCurrentMode(a) {
		out = append(out, Situation{"not_international", 70})
	}
	if c.ExportStage == "awareness" || c.ExportStage == "intention" {
		out = append(out, Situation{"early_stage", 40})
	}
	if c.Orientation != "" {
		out = append(out, Situation{c.Orientation, 25})
	}
	unrated := 0
	for _, g := range gaps {
		if g.Unrated {
			unrated++
		}
	}
	if unrated > 0 {
		out = append(out, Situation{"unrated_competence", 30 + 5*float64(unrated)})
	}
	return append(out, Situation{"reassess", 10})
}

func hasCurrentMode(a *Assessment) bool {
	for _, m := range a.Modes {
		if m.Status == ModeCurrent {
			return true
		}
	}
	return false
}

func dimensionGap(dims []DimensionScore, d ref.Dimension) float64 {
	for _, s := range dims {
		if s.Dimension == d && s.Gap != nil {
			return *s.Gap
		}
	}
	return 0
}

func round1(v float64) float64 {
	if v < 0 {
		return -float64(int64(-v*10+0.5)) / 10
	}
	return float64(int64(v*10+0.5)) / 10
}
