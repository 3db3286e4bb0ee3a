// Package session holds one company open in the window: working copies of
// the company and of the assessment being edited, saved shortly after each
// edit by Autosave, and the Step and StepView types every step implements.
package session
