// Package report makes the branded PDF action plan from domain values.
//
// Build turns a company, its assessment (and the one before), the
// organisation's branding and a language into a layout model — a
// layout.Document of sections and blocks (headings, paragraphs, key–value
// tables, data tables, a radar chart, call-outs, signature lines) — with
// every word already in the plan's language. Tests pin that model as JSON
// golden files. render.Render draws a Document with codeberg.org/go-pdf/fpdf
// and the embedded Noto Sans fonts; WriteFile saves it atomically and
// Generate does both. Build and Render never panic on user input: text is
// sanitized, logos are re-encoded, and a panic inside fpdf comes back as an
// error.
//
// The work is split into subpackages, each importing only those below it:
//
//	report          Input, Build, Generate, WriteFile, logos, warnings
//	report/render   the PDF drawing and its page log
//	report/palette  brand colour parsing and the derived colours
//	report/layout   the layout model, text sanitizing and glyph coverage
//	report/fonts    the embedded fonts
package report
