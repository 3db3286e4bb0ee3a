package app

import (
	"errors"
	"sort"
	"strconv"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// Mode statuses: a mode the company uses today or plans to use.
const (
	ModeCurrent = "current"
	ModePlanned = "planned"
)

// DontKnow is the rating for "don't know" (statements) or "unknown"
// (competences): answered, but it does not count in a score.
const DontKnow = 0

// Checklist statuses (Bijmolt & Zwart planning activities).
const (
	ChecklistNotStarted = "not_started"
	ChecklistInProgress = "in_progress"
	ChecklistDone       = "done"
)

// DefaultTarget is the target score of a dimension unless the advisor sets one.
const DefaultTarget = 75.0

// ModeChoice is an entry mode the company uses (current) or plans (planned).
type ModeChoice struct {
	Mode   string `json:"mode"`
	Status string `json:"status"`
}

// Assessment is one dated visit: the entry modes, the ratings, the barriers
// felt, the planning checklist, the targets and the action plan.
type Assessment struct {
	Date     string       `json:"date"`
	Assessor string       `json:"assessor,omitempty"`
	Modes    []ModeChoice `json:"modes"`
	// CompetenceRatings maps competence ids to 1–5 or DontKnow; a missing
	// competence has not been rated.
	CompetenceRatings map[string]int `json:"competence_ratings"`
	// StatementRatings maps statement ids to 1–5 or DontKnow.
	StatementRatings map[string]int `json:"statement_ratings"`
	// Barriers maps barrier ids to how strongly the company feels them, 1–3.
	Barriers map[string]int `json:"barriers"`
	// Checklist maps checklist ids to a checklist status.
	Checklist map[string]string `json:"checklist"`
	// Targets maps dimensions to a target score 0–100; missing means DefaultTarget.
	Targets map[ref.Dimension]float64 `json:"targets"`
	Actions []Action                  `json:"actions"`
	Notes   string                    `json:"notes,omitempty"`
	// NextReview is the agreed date of the follow-up assessment; empty means
	// ReviewInterval after Date.
	NextReview string `json:"next_review,omitempty"`
}

// ReviewIntervalMonths is the time to the follow-up assessment unless one is agreed.
const ReviewIntervalMonths = 6

// ReviewDate returns the date of the follow-up assessment, and false when
// neither it nor the assessment date is known.
func (a *Assessment) ReviewDate() (time.Time, bool) {
	if t, err := validate.ParseDate(a.NextReview); err == nil {
		return t, true
	}
	if t, err := validate.ParseDate(a.Date); err == nil {
		return t.AddDate(0, ReviewIntervalMonths, 0), true
	}
	return time.Time{}, false
}

// Barrier weights: how strongly a barrier is felt.
const (
	BarrierSlight = 1
	BarrierClear  = 2
	BarrierStrong = 3
)

// BarrierWeightName names a barrier weight for message ids: "slight",
// "clear" or "strong".
func BarrierWeightName(w int) string {
	switch w {
	case BarrierStrong:
		return "strong"
	case BarrierClear:
		return "clear"
	}
	return "slight"
}

// Target returns the dimension's target score.
func (a *Assessment) Target(d ref.Dimension) float64 {
	if t, ok := a.Targets[d]; ok {
		return t
	}
	return DefaultTarget
}

// When returns the assessment date, or the zero time when it does not parse.
func (a *Assessment) When() time.Time {
	t, _ := validate.ParseDate(a.Date)
	return t
}

// ModeStatus returns the status of mode in the assessment, "" when not chosen.
func (a *Assessment) ModeStatus(mode string) string {
	for _, m := range a.Modes {
		if m.Mode == mode {
			return m.Status
		}
	}
	return ""
}

// Validate checks that every id exists in the reference data and every value
// is in range; problems name the field, e.g. "statement_ratings.P12".
func (a *Assessment) Validate(d *ref.Data) error {
	var errs []error
	add := func(field string, err error) { errs = append(errs, validate.InField(field, err)) }
	if _, err := validate.ParseDate(a.Date); err != nil {
		add("date", err)
	}
	add("assessor", validate.Text(a.Assessor, validate.MaxShortLen))
	a.validateModes(d, add)
	for _, id := range sortedKeys(a.CompetenceRatings) {
		add("competence_ratings."+id, checkRating(d.Competence(id) != nil, a.CompetenceRatings[id]))
	}
	for _, id := range sortedKeys(a.StatementRatings) {
		add("statement_ratings."+id, checkRating(d.Statement(id) != nil, a.StatementRatings[id]))
	}
	a.validateBarriers(d, add)
	a.validateChecklist(d, add)
	a.validateTargets(add)
	for i := range a.Actions {
		add("actions["+strconv.Itoa(i)+"]", a.Actions[i].Validate(d))
	}
	add("notes", validate.Notes(a.Notes))
	if a.NextReview != "" {
		if _, err := validate.ParseDate(a.NextReview); err != nil {
			add("next_review", err)
		}
	}
	return errors.Join(errs...)
}

// addProblem records err, if any, as a problem of field; Validate's steps
// share one so the problems come out in the order of the fields.
type addProblem func(field string, err error)

// validateModes checks that each chosen mode exists, is chosen once and has
// a status.
func (a *Assessment) validateModes(d *ref.Data, add addProblem) {
	seen := map[string]bool{}
	for i, m := range a.Modes {
		field := "modes[" + strconv.Itoa(i) + "]"
		if d.Mode(m.Mode) == nil || seen[m.Mode] {
			add(field+".mode", validate.Err("", validate.CodeUnknownValue))
		}
		seen[m.Mode] = true
		add(field+".status", validate.Choice(m.Status, []string{ModeCurrent, ModePlanned}))
		if m.Status == "" {
			add(field+".status", validate.Err("", validate.CodeRequired))
		}
	}
}

// validateBarriers checks that each felt barrier exists and has a weight.
func (a *Assessment) validateBarriers(d *ref.Data, add addProblem) {
	for _, id := range sortedKeys(a.Barriers) {
		w := a.Barriers[id]
		switch {
		case d.Barrier(id) == nil:
			add("barriers."+id, validate.Err("", validate.CodeUnknownValue))
		case w < BarrierSlight || w > BarrierStrong:
			add("barriers."+id, validate.Err("", validate.CodeRating))
		}
	}
}

// validateChecklist checks that each checklist item exists and has a known
// status.
func (a *Assessment) validateChecklist(d *ref.Data, add addProblem) {
	for _, id := range sortedKeys(a.Checklist) {
		if d.ChecklistItem(id) == nil {
			add("checklist."+id, validate.Err("", validate.CodeUnknownValue))
		}
		add("checklist."+id, validate.Choice(a.Checklist[id],
			[]string{ChecklistNotStarted, ChecklistInProgress, ChecklistDone}))
	}
}

// validateTargets checks that each target belongs to a dimension and is a
// number from 0 to 100 (t != t catches NaN).
func (a *Assessment) validateTargets(add addProblem) {
	for dim, t := range a.Targets {
		if !dim.Valid() {
			add("targets."+string(dim), validate.Err("", validate.CodeUnknownValue))
		} else if t < 0 || t > 100 || t != t {
			add("targets."+string(dim), validate.Err("", validate.CodeTarget))
		}
	}
}

func checkRating(known bool, r int) error {
	if !known {
		return validate.Err("", validate.CodeUnknownValue)
	}
	if r < DontKnow || r > 5 {
		return validate.Err("", validate.CodeRating)
	}
	return nil
}

// sortedKeys returns a map's keys in order, so validation reports are stable.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
