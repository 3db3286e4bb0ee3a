// Package app is POMI Planner's domain: the company profile and its
// assessments, the validators for every field, the scoring and gap engine that
// turns ratings into POMI scores and competence gaps, the recommendation engine,
// the comparison of two assessments and the JSON interchange format.
//
// It imports neither Fyne nor SQL; storage and screens depend on it, never the
// other way round. Reference data lives in app/ref, words in locales/.
package app
