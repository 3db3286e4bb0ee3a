package report

import (
	"time"

	"github.com/pomi-planner/pomi/app"
)

// InputFor is the input of the plan app.MakePlan read, stamped created and
// with this app's version. The caller may still set Paper (a chosen size).
func InputFor(p *app.Plan, created time.Time) *Input {
	return &Input{
		Company: p.Company, Assessment: p.Assessment, Previous: p.Previous,
		Ref: p.Ref, Texts: p.Texts, Branding: p.Branding, ClientLogo: p.ClientLogo,
		Paper: p.Paper, Created: created, Version: app.Version,
	}
}
