package ref

import (
	"fmt"
	"slices"
	"strings"
)

// CustomPrefix starts the id of every actor and recommendation an
// organisation adds itself, so none can ever collide with a built-in one.
const CustomPrefix = "org_"

// WithCustom returns a copy of d with an organisation's own actors and
// recommendations added, checked like the built-in data. d is not changed.
func (d *Data) WithCustom(actors []Actor, recs []Recommendation) (*Data, error) {
	for _, a := range actors {
		if !strings.HasPrefix(a.ID, CustomPrefix) {
			return nil, fmt.Errorf("own actor %q: id must start with %q", a.ID, CustomPrefix)
		}
	}
	for _, r := range recs {
		if !strings.HasPrefix(r.ID, CustomPrefix) {
			return nil, fmt.Errorf("own recommendation %q: id must start with %q", r.ID, CustomPrefix)
		}
	}
	merged := d.copyData()
	// Own actors come first: on equal fit the plan names the local contact.
	merged.Actors = append(slices.Clone(actors), d.Actors...)
	merged.Recommendations = append(slices.Clone(d.Recommendations), recs...)
	if err := merged.Check(); err != nil {
		return nil, fmt.Errorf("own actors and recommendations: %w", err)
	}
	return &merged, nil
}
