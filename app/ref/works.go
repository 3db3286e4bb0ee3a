package ref

import (
	"sort"
	"strings"
)

// CitedWorks lists the works the citations refer to, each once and sorted,
// as full references from Bibliography where it has them: "Knight & Kim
// 2009: 264" and "Knight & Kim 2009: 265" are one work.
func CitedWorks(cs ...Citation) []string {
	seen := map[string]bool{}
	for _, work := range citedKeys(cs...) {
		if w, ok := Bibliography[work]; ok {
			work = w.String()
		}
		seen[work] = true
	}
	works := make([]string, 0, len(seen))
	for w := range seen {
		works = append(works, w)
	}
	sort.Strings(works)
	return works
}

// citedKeys lists the works as the citations write them, without pages.
func citedKeys(cs ...Citation) []string {
	var keys []string
	for _, c := range cs {
		for _, r := range strings.Split(c.Refs, ";") {
			if work, _, _ := strings.Cut(r, ":"); strings.TrimSpace(work) != "" {
				keys = append(keys, strings.TrimSpace(work))
			}
		}
	}
	return keys
}

// Citations are all the citations of the reference data: each entry mode,
// competence, statement, recommendation and checklist item, and the two
// tables of the context, for the list of works cited.
func (d *Data) Citations() []Citation {
	var cs []Citation
	for _, m := range d.EntryModes {
		cs = append(cs, m.Citation)
	}
	for _, c := range d.Competences {
		cs = append(cs, c.Citation)
	}
	for _, s := range d.Statements {
		cs = append(cs, s.Citation)
	}
	for _, r := range d.Recommendations {
		cs = append(cs, r.Citation)
	}
	for _, c := range d.Checklist {
		cs = append(cs, c.Citation)
	}
	return append(cs, d.Context.SizeClassesSource, d.Context.TradeSource)
}
