package app

import (
	"errors"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// Action statuses.
const (
	ActionOpen       = "open"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionDismissed  = "dismissed"
)

// Action priorities.
const (
	PriorityHigh   = "high"
	PriorityMedium = "medium"
	PriorityLow    = "low"
)

// SourceCustom marks an action the advisor wrote, not taken from a recommendation.
const SourceCustom = "custom"

// Action is one step of the action plan.
type Action struct {
	Title       string        `json:"title"`
	Description string        `json:"description,omitempty"`
	Dimension   ref.Dimension `json:"dimension,omitempty"`
	// Owner is the person responsible, in free text; OwnerRole the role
	// suggested with the recommendation (ref.OwnerRoles).
	Owner     string   `json:"owner,omitempty"`
	OwnerRole string   `json:"owner_role,omitempty"`
	Due       string   `json:"due,omitempty"`
	Status    string   `json:"status"`
	Priority  string   `json:"priority"`
	Actors    []string `json:"actors,omitempty"`
	// Source is the recommendation id the action came from, or SourceCustom.
	Source string `json:"source"`
}

// Validate checks the action's fields against the reference data.
func (a *Action) Validate(d *ref.Data) error {
	var errs []error
	add := func(field string, err error) { errs = append(errs, validate.InField(field, err)) }
	add("title", validate.Name(a.Title))
	add("description", validate.Notes(a.Description))
	if a.Dimension != "" && !a.Dimension.Valid() {
		add("dimension", validate.Err("", validate.CodeUnknownValue))
	}
	add("owner", validate.Text(a.Owner, validate.MaxShortLen))
	add("owner_role", validate.Choice(a.OwnerRole, ref.OwnerRoles))
	if a.Due != "" {
		if _, err := validate.ParseDate(a.Due); err != nil {
			add("due", err)
		}
	}
	add("status", requiredChoice(a.Status, []string{ActionOpen, ActionInProgress, ActionDone, ActionDismissed}))
	add("priority", requiredChoice(a.Priority, []string{PriorityHigh, PriorityMedium, PriorityLow}))
	for _, id := range a.Actors {
		if d.Actor(id) == nil {
			add("actors", validate.Err("", validate.CodeUnknownValue))
		}
	}
	if a.Source != SourceCustom && d.Recommendation(a.Source) == nil {
		add("source", validate.Err("", validate.CodeUnknownValue))
	}
	return errors.Join(errs...)
}

func requiredChoice(s string, allowed []string) error {
	if s == "" {
		return validate.Err("", validate.CodeRequired)
	}
	return validate.Choice(s, allowed)
}
