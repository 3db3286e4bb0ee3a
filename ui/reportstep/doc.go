// Package reportstep is step 9: the plan as a PDF in a chosen language and
// paper, saved, opened, printed or e-mailed, with the company's logo.
package reportstep
