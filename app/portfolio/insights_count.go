package portfolio

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// accumulateAll counts the clients in consecutive chunks shared out among
// the processors (finding each company's findings is the costly part and
// reads the reference data only), each chunk into an accumulator of its
// own, all counting the items of one catalogue, and merges those in the
// clients' order: every list of members, and every sum, comes out as
// counting one company after another would give it.
func accumulateAll(d *ref.Data, clients []Client, p Period) *accumulator {
	cat := newCatalogue(d)
	procs := runtime.GOMAXPROCS(0)
	chunks := max(1, min(len(clients)/256, 4*procs))
	accs := make([]*accumulator, chunks)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(chunks, procs) {
		wg.Go(func() {
			for c := int(next.Add(1)) - 1; c < chunks; c = int(next.Add(1)) - 1 {
				acc := newAccumulator()
				acc.use(cat)
				for i := c * len(clients) / chunks; i < (c+1)*len(clients)/chunks; i++ {
					acc.addClient(d, &clients[i], p, i)
				}
				accs[c] = acc
			}
		})
	}
	wg.Wait()
	return mergeAll(accs)
}

// accumulator gathers the insights one company at a time. A company is
// counted under an item of the catalogue (a recommendation, a barrier, …)
// by a mark; the marks, in the companies' order, become the members of
// each item's Count at the end, so a company counts once per item and the
// anonymised view can count the companies of merged groups.
type accumulator struct {
	in        Insights
	cat       *catalogue
	frequency map[int]int
	// scores and deltas (latest gap − first gap) are per dimension, in
	// ref.Dimensions order, in the companies' order.
	scores [][]float64
	deltas [][]float64
	// parts are the marks, one part per chunk counted, in the companies'
	// order; the accumulator marks into the first, its own.
	parts []*part
	// finder finds each company's findings in memory reused from the
	// company before.
	finder app.Finder
}

func newAccumulator() *accumulator {
	return &accumulator{
		frequency: map[int]int{},
		scores:    make([][]float64, len(ref.Dimensions)),
		deltas:    make([][]float64, len(ref.Dimensions)),
	}
}

// use makes acc count the items of cat.
func (acc *accumulator) use(cat *catalogue) {
	acc.cat, acc.parts = cat, []*part{newPart(len(cat.ids))}
}

// addClient counts company i, c, from its assessments in the period: the
// findings of the latest (app.Find's, by a Finder) and the scores of the
// first.
func (acc *accumulator) addClient(d *ref.Data, c *Client, p Period, i int) {
	if acc.cat == nil {
		acc.use(newCatalogue(d))
	}
	pk := pickPeriod(c.Assessments, p)
	if pk.n == 0 {
		acc.in.Unassessed++
		return
	}
	an := acc.finder.Find(d, &c.Company, &pk.latest.Assessment)
	acc.in.Companies++
	acc.in.Assessments += pk.n
	acc.frequency[pk.n]++
	for k, s := range an.Dimensions {
		if s.Score != nil {
			acc.scores[k] = append(acc.scores[k], *s.Score)
		}
	}
	acc.addGaps(&pk.latest.Assessment, an.Competences, i)
	for _, b := range an.Barriers {
		acc.mark(acc.cat.item(acc.cat.barriers, b.Barrier), i)
	}
	for _, id := range an.Recommendations {
		acc.mark(acc.cat.item(acc.cat.recs, id), i)
	}
	if pk.n >= 2 {
		acc.addMoves(acc.finder.ScoreDimensions(d, &pk.first.Assessment), an.Dimensions, i)
	}
}

// mark counts company i under item, once.
func (acc *accumulator) mark(item int32, i int) {
	acc.parts[0].mark(item, i)
}

// addGaps counts company i under each known mode it chose and, per mode,
// under each competence that mode requires and the company lacks.
func (acc *accumulator) addGaps(a *app.Assessment, gaps []app.CompetenceGap, i int) {
	for _, m := range a.Modes {
		if item, ok := acc.cat.modes[m.Mode]; ok {
			acc.mark(item, i)
		}
	}
	for _, g := range gaps {
		if g.Gap == nil || *g.Gap <= 0 {
			continue
		}
		comp := acc.cat.item(acc.cat.comps, g.Competence)
		for _, mode := range g.Modes {
			acc.mark(acc.cat.gapItem(acc.cat.item(acc.cat.modes, mode), comp), i)
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
		change := *l.Gap - *f.Gap
		acc.deltas[k] = append(acc.deltas[k], change)
		acc.mark(acc.cat.changeItem(k, change), i)
	}
}

// mergeAll adds the counts of accs[1:], each of companies after those of
// the one before, to accs[0], its lists of scores grown once to hold all.
func mergeAll(accs []*accumulator) *accumulator {
	acc := accs[0]
	for k := range acc.scores {
		scores, deltas := 0, 0
		for _, o := range accs[1:] {
			scores, deltas = scores+len(o.scores[k]), deltas+len(o.deltas[k])
		}
		acc.scores[k], acc.deltas[k] = slices.Grow(acc.scores[k], scores), slices.Grow(acc.deltas[k], deltas)
	}
	for _, o := range accs[1:] {
		acc.merge(o)
	}
	return acc
}

// merge adds o's counts, of companies all after acc's, to acc: the last
// thing done to o, and nothing is counted into acc after it.
func (acc *accumulator) merge(o *accumulator) {
	acc.in.Companies += o.in.Companies
	acc.in.Unassessed += o.in.Unassessed
	acc.in.Assessments += o.in.Assessments
	for n, k := range o.frequency {
		acc.frequency[n] += k
	}
	for k := range acc.scores {
		acc.scores[k] = append(acc.scores[k], o.scores[k]...)
		acc.deltas[k] = append(acc.deltas[k], o.deltas[k]...)
	}
	acc.parts = append(acc.parts, o.parts...)
}
