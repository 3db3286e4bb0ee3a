// Package portfolio is the advisor's whole portfolio: the table of client
// companies with their latest scores, who is due for a follow-up, and what
// the companies of a region lack in common, computed once here from the
// stored assessments for the window, the CLI and the reports.
package portfolio

import (
	"time"

	"github.com/pomi-planner/pomi/app"
)

// Client is one company of the portfolio with every stored assessment of
// it, oldest first.
type Client struct {
	ID          app.CompanyID
	Company     app.Company
	Assessments []app.StoredAssessment
	// Updated is when the company or one of its assessments was last
	// changed: the table's default order, newest first, and how the window
	// knows which companies to read again.
	Updated time.Time
	// CreatedBy and ChangedBy name the advisors who made the company and
	// who last changed it or one of its assessments, in team mode; "" when
	// not known (always, without a team server).
	CreatedBy, ChangedBy string
}

// Stamp is when a company was last changed: what a holder of the portfolio
// compares to read again only the companies changed, added or erased.
type Stamp struct {
	ID      app.CompanyID
	Updated time.Time
}
