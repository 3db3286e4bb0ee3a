// Package followup is the home screen's follow-up view: every review that
// is past or due within the next 30 days and every overdue action across
// the advisor's companies, grouped by ISO week, each line opening its
// company at the workspace step where the follow-up is done.
package followup
