package ref

// Lookups by id; each returns nil when the id is unknown. The lists are short
// (at most a few hundred items), so a scan is as fast as a map and needs no
// index to keep in step.

// Mode returns the entry mode with id.
func (d *Data) Mode(id string) *EntryMode {
	return find(d.EntryModes, id, func(m *EntryMode) string { return m.ID })
}

// Competence returns the competence with id.
func (d *Data) Competence(id string) *Competence {
	return find(d.Competences, id, func(c *Competence) string { return c.ID })
}

// Statement returns the statement with id.
func (d *Data) Statement(id string) *Statement {
	return find(d.Statements, id, func(s *Statement) string { return s.ID })
}

// Barrier returns the barrier with id.
func (d *Data) Barrier(id string) *Barrier {
	return find(d.Barriers, id, func(b *Barrier) string { return b.ID })
}

// Recommendation returns the recommendation with id.
func (d *Data) Recommendation(id string) *Recommendation {
	return find(d.Recommendations, id, func(r *Recommendation) string { return r.ID })
}

// Actor returns the support actor with id.
func (d *Data) Actor(id string) *Actor {
	return find(d.Actors, id, func(a *Actor) string { return a.ID })
}

// ChecklistItem returns the checklist activity with id.
func (d *Data) ChecklistItem(id string) *ChecklistItem {
	return find(d.Checklist, id, func(c *ChecklistItem) string { return c.ID })
}

// StatementsOf returns the statements that measure dimension dim, in
// order; nil for none. The list is built once and shared: callers must
// not change it.
func (d *Data) StatementsOf(dim Dimension) []Statement {
	return d.lookups().statementsOf[dim]
}

// RecommendationsFor returns the recommendations that a kind of trigger with
// this id calls for, in reference order: those written for it and those
// that name it in Also; nil for none. The list is built once and shared:
// callers must not change it.
func (d *Data) RecommendationsFor(kind, trigger string) []*Recommendation {
	return d.lookups().recsFor[Trigger{Kind: kind, ID: trigger}]
}

// SizeFiguresFor returns the Table 1 row for a size class; medium and large
// companies share the report's "50+" row.
func (d *Data) SizeFiguresFor(sizeClass string) *SizeFigures {
	if sizeClass == "medium" || sizeClass == "large" {
		sizeClass = "medium_large"
	}
	return find(d.Context.SizeClasses, sizeClass, func(s *SizeFigures) string { return s.SizeClass })
}

func find[T any](list []T, id string, idOf func(*T) string) *T {
	for i := range list {
		if idOf(&list[i]) == id {
			return &list[i]
		}
	}
	return nil
}
