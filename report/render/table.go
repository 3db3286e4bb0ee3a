package render

import (
	"math"
	"strings"

	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Table cell padding in mm.
const (
	cellPadX    = 1.8
	cellPadY    = 1.4
	headerLines = 4 // most lines a column title may take
)

// grid is a table ready for layout: the model's Table and the key–value
// block both become one, so both break across pages the same way.
type grid struct {
	header []gridCell // nil: no header row
	widths []float64  // relative weights, one per column
	aligns []string
	rows   [][]gridCell
	empty  string // shown in place of the rows when there are none
	legend []string
}

// gridCell is one cell's words and look.
type gridCell struct {
	text string
	sub  string
	font font
	fill *palette.RGB
}

// rowLayout is a row wrapped into lines, per cell.
type rowLayout struct {
	cells  [][]textLine
	fills  []*palette.RGB
	widths []float64 // absolute, mm
	aligns []string
	rule   palette.RGB
	h      float64 // height with padding when drawn whole
	// header marks the header row; titles are its cells' texts and index
	// a body row's place in its table (for the page log).
	header bool
	titles []string
	index  int
}

// drawTable turns the model's table into a grid and draws it.
func (r *renderer) drawTable(t *layout.Table) {
	if t == nil {
		return
	}
	r.drawGrid(r.tableGrid(t))
	r.y += r.gap(boxGap)
}

// tableGrid is the model's table as a grid.
func (r *renderer) tableGrid(t *layout.Table) *grid {
	g := &grid{empty: t.Empty, legend: t.Legend}
	for _, c := range t.Columns {
		g.widths = append(g.widths, c.Width)
		g.aligns = append(g.aligns, c.Align)
		g.header = append(g.header, gridCell{text: c.Title, font: font{styleBold, sizeTable - 0.5, palette.Text}, fill: &r.pal.Tint})
	}
	for _, row := range t.Rows {
		cells := make([]gridCell, len(t.Columns))
		for i := range cells {
			cells[i].font = font{styleRegular, sizeTable, palette.Text}
			if i >= len(row) {
				continue
			}
			c := row[i]
			cells[i].text, cells[i].sub = c.Text, c.Sub
			if c.Bold {
				cells[i].font.style = styleBold
			}
			if tone, ok := r.pal.Tones[c.Tone]; ok {
				cells[i].fill = &tone
			}
		}
		g.rows = append(g.rows, cells)
	}
	return g
}

// gridLayout is a grid wrapped to the page width. need is the room its
// start takes: the header and the first two rows, or of a tall row the
// lines that count as a row under the header (see rowLead).
type gridLayout struct {
	head *rowLayout
	rows []*rowLayout
	need float64
}

// layoutGrid wraps the header and every row of g.
func (r *renderer) layoutGrid(g *grid) *gridLayout {
	if len(g.widths) == 0 {
		g.header, g.rows = nil, nil // no columns: nothing to lay rows into
	}
	cols := r.columnWidths(g.widths)
	if len(g.header) == len(cols) {
		cols = r.widenForWords(cols, g)
	}
	l := &gridLayout{}
	if len(g.header) > 0 {
		// A header repeats on every page, so it may not grow without bound.
		l.head = r.layoutRow(g.header, cols, g.aligns, headerLines)
		l.head.rule = palette.Grid
		l.head.header = true
		for _, c := range g.header {
			l.head.titles = append(l.head.titles, c.text)
		}
		l.need = l.head.h
	}
	for i, cells := range g.rows {
		l.rows = append(l.rows, r.layoutRow(cells, cols, g.aligns, 0))
		l.rows[i].index = i
	}
	if len(l.rows) == 0 && g.empty != "" {
		cell := gridCell{text: g.empty, font: font{styleItalic, sizeTable, palette.Muted}}
		l.rows = append(l.rows, r.layoutRow([]gridCell{cell}, []float64{r.width}, nil, 0))
	}
	switch {
	case len(l.rows) == 1:
		l.need += l.rows[0].h
	case len(l.rows) > 1:
		l.need += l.rows[0].h + r.rowLead(l.rows[1])
	}
	// A fresh page is always room enough: what does not fit there splits.
	l.need = min(l.need, r.bottom-bodyTop)
	return l
}

// fits says whether the start of the grid may go in room mm: the header
// with the first row and the start of the second, or with a first row so
// tall that it splits and fills the page.
func (r *renderer) fits(l *gridLayout, room float64) bool {
	if room >= l.need {
		return true
	}
	if len(l.rows) == 0 {
		return false
	}
	head, first := 0.0, l.rows[0]
	if l.head != nil {
		head = l.head.h
	}
	return first.maxLines() > 2*minRowLines+1 && room >= head+r.rowLead(first) && room < head+first.h
}

// rowLead is how much of a row must sit under a header for the header not
// to be left alone: the whole row, or of a tall row its first lines
// (minRowLines, with two more for the next page when it must split).
func (r *renderer) rowLead(row *rowLayout) float64 {
	lines := 2*minRowLines + 1
	if row.maxLines() <= lines {
		return row.h
	}
	return 2*r.padY() + float64(minRowLines+1)*lineHeight(sizeTable, tableFactor)
}

// drawGrid draws the header, the rows (or the empty text) and the legend.
func (r *renderer) drawGrid(g *grid) {
	r.table++
	l := r.layoutGrid(g)
	// Keep the header with the start of the first two rows.
	if !r.atTop() && !r.fits(l, r.bottom-r.y) {
		r.newPage()
	}
	if l.head != nil {
		r.drawRowWhole(l.head)
	} else if len(l.rows) > 0 {
		r.rule(r.y, palette.Rule, 0.2) // a headerless grid still needs a top edge
	}
	for _, row := range l.rows {
		r.drawRow(row, l.head)
	}
	r.drawLegend(g.legend)
}

// columnWidths scales relative weights to the text width. Missing, zero,
// negative or non-finite weights get the average of the valid ones.
func (r *renderer) columnWidths(weights []float64) []float64 {
	sum, n := 0.0, 0
	for _, w := range weights {
		if w > 0 && !math.IsInf(w, 0) {
			sum += w
			n++
		}
	}
	avg := 1.0
	if n > 0 {
		avg = sum / float64(n)
	}
	out := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		if !(w > 0) || math.IsInf(w, 0) || w > avg*1e6 {
			w = avg
		}
		out[i] = w
		total += w
	}
	for i := range out {
		out[i] = out[i] / total * r.width
	}
	return out
}

// widenForWords widens each column that is narrower than the longest word
// of its title or of its cells' main text, so a word wraps whole ("Dim."
// and "Läkemedelsverket" never split), and takes the room from the columns
// that have more than they need. Sub-lines (web addresses) do not count.
// When the words of the cells cannot all fit, only the titles' are kept
// whole; when not even those fit, the widths stay as they are.
func (r *renderer) widenForWords(cols []float64, g *grid) []float64 {
	need := make([]float64, len(cols))
	r.wordNeed(need, g.header)
	titles := append([]float64(nil), need...)
	for _, row := range g.rows {
		r.wordNeed(need, row)
	}
	if out, ok := r.widen(cols, need); ok {
		return out
	}
	if out, ok := r.widen(cols, titles); ok {
		return out
	}
	return cols
}

// wordNeed raises need[i] to the width the longest word of cells[i] takes.
func (r *renderer) wordNeed(need []float64, cells []gridCell) {
	for i, c := range cells {
		if i >= len(need) {
			break
		}
		r.setFont(c.font)
		for _, word := range strings.FieldsFunc(layout.Sanitize(c.text), func(c rune) bool { return c == ' ' || c == '\n' }) {
			need[i] = max(need[i], r.textWidth(word)+2*cellPadX+0.3)
		}
	}
}

// widen gives every column at least its need, taken from the others in
// proportion to what they have to spare; false when the needs exceed the
// width.
func (r *renderer) widen(cols, need []float64) ([]float64, bool) {
	total := 0.0
	for _, n := range need {
		total += n
	}
	if total > r.width {
		return nil, false
	}
	out := append([]float64(nil), cols...)
	for range len(out) { // each round fixes at least one column
		short, spare := 0.0, 0.0
		for i, w := range out {
			if w < need[i] {
				short += need[i] - w
			} else {
				spare += w - need[i]
			}
		}
		if short < 1e-6 {
			break
		}
		for i, w := range out {
			if w < need[i] {
				out[i] = need[i]
			} else {
				out[i] = w - (w-need[i])*short/spare
			}
		}
	}
	return out, true
}

// layoutRow wraps each cell to its column: Text, then Sub smaller and muted,
// at most maxLines lines per cell when maxLines > 0. Every cell gets at least
// one (maybe empty) line so a blank row still shows.
func (r *renderer) layoutRow(cells []gridCell, widths []float64, aligns []string, maxLines int) *rowLayout {
	row := &rowLayout{widths: widths, aligns: aligns, rule: palette.Rule}
	tallest := 0.0
	for i, c := range cells {
		w := widths[i] - 2*cellPadX
		lines := r.lines(c.text, c.font, w, tableFactor)
		sub := r.lines(c.sub, font{styleRegular, sizeSmall, palette.Muted}, w, tableFactor)
		if len(sub) > 0 && len(lines) > 0 {
			sub[0].before, sub[0].h = 0.4, sub[0].h+0.4
		}
		lines = append(lines, sub...)
		if len(lines) == 0 {
			lines = []textLine{{font: c.font, h: lineHeight(c.font.size, tableFactor)}}
		}
		if maxLines > 0 {
			lines = r.capLines(lines, maxLines, w)
		}
		row.cells = append(row.cells, lines)
		row.fills = append(row.fills, c.fill)
		tallest = max(tallest, totalHeight(lines))
	}
	row.h = tallest + 2*r.padY()
	return row
}

// drawRowWhole draws a row that is known to fit (the header).
func (r *renderer) drawRowWhole(row *rowLayout) {
	start := make([]int, len(row.cells))
	end := make([]int, len(row.cells))
	for i, c := range row.cells {
		end[i] = len(c)
	}
	r.drawRowPart(row, start, end, row.h-2*r.padY())
}

// tablePage starts a new page and repeats the header there.
func (r *renderer) tablePage(head *rowLayout) {
	r.newPage()
	if head != nil {
		r.drawRowWhole(head)
	}
}

// minRowLines is the fewest lines of a row's longest cell that a page
// may hold when the row splits: at the bottom of one page and the top of
// the next.
const minRowLines = 2

// drawRow draws a row. A row that does not fit flows on: the lines that
// fit stay on this page (at least minRowLines of its longest cell, and as
// many left for the next) and the rest goes on the next page under the
// repeated header; a row too short to split so moves whole. A row taller
// than a page is split line by line on as many pages as it needs, so no
// text is lost and every page gets at least one line of each unfinished
// cell: the loop always ends.
func (r *renderer) drawRow(row, head *rowLayout) {
	next := make([]int, len(row.cells))
	fresh := r.atTableTop(head)
	if r.y+row.h > r.bottom && !fresh {
		if end, h := r.splitHere(row); h > 0 {
			r.drawRowPart(row, next, end, h)
			next = end
		}
		r.tablePage(head)
		fresh = true
	}
	for !rowDone(row, next) {
		end, h := r.rowSlice(row, next, r.bottom-r.y-2*r.padY(), fresh)
		if h == 0 {
			r.tablePage(head)
			fresh = true
			continue
		}
		r.drawRowPart(row, next, end, h)
		next = end
		if !rowDone(row, next) {
			r.tablePage(head)
			fresh = true
		}
	}
}

// atTableTop says whether nothing but the table's header is on this page.
func (r *renderer) atTableTop(head *rowLayout) bool {
	return r.atTop() || head != nil && r.y <= bodyTop+head.h+0.01
}

// splitHere picks the first part of a row that does not fit below the
// cursor, or h == 0 when the row should move whole to the next page.
func (r *renderer) splitHere(row *rowLayout) (end []int, h float64) {
	start := make([]int, len(row.cells))
	longest := 0
	for i, c := range row.cells {
		if len(c) > len(row.cells[longest]) {
			longest = i
		}
	}
	lines := row.cells[longest]
	avail := r.bottom - r.y - 2*r.padY()
	end, h = r.rowSlice(row, start, avail, false)
	if left := len(lines) - end[longest]; left > 0 && left < minRowLines && len(lines) >= 2*minRowLines {
		// Leave minRowLines for the next page rather than a single line.
		end, h = r.rowSlice(row, start, totalHeight(lines[:len(lines)-minRowLines]), false)
	}
	if end[longest] < minRowLines || rowDone(row, end) {
		return nil, 0
	}
	return end, h
}

func rowDone(row *rowLayout, next []int) bool {
	for i, c := range row.cells {
		if next[i] < len(c) {
			return false
		}
	}
	return true
}

// maxLines is the line count of the row's longest cell.
func (row *rowLayout) maxLines() int {
	n := 0
	for _, c := range row.cells {
		n = max(n, len(c))
	}
	return n
}

// rowSlice picks, per cell, the lines from next on that fit in avail mm;
// h is the tallest slice. On a fresh page it takes at least one line.
func (r *renderer) rowSlice(row *rowLayout, next []int, avail float64, fresh bool) (end []int, h float64) {
	end = make([]int, len(next))
	for i, c := range row.cells {
		j, ch := next[i], 0.0
		for j < len(c) && ch+c[j].h <= avail {
			ch += c[j].h
			j++
		}
		if j == next[i] && j < len(c) && fresh {
			ch += c[j].h
			j++
		}
		end[i] = j
		h = max(h, ch)
	}
	return end, h
}

// drawRowPart paints lines [start, end) of each cell: tone backgrounds over
// the part's full height, the text, and a light rule under it.
func (r *renderer) drawRowPart(row *rowLayout, start, end []int, textH float64) {
	h := textH + 2*r.padY()
	x := r.left
	for i, lines := range row.cells {
		w := row.widths[i]
		if f := row.fills[i]; f != nil {
			r.pdf.SetFillColor(f.R, f.G, f.B)
			r.pdf.Rect(x, r.y, w, h, "F")
		}
		align := ""
		if i < len(row.aligns) {
			align = row.aligns[i]
		}
		y := r.y + r.padY()
		for _, l := range lines[start[i]:end[i]] {
			l.align = align
			r.drawLine(l, x+cellPadX, y, w-2*cellPadX)
			y += l.h
		}
		x += w
	}
	p := Placed{What: PlacedRow, Table: r.table, Row: row.index, Whole: rowWhole(row, start, end),
		Cells: cellTexts(row, start, end), Top: r.y, Bottom: r.y + h}
	if row.header {
		p.What, p.Titles = PlacedHeader, row.titles
	}
	r.place(p)
	r.y += h
	r.pdf.SetDrawColor(row.rule.R, row.rule.G, row.rule.B)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(r.left, r.y, r.left+r.width, r.y)
}

// drawLegend draws the legend lines under a table in small muted type.
func (r *renderer) drawLegend(legend []string) {
	var lines []textLine
	for _, s := range legend {
		lines = append(lines, r.lines(s, font{styleRegular, sizeSmall, palette.Muted}, r.width, 1.3)...)
	}
	if len(lines) == 0 {
		return
	}
	r.y += 1.5
	r.what = PlacedLegend
	r.flow(lines, nil)
}

// rowWhole says whether lines [start, end) are every line of the row.
func rowWhole(row *rowLayout, start, end []int) bool {
	for i, c := range row.cells {
		if start[i] != 0 || end[i] != len(c) {
			return false
		}
	}
	return true
}
