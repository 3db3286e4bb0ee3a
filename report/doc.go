// Package report makes the branded PDF action plan from domain values.
//
// Build turns a company, its assessment (and the one before), the
// organisation's branding and a language into a layout model — a Document of
// sections and blocks (headings, paragraphs, key–value tables, data tables, a
// radar chart, call-outs, signature lines) — with every word already in the
// plan's language. Tests pin that model as JSON golden files. Render draws a
// Document with codeberg.org/go-pdf/fpdf and the embedded Noto Sans fonts;
// WriteFile saves it atomically. Build and Render never panic on user input:
// text is sanitized, logos are re-encoded, and a panic inside fpdf comes back
// as an error.
package report
