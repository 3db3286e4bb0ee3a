// Package app is POMI Planner's domain: the company profile and its
// assessments with their Validate (built on app/validate's checks), the
// scoring and gap engine that turns ratings into POMI scores and competence
// gaps, the recommendation engine, the comparison of two assessments, the
// JSON interchange format, the outcomes of storage the screens explain, and
// MakePlan, the one service that gathers a company's plan (PlanLanguage is
// the one rule for its language) for the window and the CLI.
//
// It imports neither Fyne nor SQL; storage and screens depend on it, never the
// other way round. Reference data lives in app/ref, words in locales/.
package app
