// Package profile is step 1, the company profile: every field validated as
// it is typed, with the reason shown under the field.
package profile
