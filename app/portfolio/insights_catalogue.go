package portfolio

import "github.com/pomi-planner/pomi/app/ref"

// catalogue numbers everything the insights count companies under — each
// recommendation, barrier, entry mode, competence gap of a mode and
// change of a dimension's gap — as an item, so that counting a company
// under one appends a pair of numbers to a list, where it used to append
// to a list kept in a map by id, in maps per chunk merged id by id: most
// of the counting's time and memory besides the findings themselves. It
// is built once per count from the reference data and only read while
// counting, by every chunk.
type catalogue struct {
	// ids is each item's id.
	ids []string
	// recs, barriers and modes map an id to its item; comps a competence
	// id to its number, 0 to nComps−1, within a mode's gaps.
	recs, barriers, modes, comps map[string]int32
	nComps                       int32
	recItems, barrierItems       span
	modeItems                    span
	// gapStart is the item of the first mode's first competence gap: the
	// gaps of mode item m start at gapStart + (m − modeItems.from) × nComps.
	gapStart int32
	// changeStart is the item of the first dimension's ChangeImproved;
	// each dimension has changeIDs' three items.
	changeStart int32
}

// span is the items from up to to, to excluded.
type span struct{ from, to int32 }

// changeIDs are the changes of a Movement, in its order.
var changeIDs = [3]string{ChangeImproved, ChangeSame, ChangeWorse}

func newCatalogue(d *ref.Data) *catalogue {
	c := &catalogue{
		recs: make(map[string]int32, len(d.Recommendations)), barriers: make(map[string]int32, len(d.Barriers)),
		modes: make(map[string]int32, len(d.EntryModes)), comps: make(map[string]int32, len(d.Competences)),
	}
	c.recItems = c.number(c.recs, len(d.Recommendations), func(i int) string { return d.Recommendations[i].ID })
	c.barrierItems = c.number(c.barriers, len(d.Barriers), func(i int) string { return d.Barriers[i].ID })
	c.modeItems = c.number(c.modes, len(d.EntryModes), func(i int) string { return d.EntryModes[i].ID })
	comps := make([]string, 0, len(d.Competences))
	for _, comp := range d.Competences {
		if !hasKey(c.comps, comp.ID) {
			c.comps[comp.ID] = int32(len(comps))
			comps = append(comps, comp.ID)
		}
	}
	c.nComps, c.gapStart = int32(len(comps)), int32(len(c.ids))
	for range c.modeItems.to - c.modeItems.from {
		c.ids = append(c.ids, comps...)
	}
	c.changeStart = int32(len(c.ids))
	for range ref.Dimensions {
		c.ids = append(c.ids, changeIDs[:]...)
	}
	return c
}

// number gives each distinct id of a list of n, idOf(0) to idOf(n−1), the
// next item, records it in items and returns the span of the new items.
func (c *catalogue) number(items map[string]int32, n int, idOf func(int) string) span {
	s := span{from: int32(len(c.ids))}
	for i := range n {
		if id := idOf(i); !hasKey(items, id) {
			items[id] = int32(len(c.ids))
			c.ids = append(c.ids, id)
		}
	}
	s.to = int32(len(c.ids))
	return s
}

func hasKey(m map[string]int32, k string) bool {
	_, ok := m[k]
	return ok
}

// item returns the item of id in items. The ids counted all come from the
// reference data the catalogue was built from (app.Find names only its
// recommendations, barriers, modes and competences), so a missing one is
// a defect, not bad input.
func (c *catalogue) item(items map[string]int32, id string) int32 {
	item, ok := items[id]
	if !ok {
		panic("portfolio: " + id + " is not in the reference data the insights count")
	}
	return item
}

// gapItem is the item of competence number comp's gap under mode item mode.
func (c *catalogue) gapItem(mode, comp int32) int32 {
	return c.gapStart + (mode-c.modeItems.from)*c.nComps + comp
}

// gapItems is the span of the competence gaps of mode item mode.
func (c *catalogue) gapItems(mode int32) span {
	from := c.gapItem(mode, 0)
	return span{from, from + c.nComps}
}

// changeItem is the item of a change of gap in dimension k (ref.Dimensions order).
func (c *catalogue) changeItem(k int, change float64) int32 {
	return c.changeItemOf(k, changeIndex(change))
}

// changeItemOf is the item of changeIDs[i] in dimension k.
func (c *catalogue) changeItemOf(k, i int) int32 {
	return c.changeStart + int32(len(changeIDs)*k+i)
}

// changeIndex is the position in changeIDs of a change of gap.
func changeIndex(change float64) int {
	switch {
	case change < -sameGap:
		return 0
	case change > sameGap:
		return 2
	}
	return 1
}
