package render

import (
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/report/layout"
)

// What the renderer places on a page, as the page log records it.
const (
	PlacedTitle     = "title"     // a section title
	PlacedHeading   = "heading"   // a subheading
	PlacedText      = "text"      // lines of a paragraph, list or callout
	PlacedHeader    = "header"    // a table's header row, first or repeated
	PlacedRow       = "row"       // a table row, or the part of one on this page
	PlacedLegend    = "legend"    // the small lines under a table
	PlacedChart     = "chart"     // the radar chart
	PlacedSignature = "signature" // a row of signature lines
)

// Placed is one thing drawn on a body page: the page log that layout rules
// are checked against (page breaks, orphaned headings, split words), since
// where a page breaks is only known once the renderer has measured the text.
type Placed struct {
	Page    int
	Section string // the section's ID
	What    string // one of the Placed* kinds
	Table   int    // which table (counted from 1 in drawing order), 0 for none
	Row     int    // the row's index in its table
	// Whole is false for a row split across pages: this is one part of it.
	Whole bool
	// Cells are the lines of each cell drawn here (table header and rows).
	Cells [][]string
	// Titles are the texts the header cells were wrapped from.
	Titles []string
	Text   string // the first line of a title, heading or text part
	// Top and Bottom are the y in mm of the item on its page.
	Top, Bottom float64
}

// PageLog is the whole plan as drawn: every placed item, and the page's
// body limits so a check can tell how much room a page left unused.
type PageLog struct {
	Items      []Placed
	Pages      int
	BodyTop    float64
	BodyBottom float64
	// Tight is how much closer than normal each section that keeps to one
	// page (Section.OnePage) was drawn, by the section's ID: 0 at normal
	// spacing up to MaxTight, the closest.
	Tight map[string]int
}

// LayOut renders doc once, without writing a PDF, and returns where each
// part of it went.
func LayOut(doc *layout.Document) (*PageLog, error) {
	if doc == nil {
		return nil, errors.New("lay out plan: no document")
	}
	paper, err := paperSize(doc.Paper)
	if err != nil {
		return nil, err
	}
	var log *PageLog
	err = protect(func() error {
		r, err := newRenderer(doc, paper, 0)
		if err != nil {
			return err
		}
		r.log = &PageLog{BodyTop: bodyTop, BodyBottom: r.bottom, Tight: map[string]int{}}
		r.drawDocument()
		if err := r.pdf.Error(); err != nil {
			return err
		}
		r.log.Pages = r.pdf.PageNo()
		log = r.log
		return nil
	})
	return log, err
}

// place records an item when the renderer keeps a log.
func (r *renderer) place(p Placed) {
	if r.log == nil {
		return
	}
	p.Page = r.pdf.PageNo()
	p.Section = r.section
	r.log.Items = append(r.log.Items, p)
}

// noteTight records the tightness of the section being drawn when the
// renderer keeps a log.
func (r *renderer) noteTight() {
	if r.log != nil {
		r.log.Tight[r.section] = r.tight
	}
}

// cellTexts are the words of each cell's lines [start, end).
func cellTexts(row *rowLayout, start, end []int) [][]string {
	out := make([][]string, len(row.cells))
	for i, c := range row.cells {
		for _, l := range c[start[i]:end[i]] {
			out[i] = append(out[i], l.text)
		}
	}
	return out
}

// Problems lists where the pages broke against the renderer's rules: a
// title or heading that ends its page, a legend that starts a page away
// from its table, a table with fewer than minTableRows of its rows on a
// page (or its header alone there), and a body page with nothing on it.
// A row split across pages counts on each page where two or more of its
// lines are. Nil means the layout keeps the rules.
func (l *PageLog) Problems() []string {
	out := l.orphans()
	out = append(out, l.lonelyRows()...)
	return append(out, l.emptyPages()...)
}

// orphans are titles and headings that end a page and legends that start one.
func (l *PageLog) orphans() []string {
	var out []string
	items := l.Items
	for i, it := range items {
		switch {
		case (it.What == PlacedTitle || it.What == PlacedHeading) && (i+1 == len(items) || items[i+1].Page != it.Page):
			out = append(out, fmt.Sprintf("page %d: the %s %q ends the page", it.Page, it.What, it.Text))
		case it.What == PlacedLegend && (i == 0 || items[i-1].Page != it.Page && items[i-1].What != PlacedLegend):
			out = append(out, fmt.Sprintf("page %d: the legend %q starts the page, away from its table", it.Page, it.Text))
		}
	}
	return out
}

// tablePage is one table's part on one page.
type tablePage struct{ table, page int }

// partCount is what a table has on one page: the rows that count (whole,
// or a split row's part of 2 lines or more) and whether one is such a part.
type partCount struct {
	rows  int
	split bool
}

// lonelyRows are the pages where a table has fewer than minTableRows rows
// (all of them when it has fewer), or only its header.
func (l *PageLog) lonelyRows() []string {
	rows := map[int]map[int]bool{} // table → its rows
	parts := map[tablePage]*partCount{}
	var order []tablePage
	for _, it := range l.Items {
		if it.Table == 0 || it.What != PlacedRow && it.What != PlacedHeader {
			continue
		}
		k := tablePage{it.Table, it.Page}
		if parts[k] == nil {
			parts[k] = &partCount{}
			order = append(order, k)
		}
		if it.What == PlacedRow {
			if rows[it.Table] == nil {
				rows[it.Table] = map[int]bool{}
			}
			rows[it.Table][it.Row] = true
			parts[k].add(it)
		}
	}
	var out []string
	for _, k := range order {
		p, n := parts[k], len(rows[k.table])
		if need := min(minTableRows, n); p.rows < need && !p.split {
			out = append(out, fmt.Sprintf("page %d: table %d has %d of its %d rows there, want %d", k.page, k.table, p.rows, n, need))
		}
	}
	return out
}

// add counts a placed row.
func (p *partCount) add(it Placed) {
	tall := tallestCell(it) >= 2
	if it.Whole || tall {
		p.rows++
	}
	p.split = p.split || !it.Whole && tall
}

// tallestCell is the line count of the tallest cell of a placed row.
func tallestCell(it Placed) int {
	n := 0
	for _, c := range it.Cells {
		n = max(n, len(c))
	}
	return n
}

// emptyPages are body pages with nothing drawn on them.
func (l *PageLog) emptyPages() []string {
	used := map[int]bool{}
	for _, it := range l.Items {
		used[it.Page] = true
	}
	var out []string
	for p := 2; p <= l.Pages; p++ {
		if !used[p] {
			out = append(out, fmt.Sprintf("page %d is empty", p))
		}
	}
	return out
}
