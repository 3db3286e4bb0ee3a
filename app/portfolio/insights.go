package portfolio

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
)

// Period picks assessments by date, both ends included; a zero end is open.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Count is how many companies share one thing: a competence gap, a barrier,
// a recommendation, a kind of change.
type Count struct {
	ID        string `json:"id"`
	Companies int    `json:"companies"`
	members   []int
}

// Range counts the companies whose value lies from From to To, both
// included: how often they were assessed, or their score band.
type Range struct {
	From      int `json:"from"`
	To        int `json:"to"`
	Companies int `json:"companies"`
}

// Distribution is one POMI score over the companies.
type Distribution struct {
	Dimension ref.Dimension `json:"dimension"`
	Count     int           `json:"count"`
	// Min and Max are nil in the anonymised view.
	Min    *float64 `json:"min,omitempty"`
	Q1     float64  `json:"q1"`
	Median float64  `json:"median"`
	Q3     float64  `json:"q3"`
	Max    *float64 `json:"max,omitempty"`
	Mean   float64  `json:"mean"`
	// Bands count the scores 0–19, 20–39, 40–59, 60–79 and 80–100.
	Bands []Range `json:"bands"`
	// Suppressed is true in the anonymised view when Count < MinGroup.
	Suppressed bool `json:"suppressed,omitempty"`
}

// ModeGaps is the competence gaps found among the companies that chose one
// entry mode.
type ModeGaps struct {
	Mode      string  `json:"mode"`
	Companies int     `json:"companies"`
	Gaps      []Count `json:"gaps"`
	members   []int
}

// Movement is how one dimension's gap moved between the first and the latest
// assessment of the companies assessed twice or more.
type Movement struct {
	Dimension ref.Dimension `json:"dimension"`
	Companies int           `json:"companies"`
	// Changes counts "improved", "same" and "worse", in that order.
	Changes []Count `json:"changes"`
	// MeanChange is the mean of latest gap − first gap: below zero the gap shrank.
	MeanChange float64 `json:"mean_change"`
	Suppressed bool    `json:"suppressed,omitempty"`
}

// Insights is what a filtered part of the portfolio has in common over a period.
type Insights struct {
	Period Period `json:"period"`
	// Companies counts the companies with an assessment in the period;
	// Unassessed those that pass the filter but have none in it.
	Companies   int `json:"companies"`
	Unassessed  int `json:"unassessed"`
	Assessments int `json:"assessments"`
	// Frequency counts the companies by how many assessments they had.
	Frequency       []Range        `json:"frequency"`
	Scores          []Distribution `json:"scores"`
	CompetenceGaps  []ModeGaps     `json:"competence_gaps"`
	Barriers        []Count        `json:"barriers"`
	Recommendations []Count        `json:"recommendations"`
	Movements       []Movement     `json:"movements"`
	// Anonymised marks the anonymised view; Suppressed that it hides
	// everything because fewer than MinGroup companies are in it.
	Anonymised bool `json:"anonymised,omitempty"`
	Suppressed bool `json:"suppressed,omitempty"`
}

// Change ids of a Movement.
const (
	ChangeImproved = "improved"
	ChangeSame     = "same"
	ChangeWorse    = "worse"
)

// bandWidth is the width of a score band; scores of 100 join the top band.
const bandWidth = 20

// ComputeInsights computes the insights over the clients that pass f (as
// the table shows them today, see Filter) from their assessments dated in
// p. Everything is counted per company: its latest assessment in the
// period gives its scores, competence gaps (a required competence rated
// below the required level; unrated ones do not count), felt barriers and
// the recommendations given, found once by app.Find (app.Analyze's
// findings without the plan); its first and latest assessment in the
// period give the movement of its gaps.
// Lists are ordered by count, largest first, then by id. Quartiles
// interpolate linearly between the sorted scores (as a spreadsheet's
// QUARTILE.INC). O(n) in the clients' assessments.
func ComputeInsights(d *ref.Data, clients []Client, f Filter, p Period, today time.Time) Insights {
	if !f.IsZero() {
		clients = Select(clients, Rows(d, clients, today), f)
	}
	return accumulateAll(d, clients, p).insights(p)
}

// periodPick is a company's first and latest assessment in the period and
// how many it has there.
type periodPick struct {
	first, latest *app.StoredAssessment
	n             int
}

// accumulateAll counts the clients in consecutive chunks shared out among
// the processors (app.Find is the costly part and reads the reference
// data only), each chunk into an accumulator of its own, and merges those
// in the clients' order: every list of members, and every sum, comes out
// as counting one company after another would give it.
func accumulateAll(d *ref.Data, clients []Client, p Period) *accumulator {
	procs := runtime.GOMAXPROCS(0)
	chunks := max(1, min(len(clients)/256, 4*procs))
	accs := make([]*accumulator, chunks)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(chunks, procs) {
		wg.Go(func() {
			for c := int(next.Add(1)) - 1; c < chunks; c = int(next.Add(1)) - 1 {
				acc := newAccumulator()
				for i := c * len(clients) / chunks; i < (c+1)*len(clients)/chunks; i++ {
					acc.addClient(d, &clients[i], p, i)
				}
				accs[c] = acc
			}
		})
	}
	wg.Wait()
	for _, acc := range accs[1:] {
		accs[0].merge(acc)
	}
	return accs[0]
}

// accumulator gathers the insights one company at a time; members hold
// the indexes of the companies counted, so a company counts once per item
// and the anonymised view can count the companies of merged groups.
type accumulator struct {
	in        Insights
	frequency map[int]int
	scores    map[ref.Dimension][]float64
	modes     map[string][]int
	modeGaps  map[string]tally
	barriers  tally
	recs      tally
	moves     map[ref.Dimension]*moveTally
}

// tally maps an id to the companies that have it.
type tally map[string][]int

// add counts company i under id, once.
func (t tally) add(id string, i int) {
	if m := t[id]; len(m) == 0 || m[len(m)-1] != i {
		t[id] = append(m, i)
	}
}

// merge adds o's companies, all after t's, to t.
func (t tally) merge(o tally) {
	for id, m := range o {
		t[id] = append(t[id], m...)
	}
}

// moveTally gathers one dimension's gap changes, in the companies' order.
type moveTally struct {
	changes tally
	deltas  []float64
}

func newAccumulator() *accumulator {
	return &accumulator{
		frequency: map[int]int{}, scores: map[ref.Dimension][]float64{}, modes: map[string][]int{},
		modeGaps: map[string]tally{}, barriers: tally{}, recs: tally{}, moves: map[ref.Dimension]*moveTally{},
	}
}

// addClient counts company i, c, from its assessments in the period: the
// findings of the latest (app.Find) and the scores of the first.
func (acc *accumulator) addClient(d *ref.Data, c *Client, p Period, i int) {
	pk := pickPeriod(c.Assessments, p)
	if pk.n == 0 {
		acc.in.Unassessed++
		return
	}
	an := app.Find(d, &c.Company, &pk.latest.Assessment)
	acc.in.Companies++
	acc.in.Assessments += pk.n
	acc.frequency[pk.n]++
	acc.addScores(an)
	acc.addGaps(d, &pk.latest.Assessment, an, i)
	for _, b := range an.Barriers {
		acc.barriers.add(b.Barrier, i)
	}
	for _, id := range an.Recommendations {
		acc.recs.add(id, i)
	}
	if pk.n >= 2 {
		acc.addMoves(app.ScoreDimensions(d, &pk.first.Assessment), an.Dimensions, i)
	}
}

// merge adds o's counts, of companies all after acc's, to acc.
func (acc *accumulator) merge(o *accumulator) {
	acc.in.Companies += o.in.Companies
	acc.in.Unassessed += o.in.Unassessed
	acc.in.Assessments += o.in.Assessments
	for n, k := range o.frequency {
		acc.frequency[n] += k
	}
	for dim, s := range o.scores {
		acc.scores[dim] = append(acc.scores[dim], s...)
	}
	for mode, ms := range o.modes {
		acc.modes[mode] = append(acc.modes[mode], ms...)
	}
	for mode, t := range o.modeGaps {
		if acc.modeGaps[mode] == nil {
			acc.modeGaps[mode] = tally{}
		}
		acc.modeGaps[mode].merge(t)
	}
	acc.barriers.merge(o.barriers)
	acc.recs.merge(o.recs)
	for dim, m := range o.moves {
		if mine := acc.moves[dim]; mine != nil {
			mine.changes.merge(m.changes)
			mine.deltas = append(mine.deltas, m.deltas...)
		} else {
			acc.moves[dim] = m
		}
	}
}

// pickPeriod finds the first and the latest assessment dated in the
// period (by date; the later in the list on a tie) and counts them.
func pickPeriod(as []app.StoredAssessment, p Period) periodPick {
	var pk periodPick
	for i := range as {
		a := &as[i]
		if !p.Contains(a.Date) {
			continue
		}
		pk.n++
		if pk.first == nil || a.Date < pk.first.Date {
			pk.first = a
		}
		if pk.latest == nil || a.Date >= pk.latest.Date {
			pk.latest = a
		}
	}
	return pk
}

// Contains reports whether a date (yyyy-mm-dd) lies in the period, both
// ends included. A date that does not parse lies only in a fully open period.
func (p Period) Contains(date string) bool {
	if p.From.IsZero() && p.To.IsZero() {
		return true
	}
	t, err := validate.ParseDate(date)
	if err != nil {
		return false
	}
	return (p.From.IsZero() || !t.Before(dayOf(p.From))) && (p.To.IsZero() || !t.After(dayOf(p.To)))
}

func (acc *accumulator) addScores(an *app.Findings) {
	for _, s := range an.Dimensions {
		if s.Score != nil {
			acc.scores[s.Dimension] = append(acc.scores[s.Dimension], *s.Score)
		}
	}
}

// addGaps counts company i under each mode it chose and, per mode, under
// each competence that mode requires and the company lacks.
func (acc *accumulator) addGaps(d *ref.Data, a *app.Assessment, an *app.Findings, i int) {
	for _, m := range a.Modes {
		if d.Mode(m.Mode) == nil {
			continue
		}
		if ms := acc.modes[m.Mode]; len(ms) == 0 || ms[len(ms)-1] != i {
			acc.modes[m.Mode] = append(ms, i)
		}
	}
	for _, g := range an.Competences {
		if g.Gap == nil || *g.Gap <= 0 {
			continue
		}
		for _, mode := range g.Modes {
			if acc.modeGaps[mode] == nil {
				acc.modeGaps[mode] = tally{}
			}
			acc.modeGaps[mode].add(g.Competence, i)
		}
	}
}

// sameGap is how close two gaps must be to count as unchanged: gaps are
// rounded to tenths.
const sameGap = 0.05

// addMoves counts how company i's gap moved in each dimension assessed both times.
func (acc *accumulator) addMoves(first, latest []app.DimensionScore, i int) {
	for k, f := range first {
		l := latest[k]
		if f.Gap == nil || l.Gap == nil {
			continue
		}
		m := acc.moves[f.Dimension]
		if m == nil {
			m = &moveTally{changes: tally{}}
			acc.moves[f.Dimension] = m
		}
		change := *l.Gap - *f.Gap
		m.deltas = append(m.deltas, change)
		m.changes.add(changeID(change), i)
	}
}

func changeID(change float64) string {
	switch {
	case change < -sameGap:
		return ChangeImproved
	case change > sameGap:
		return ChangeWorse
	}
	return ChangeSame
}

// insights turns the tallies into the result.
func (acc *accumulator) insights(p Period) Insights {
	in := acc.in
	in.Period = p
	in.Frequency = frequencyRanges(acc.frequency)
	in.Scores = make([]Distribution, 0, len(ref.Dimensions))
	in.Movements = make([]Movement, 0, len(ref.Dimensions))
	for _, dim := range ref.Dimensions {
		in.Scores = append(in.Scores, distribution(dim, acc.scores[dim]))
		in.Movements = append(in.Movements, acc.movement(dim))
	}
	in.CompetenceGaps = acc.modeGapList()
	in.Barriers = acc.barriers.counts()
	in.Recommendations = acc.recs.counts()
	return in
}

// counts lists the tally by count, largest first, then by id.
func (t tally) counts() []Count {
	out := make([]Count, 0, len(t))
	for id, m := range t {
		out = append(out, Count{ID: id, Companies: len(m), members: m})
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

func (acc *accumulator) movement(dim ref.Dimension) Movement {
	mv := Movement{Dimension: dim, Changes: make([]Count, 0, 3)}
	m := acc.moves[dim]
	for _, id := range []string{ChangeImproved, ChangeSame, ChangeWorse} {
		c := Count{ID: id}
		if m != nil {
			c.members = m.changes[id]
			c.Companies = len(c.members)
		}
		mv.Changes = append(mv.Changes, c)
	}
	if m != nil && len(m.deltas) > 0 {
		sum := 0.0
		for _, c := range m.deltas {
			sum += c
		}
		mv.Companies, mv.MeanChange = len(m.deltas), sum/float64(len(m.deltas))
	}
	return mv
}

// modeGapList lists, per entry mode chosen, the competence gaps found;
// modes by how many companies chose them, largest first, then by id.
func (acc *accumulator) modeGapList() []ModeGaps {
	out := make([]ModeGaps, 0, len(acc.modes))
	for mode, members := range acc.modes {
		out = append(out, ModeGaps{Mode: mode, Companies: len(members), Gaps: acc.modeGaps[mode].counts(), members: members})
	}
	sortModes(out)
	return out
}

func sortModes(ms []ModeGaps) {
	slices.SortFunc(ms, func(a, b ModeGaps) int {
		return cmp.Or(cmp.Compare(b.Companies, a.Companies), cmp.Compare(a.Mode, b.Mode))
	})
}
