// Package render draws a layout.Document as a PDF with
// codeberg.org/go-pdf/fpdf and the embedded Noto Sans fonts (with fallback
// faces for symbols, emoji and CJK). Render never panics on the document's
// content: a panic inside fpdf comes back as an error, and fpdf's sticky
// error and Output's error are checked. Breaks are its own: tables repeat
// their header, keep at least two rows on each side of a break (a small
// table moves whole) and split only rows too tall to move, headings and
// titles keep with what follows, and a section that must keep to one page
// is drawn closer.
//
// LayOut draws a document without writing a PDF and returns its PageLog:
// what went on which page and where; PageLog.Problems checks it against
// the rules.
package render
