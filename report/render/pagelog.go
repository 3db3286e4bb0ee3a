package render

import (
	"errors"

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
