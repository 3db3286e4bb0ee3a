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

// gridLayout is a grid wrapped to the page width. need is about the room
// its start takes (see keepHeight); small marks a grid no taller than
// smallTable of the body, which never breaks; legend are the legend's lines and
// legendLead the part of them that stays with the last rows.
type gridLayout struct {
	head       *rowLayout
	rows       []*rowLayout
	legend     []textLine
	legendLead float64
	small      bool
	need       float64
}

// layoutGrid wraps the header, every row and the legend of g.
func (r *renderer) layoutGrid(g *grid) *gridLayout {
	if len(g.widths) == 0 {
		g.header, g.rows = nil, nil // no columns: nothing to lay rows into
	}
	cols := r.columnWidths(g.widths)
	if len(g.header) == len(cols) {
		cols = r.widenForWords(cols, g)
	}
	l := &gridLayout{}
	total := 0.0
	if len(g.header) > 0 {
		// A header repeats on every page, so it may not grow without bound.
		l.head = r.layoutRow(g.header, cols, g.aligns, headerLines)
		l.head.rule = palette.Grid
		l.head.header = true
		for _, c := range g.header {
			l.head.titles = append(l.head.titles, c.text)
		}
		total = l.head.h
	}
	for i, cells := range g.rows {
		l.rows = append(l.rows, r.layoutRow(cells, cols, g.aligns, 0))
		l.rows[i].index = i
	}
	if len(l.rows) == 0 && g.empty != "" {
		cell := gridCell{text: g.empty, font: font{styleItalic, sizeTable, palette.Muted}}
		l.rows = append(l.rows, r.layoutRow([]gridCell{cell}, []float64{r.width}, nil, 0))
	}
	for _, row := range l.rows {
		total += row.h
	}
	if l.legend = r.legendLines(g.legend); len(l.legend) > 0 {
		l.legendLead = legendGap + totalHeight(l.legend[:min(len(l.legend), legendKeep)])
		total += legendGap + totalHeight(l.legend)
	}
	l.small = total <= smallTable*(r.bottom-bodyTop)
	l.need = r.keepHeight(l)
	if l.head != nil {
		l.need += l.head.h
	}
	// A fresh page is always room enough: what does not fit there splits.
	l.need = min(l.need, r.bottom-bodyTop)
	return l
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
