package report

import "errors"

// What the renderer places on a page, as the page log records it.
const (
	placedTitle     = "title"     // a section title
	placedHeading   = "heading"   // a subheading
	placedText      = "text"      // lines of a paragraph, list or callout
	placedHeader    = "header"    // a table's header row, first or repeated
	placedRow       = "row"       // a table row, or the part of one on this page
	placedLegend    = "legend"    // the small lines under a table
	placedChart     = "chart"     // the radar chart
	placedSignature = "signature" // a row of signature lines
)

// placed is one thing drawn on a body page: the page log that layout rules
// are checked against (page breaks, orphaned headings, split words), since
// where a page breaks is only known once the renderer has measured the text.
type placed struct {
	Page    int
	Section string // the section's ID
	What    string // one of the placed* kinds
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

// pageLog is the whole plan as drawn: every placed item, and the page's
// body limits so a check can tell how much room a page left unused.
type pageLog struct {
	Items      []placed
	Pages      int
	BodyTop    float64
	BodyBottom float64
}

// layOut renders doc once, without writing a PDF, and returns where each
// part of it went.
func layOut(doc *Document) (*pageLog, error) {
	if doc == nil {
		return nil, errors.New("lay out plan: no document")
	}
	paper, err := paperSize(doc.Paper)
	if err != nil {
		return nil, err
	}
	var log *pageLog
	err = protect(func() error {
		r, err := newRenderer(doc, paper, 0)
		if err != nil {
			return err
		}
		r.log = &pageLog{BodyTop: bodyTop, BodyBottom: r.bottom}
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
func (r *renderer) place(p placed) {
	if r.log == nil {
		return
	}
	p.Page = r.pdf.PageNo()
	p.Section = r.section
	r.log.Items = append(r.log.Items, p)
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
