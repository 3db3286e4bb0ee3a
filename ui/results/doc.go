// Package results is step 7: the radar, the scores against the target, the
// gaps, the competence matrix and the top recommendations with the support
// organisations; history reuses its tables.
package results
