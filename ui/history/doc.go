// Package history is step 10: the company's earlier assessments, and how
// each rating and gap moved between two of them.
package history
