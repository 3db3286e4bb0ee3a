// Package report will build the branded PDF action plan from domain values:
// a layout model (document → sections → blocks) that tests compare with JSON
// golden files, and a renderer that draws it with codeberg.org/go-pdf/fpdf.
//
// It holds no code yet: the PDF is its own issue, built on the domain core
// (app/) and the store. The folder exists now so the project's layout is
// settled from the start.
package report
