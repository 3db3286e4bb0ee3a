// Package layout is the plan's layout model: a Document of sections and
// blocks (headings, paragraphs, key–value tables, data tables, a radar chart,
// call-outs, signature lines) with every word already in the plan's
// language and no PDF detail. The report package builds one from domain
// values, the render package draws it, and the golden tests pin its JSON
// form.
//
// It also makes text safe to draw: Sanitize and SanitizeDocument leave out
// what no embedded font can draw (fpdf panics on runes above U+FFFF), and
// FaceFor tells which embedded face — Noto Sans or a fallback — draws a rune.
package layout
