package portfolio

import (
	"slices"
	"strings"
)

// Filter narrows the portfolio table. Each list is a set of allowed values
// (empty allows all; values within one list are alternatives, the lists
// and flags must all hold). Search must match too. The filter describes
// the company as it stands today: its profile and its latest assessment.
type Filter struct {
	Stages []string `json:"stages,omitempty"`
	// Industries match the company's industry ignoring case and diacritics.
	Industries  []string `json:"industries,omitempty"`
	SizeClasses []string `json:"size_classes,omitempty"`
	// Counties are län letter codes (ref.Counties).
	Counties []string `json:"counties,omitempty"`
	// Modes are entry mode ids; a row matches when its latest assessment
	// chose one of them, current or planned.
	Modes []string `json:"modes,omitempty"`
	// Advisors are advisors' names (team mode): a row matches when one of
	// them handles the company, that is made it or last changed it or one
	// of its assessments (Row.CreatedBy, Row.ChangedBy), ignoring case and
	// diacritics.
	Advisors []string `json:"advisors,omitempty"`
	// DueForFollowUp keeps rows whose review is past or within DueWindowDays.
	DueForFollowUp bool `json:"due_for_follow_up,omitempty"`
	// HasOverdueActions keeps rows with at least one overdue action.
	HasOverdueActions bool `json:"has_overdue_actions,omitempty"`
	// Search is what the advisor typed: every word must start a word of the
	// name, org.nr, city or contact person, ignoring case and diacritics (SearchMatch); the
	// org.nr also matches without its dash ("5561184711").
	Search string `json:"search,omitempty"`
}

// Match reports whether the row passes the filter.
func (f *Filter) Match(r *Row) bool {
	return f.matcher()(r)
}

// Apply returns the rows that pass the filter, in their order; an empty
// (non-nil) slice when none does.
func (f *Filter) Apply(rows []Row) []Row {
	match := f.matcher()
	out := []Row{}
	for i := range rows {
		if match(&rows[i]) {
			out = append(out, rows[i])
		}
	}
	return out
}

// Keep returns the positions in order whose rows pass the filter, in
// order's order: the window filters the sorted positions of its rows.
func (f *Filter) Keep(rows []Row, order []int) []int {
	match := f.matcher()
	out := []int{}
	for _, i := range order {
		if match(&rows[i]) {
			out = append(out, i)
		}
	}
	return out
}

// IsZero reports whether the filter lets every row through.
func (f *Filter) IsZero() bool {
	return len(f.Stages)+len(f.Industries)+len(f.SizeClasses)+len(f.Counties)+len(f.Modes)+len(f.Advisors) == 0 &&
		!f.DueForFollowUp && !f.HasOverdueActions && len(Words(f.Search)) == 0
}

// matcher prepares the filter once (folded industries and search words)
// and returns the test of one row.
func (f *Filter) matcher() func(r *Row) bool {
	industries := folded(f.Industries)
	advisors := folded(f.Advisors)
	query := Words(f.Search)
	return func(r *Row) bool {
		return f.matchFields(r) && f.matchFlags(r) &&
			(len(industries) == 0 || slices.Contains(industries, Fold(strings.TrimSpace(r.Industry)))) &&
			matchAdvisors(advisors, r) &&
			matchWords(query, []string{r.Name, r.OrgNr, digits(r.OrgNr), r.City, r.Contact})
	}
}

// folded returns the trimmed, folded names for matching.
func folded(names []string) []string {
	out := make([]string, len(names))
	for i, s := range names {
		out[i] = Fold(strings.TrimSpace(s))
	}
	return out
}

// matchAdvisors reports whether one of the advisors handles the row's
// company: made it, or made its last change.
func matchAdvisors(advisors []string, r *Row) bool {
	if len(advisors) == 0 {
		return true
	}
	for _, name := range []string{r.CreatedBy, r.ChangedBy} {
		if name != "" && slices.Contains(advisors, Fold(strings.TrimSpace(name))) {
			return true
		}
	}
	return false
}

// Advisors returns the names of the advisors handling the rows' companies
// (Row.CreatedBy and Row.ChangedBy), each once, sorted: the choices of the
// advisor filter; none without a team server.
func Advisors(rows []Row) []string {
	var out []string
	for i := range rows {
		for _, name := range []string{rows[i].CreatedBy, rows[i].ChangedBy} {
			if name != "" && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(Fold(a), Fold(b)) })
	return out
}

// matchFields checks the lists compared exactly.
func (f *Filter) matchFields(r *Row) bool {
	return allows(f.Stages, r.Stage) && allows(f.SizeClasses, r.SizeClass) &&
		allows(f.Counties, r.County) && f.matchModes(r)
}

func (f *Filter) matchModes(r *Row) bool {
	if len(f.Modes) == 0 {
		return true
	}
	for _, m := range r.Modes {
		if slices.Contains(f.Modes, m.Mode) {
			return true
		}
	}
	return false
}

func (f *Filter) matchFlags(r *Row) bool {
	return (!f.DueForFollowUp || r.ReviewDue) && (!f.HasOverdueActions || r.OverdueActions > 0)
}

// allows reports whether v is in the allowed list, an empty list allowing all.
func allows(list []string, v string) bool {
	return len(list) == 0 || slices.Contains(list, v)
}

// digits keeps the digits of s: an org.nr without its dash.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// Select returns the clients whose rows pass f; rows are Rows(d, clients, today).
func Select(clients []Client, rows []Row, f Filter) []Client {
	match := f.matcher()
	out := []Client{}
	for i := range rows {
		if match(&rows[i]) {
			out = append(out, clients[i])
		}
	}
	return out
}
