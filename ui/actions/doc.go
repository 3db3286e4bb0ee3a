// Package actions is step 8, the action plan: suggested actions from the
// recommendations, and the agreed ones with owner, due date and status.
package actions
