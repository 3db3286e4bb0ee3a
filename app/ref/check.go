package ref

import (
	"errors"
	"fmt"
	"strings"
)

// Check verifies the data's internal consistency: unique ids, known
// dimensions, tags, roles, horizons and triggers, and mappings that name
// existing competences.
func (d *Data) Check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	comps := idSet(len(d.Competences), func(i int) string { return d.Competences[i].ID }, "competence", bad)
	for _, c := range d.Competences {
		if !c.Dimension.Valid() {
			bad("competence %s: dimension %q", c.ID, c.Dimension)
		}
	}
	modes := d.checkEntryModes(comps, bad)
	stmts := d.checkStatements(bad)
	barriers := idSet(len(d.Barriers), func(i int) string { return d.Barriers[i].ID }, "barrier", bad)
	for _, b := range d.Barriers {
		checkTags("barrier "+b.ID, b.Tags, bad)
	}
	idSet(len(d.Actors), func(i int) string { return d.Actors[i].ID }, "actor", bad)
	for _, a := range d.Actors {
		checkTags("actor "+a.ID, a.Tags, bad)
	}
	idSet(len(d.Checklist), func(i int) string { return d.Checklist[i].ID }, "checklist item", bad)
	idSet(len(d.Recommendations), func(i int) string { return d.Recommendations[i].ID }, "recommendation", bad)
	triggers := map[string]map[string]bool{
		KindStatement: stmts, KindBarrier: barriers, KindMode: modes, KindCompetence: comps,
		KindIndustry: setOf(IndustryKeys), KindGeneral: setOf(Situations),
	}
	for _, r := range d.Recommendations {
		checkRecommendation(r, triggers, bad)
	}
	return errors.Join(errs...)
}

// checkEntryModes checks the entry modes against the competences and
// returns the set of their ids.
func (d *Data) checkEntryModes(comps map[string]bool, bad func(string, ...any)) map[string]bool {
	modes := idSet(len(d.EntryModes), func(i int) string { return d.EntryModes[i].ID }, "entry mode", bad)
	for _, m := range d.EntryModes {
		if m.Source != SourceKatwalo && m.Source != SourceProject {
			bad("entry mode %s: source %q", m.ID, m.Source)
		}
		if len(m.Competences) == 0 {
			bad("entry mode %s: no competences", m.ID)
		}
		for _, c := range m.Competences {
			if !comps[c] {
				bad("entry mode %s: unknown competence %q", m.ID, c)
			}
		}
	}
	return modes
}

// checkStatements checks that each statement's id starts with its
// dimension, and returns the set of their ids.
func (d *Data) checkStatements(bad func(string, ...any)) map[string]bool {
	stmts := idSet(len(d.Statements), func(i int) string { return d.Statements[i].ID }, "statement", bad)
	for _, s := range d.Statements {
		if !s.Dimension.Valid() || len(s.ID) < 2 || Dimension(s.ID[:1]) != s.Dimension {
			bad("statement %s: dimension %q does not match its id", s.ID, s.Dimension)
		}
	}
	return stmts
}

func checkRecommendation(r Recommendation, triggers map[string]map[string]bool, bad func(string, ...any)) {
	switch {
	case r.Kind == KindDimension:
		if r.Trigger != "" {
			bad("recommendation %s: a dimension recommendation has no trigger", r.ID)
		}
	case triggers[r.Kind] == nil:
		bad("recommendation %s: kind %q", r.ID, r.Kind)
	case !triggers[r.Kind][r.Trigger]:
		bad("recommendation %s: unknown %s trigger %q", r.ID, r.Kind, r.Trigger)
	}
	for _, t := range r.Also {
		if triggers[t.Kind] == nil || !triggers[t.Kind][t.ID] {
			bad("recommendation %s: unknown also-trigger %s %q", r.ID, t.Kind, t.ID)
		}
	}
	if !r.Dimension.Valid() {
		bad("recommendation %s: dimension %q", r.ID, r.Dimension)
	}
	if r.Side != SideInternal && r.Side != SideAgency {
		bad("recommendation %s: side %q", r.ID, r.Side)
	}
	if !contains(OwnerRoles, r.Owner) {
		bad("recommendation %s: owner role %q", r.ID, r.Owner)
	}
	if !contains(Horizons, r.Horizon) {
		bad("recommendation %s: horizon %q", r.ID, r.Horizon)
	}
	if r.Citation == (Citation{}) && !strings.HasPrefix(r.ID, CustomPrefix) {
		bad("recommendation %s: no citation", r.ID)
	}
	checkTags("recommendation "+r.ID, r.Tags, bad)
}

func checkTags(owner string, tags []string, bad func(string, ...any)) {
	if len(tags) == 0 {
		bad("%s: no need tags", owner)
	}
	for _, t := range tags {
		if !contains(NeedTags, t) {
			bad("%s: unknown need tag %q", owner, t)
		}
	}
}

// idSet collects n ids, reporting empty and repeated ones.
func idSet(n int, id func(int) string, what string, bad func(string, ...any)) map[string]bool {
	seen := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		switch s := id(i); {
		case s == "":
			bad("%s #%d: empty id", what, i+1)
		case seen[s]:
			bad("%s %s: repeated id", what, s)
		default:
			seen[s] = true
		}
	}
	return seen
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}
