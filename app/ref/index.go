package ref

import (
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"
)

// MaxActorsPerRecommendation caps the support actors named for one
// recommendation.
const MaxActorsPerRecommendation = 3

// index is what the lookups derive from the data: built once per Data on
// first use, so that analysing thousands of assessments does not scan the
// lists again for each. Its slices are shared by every caller.
type index struct {
	// owner and the lists' shapes tell whether the index still describes
	// the Data holding it: a copy of a Data (WithCustom, a test changing
	// a list) holds its original's index until it builds its own.
	owner  *Data
	shapes [4]listShape

	statementsOf  map[Dimension][]Statement
	dimensionRecs map[Dimension][]*Recommendation
	recsFor       map[Trigger][]*Recommendation
	actorsFor     map[*Recommendation][]string
	competenceAt  map[string]int
}

// listShape is a list's first element and length. The address is kept
// as an unsafe.Pointer, not an interface, so that comparing shapes, on
// every lookup, is comparing plain words (an interface compares through
// a runtime call).
type listShape struct {
	first unsafe.Pointer
	n     int
}

func shapeOf[T any](list []T) listShape {
	if len(list) == 0 {
		return listShape{}
	}
	return listShape{unsafe.Pointer(&list[0]), len(list)}
}

// shapes are the shapes of d's lists that the index is built from, in
// the order describes compares them.
func (d *Data) shapes() [4]listShape {
	return [4]listShape{shapeOf(d.Statements), shapeOf(d.Recommendations), shapeOf(d.Actors), shapeOf(d.Competences)}
}

// indexMu serialises building an index and copying a Data: a Data's idx
// is only written under it, and read with an atomic load.
var indexMu sync.Mutex

// lookups returns d's index, building it on first use and again when the
// lists were replaced since. Safe for concurrent use; once built, a lookup
// takes no lock.
func (d *Data) lookups() *index {
	if x := (*index)(atomic.LoadPointer(&d.idx)); x.describes(d) {
		return x
	}
	indexMu.Lock()
	defer indexMu.Unlock()
	x := (*index)(atomic.LoadPointer(&d.idx))
	if !x.describes(d) {
		x = d.buildIndex()
		atomic.StorePointer(&d.idx, unsafe.Pointer(x))
	}
	return x
}

// describes reports whether x is the index of d as its lists are now.
// Every lookup asks it, so the shapes are compared one by one, in a few
// instructions, not built into an array and compared as memory.
func (x *index) describes(d *Data) bool {
	return x != nil && x.owner == d &&
		x.shapes[0] == shapeOf(d.Statements) && x.shapes[1] == shapeOf(d.Recommendations) &&
		x.shapes[2] == shapeOf(d.Actors) && x.shapes[3] == shapeOf(d.Competences)
}

// copyData returns a copy of d without d's index, made under the index's
// lock so that a copy made while another goroutine builds it is no race.
func (d *Data) copyData() Data {
	indexMu.Lock()
	defer indexMu.Unlock()
	c := *d
	c.idx = nil
	return c
}

func (d *Data) buildIndex() *index {
	x := &index{
		owner: d, shapes: d.shapes(),
		statementsOf: map[Dimension][]Statement{}, dimensionRecs: map[Dimension][]*Recommendation{},
		recsFor: map[Trigger][]*Recommendation{}, actorsFor: make(map[*Recommendation][]string, len(d.Recommendations)),
		competenceAt: make(map[string]int, len(d.Competences)),
	}
	for _, s := range d.Statements {
		x.statementsOf[s.Dimension] = append(x.statementsOf[s.Dimension], s)
	}
	for i := range d.Recommendations {
		r := &d.Recommendations[i]
		if r.Kind == KindDimension {
			x.dimensionRecs[r.Dimension] = append(x.dimensionRecs[r.Dimension], r)
		}
		x.addTrigger(Trigger{r.Kind, r.Trigger}, r)
		for _, t := range r.Also {
			x.addTrigger(t, r)
		}
		x.actorsFor[r] = slices.Clip(matchActors(d.Actors, r.Tags))
	}
	for i, c := range d.Competences {
		x.competenceAt[c.ID] = i
	}
	clipAll(x.statementsOf)
	clipAll(x.dimensionRecs)
	clipAll(x.recsFor)
	return x
}

// addTrigger lists r under t once, in reference order.
func (x *index) addTrigger(t Trigger, r *Recommendation) {
	if l := x.recsFor[t]; len(l) == 0 || l[len(l)-1] != r {
		x.recsFor[t] = append(l, r)
	}
}

// clipAll clips every list, so a caller appending to a shared one copies it.
func clipAll[K comparable, V any](m map[K][]V) {
	for k, l := range m {
		m[k] = slices.Clip(l)
	}
}

// matchActors returns the actors sharing most need tags with tags, best
// first, at most MaxActorsPerRecommendation; ties keep reference order.
func matchActors(actors []Actor, tags []string) []string {
	type hit struct {
		id    string
		count int
	}
	var hits []hit
	for _, a := range actors {
		n := 0
		for _, t := range a.Tags {
			for _, want := range tags {
				if t == want {
					n++
				}
			}
		}
		if n > 0 {
			hits = append(hits, hit{a.ID, n})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].count > hits[j].count })
	ids := make([]string, 0, MaxActorsPerRecommendation)
	for i := 0; i < len(hits) && i < MaxActorsPerRecommendation; i++ {
		ids = append(ids, hits[i].id)
	}
	return ids
}

// ActorsFor returns the support actors that fit recommendation r best: the
// actors sharing most need tags with r's tags, best first, at most
// MaxActorsPerRecommendation, ties in reference order. r must be one of
// d.Recommendations (as RecommendationsFor and DimensionRecommendations
// give them; for any other the actors are matched afresh). The list is
// built once and shared: callers must not change it.
func (d *Data) ActorsFor(r *Recommendation) []string {
	if ids, ok := d.lookups().actorsFor[r]; ok {
		return ids
	}
	return matchActors(d.Actors, r.Tags)
}

// DimensionRecommendations returns the Table 12 recommendations of
// dimension dim (kind KindDimension), in reference order. The list is
// shared: callers must not change it.
func (d *Data) DimensionRecommendations(dim Dimension) []*Recommendation {
	return d.lookups().dimensionRecs[dim]
}

// CompetenceOrder maps each competence id to its position in
// d.Competences. The map is built once and shared: callers must not change it.
func (d *Data) CompetenceOrder() map[string]int {
	return d.lookups().competenceAt
}
