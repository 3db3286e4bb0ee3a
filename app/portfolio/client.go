// Package portfolio is the advisor's whole portfolio: the table of client
// companies with their latest scores, who is due for a follow-up, and what
// the companies of a region lack in common, computed once here from the
// stored assessments for the window, the CLI and the reports.
package portfolio

import "github.com/pomi-planner/pomi/app"

// Client is one company of the portfolio with every stored assessment of
// it, oldest first.
type Client struct {
	ID          app.CompanyID
	Company     app.Company
	Assessments []app.StoredAssessment
}
