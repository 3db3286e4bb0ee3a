package portfolio

import (
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// referenceInsights is ComputeInsights done the straightforward way, as
// it was before the counting was made fast: one company after another,
// app.Find's findings counted into maps keyed by id. The fast counting
// must give exactly this, members included (TestInsightsEqualReference).
func referenceInsights(d *ref.Data, clients []Client, f Filter, p Period, today time.Time) Insights {
	if !f.IsZero() {
		clients = Select(clients, Rows(d, clients, today), f)
	}
	acc := &refAccumulator{
		frequency: map[int]int{}, scores: map[ref.Dimension][]float64{}, modes: map[string][]int{},
		modeGaps: map[string]refTally{}, barriers: refTally{}, recs: refTally{}, moves: map[ref.Dimension]*refMoves{},
	}
	for i := range clients {
		acc.addClient(d, &clients[i], p, i)
	}
	return acc.insights(p)
}

type refAccumulator struct {
	in        Insights
	frequency map[int]int
	scores    map[ref.Dimension][]float64
	modes     map[string][]int
	modeGaps  map[string]refTally
	barriers  refTally
	recs      refTally
	moves     map[ref.Dimension]*refMoves
}

// refTally maps an id to the companies that have it.
type refTally map[string][]int

func (t refTally) add(id string, i int) {
	if m := t[id]; len(m) == 0 || m[len(m)-1] != i {
		t[id] = append(m, i)
	}
}

func (t refTally) counts() []Count {
	out := make([]Count, 0, len(t))
	for id, m := range t {
		out = append(out, Count{ID: id, Companies: len(m), members: m})
	}
	sortCounts(out)
	return out
}

type refMoves struct {
	changes refTally
	deltas  []float64
}

func (acc *refAccumulator) addClient(d *ref.Data, c *Client, p Period, i int) {
	pk := pickPeriod(c.Assessments, p)
	if pk.n == 0 {
		acc.in.Unassessed++
		return
	}
	an := app.Find(d, &c.Company, &pk.latest.Assessment)
	acc.in.Companies++
	acc.in.Assessments += pk.n
	acc.frequency[pk.n]++
	for _, s := range an.Dimensions {
		if s.Score != nil {
			acc.scores[s.Dimension] = append(acc.scores[s.Dimension], *s.Score)
		}
	}
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

func (acc *refAccumulator) addGaps(d *ref.Data, a *app.Assessment, an *app.Findings, i int) {
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
				acc.modeGaps[mode] = refTally{}
			}
			acc.modeGaps[mode].add(g.Competence, i)
		}
	}
}

func (acc *refAccumulator) addMoves(first, latest []app.DimensionScore, i int) {
	for k, f := range first {
		l := latest[k]
		if f.Gap == nil || l.Gap == nil {
			continue
		}
		m := acc.moves[f.Dimension]
		if m == nil {
			m = &refMoves{changes: refTally{}}
			acc.moves[f.Dimension] = m
		}
		change := *l.Gap - *f.Gap
		m.deltas = append(m.deltas, change)
		m.changes.add(refChangeID(change), i)
	}
}

func (acc *refAccumulator) insights(p Period) Insights {
	in := acc.in
	in.Period = p
	in.Frequency = frequencyRanges(acc.frequency)
	in.Scores = make([]Distribution, 0, len(ref.Dimensions))
	in.Movements = make([]Movement, 0, len(ref.Dimensions))
	for _, dim := range ref.Dimensions {
		in.Scores = append(in.Scores, distribution(dim, acc.scores[dim]))
		in.Movements = append(in.Movements, acc.movement(dim))
	}
	in.CompetenceGaps = make([]ModeGaps, 0, len(acc.modes))
	for mode, members := range acc.modes {
		in.CompetenceGaps = append(in.CompetenceGaps,
			ModeGaps{Mode: mode, Companies: len(members), Gaps: acc.modeGaps[mode].counts(), members: members})
	}
	sortModes(in.CompetenceGaps)
	in.Barriers = acc.barriers.counts()
	in.Recommendations = acc.recs.counts()
	return in
}

func (acc *refAccumulator) movement(dim ref.Dimension) Movement {
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

func refChangeID(change float64) string {
	switch {
	case change < -sameGap:
		return ChangeImproved
	case change > sameGap:
		return ChangeWorse
	}
	return ChangeSame
}
