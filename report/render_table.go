package report

import "math"

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
	fill *rgb
}

// rowLayout is a row wrapped into lines, per cell.
type rowLayout struct {
	cells  [][]textLine
	fills  []*rgb
	widths []float64 // absolute, mm
	aligns []string
	rule   rgb
	h      float64 // height with padding when drawn whole
}

// drawTable turns the model's table into a grid and draws it.
func (r *renderer) drawTable(t *Table) {
	if t == nil {
		return
	}
	g := grid{empty: t.Empty, legend: t.Legend}
	for _, c := range t.Columns {
		g.widths = append(g.widths, c.Width)
		g.aligns = append(g.aligns, c.Align)
		g.header = append(g.header, gridCell{text: c.Title, font: font{styleBold, sizeTable - 0.5, colorText}, fill: &r.pal.tint})
	}
	for _, row := range t.Rows {
		cells := make([]gridCell, len(t.Columns))
		for i := range cells {
			cells[i].font = font{styleRegular, sizeTable, colorText}
			if i >= len(row) {
				continue
			}
			c := row[i]
			cells[i].text, cells[i].sub = c.Text, c.Sub
			if c.Bold {
				cells[i].font.style = styleBold
			}
			if tone, ok := r.pal.tones[c.Tone]; ok {
				cells[i].fill = &tone
			}
		}
		g.rows = append(g.rows, cells)
	}
	r.drawGrid(&g)
	r.y += boxGap
}

// drawGrid draws the header, the rows (or the empty text) and the legend.
func (r *renderer) drawGrid(g *grid) {
	if len(g.widths) == 0 {
		g.header, g.rows = nil, nil // no columns: nothing to lay rows into
	}
	cols := r.columnWidths(g.widths)
	var head *rowLayout
	if len(g.header) > 0 {
		// A header repeats on every page, so it may not grow without bound.
		head = r.layoutRow(g.header, cols, g.aligns, headerLines)
		head.rule = colorGrid
	}
	var rows []*rowLayout
	for _, cells := range g.rows {
		rows = append(rows, r.layoutRow(cells, cols, g.aligns, 0))
	}
	if len(rows) == 0 && g.empty != "" {
		cell := gridCell{text: g.empty, font: font{styleItalic, sizeTable, colorMuted}}
		rows = append(rows, r.layoutRow([]gridCell{cell}, []float64{r.width}, nil, 0))
	}
	// Keep the header with (the start of) the first row.
	need := 0.0
	if head != nil {
		need += head.h
	}
	if len(rows) > 0 {
		need += min(rows[0].h, 30)
	}
	r.ensure(need)
	if head != nil {
		r.drawRowWhole(head)
	} else if len(rows) > 0 {
		r.rule(r.y, colorRule, 0.2) // a headerless grid still needs a top edge
	}
	for _, row := range rows {
		r.drawRow(row, head)
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

// layoutRow wraps each cell to its column: Text, then Sub smaller and muted,
// at most maxLines lines per cell when maxLines > 0. Every cell gets at least
// one (maybe empty) line so a blank row still shows.
func (r *renderer) layoutRow(cells []gridCell, widths []float64, aligns []string, maxLines int) *rowLayout {
	row := &rowLayout{widths: widths, aligns: aligns, rule: colorRule}
	tallest := 0.0
	for i, c := range cells {
		w := widths[i] - 2*cellPadX
		lines := r.lines(c.text, c.font, w, tableFactor)
		sub := r.lines(c.sub, font{styleRegular, sizeSmall, colorMuted}, w, tableFactor)
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
	row.h = tallest + 2*cellPadY
	return row
}

// drawRowWhole draws a row that is known to fit (the header).
func (r *renderer) drawRowWhole(row *rowLayout) {
	start := make([]int, len(row.cells))
	end := make([]int, len(row.cells))
	for i, c := range row.cells {
		end[i] = len(c)
	}
	r.drawRowPart(row, start, end, row.h-2*cellPadY)
}

// tablePage starts a new page and repeats the header there.
func (r *renderer) tablePage(head *rowLayout) {
	r.newPage()
	if head != nil {
		r.drawRowWhole(head)
	}
}

// drawRow draws a row, moving it to a new page (with the header repeated)
// when it does not fit. A row taller than a whole page is split line by line
// across pages, so no text is lost and every page gets at least one line of
// each unfinished cell: the loop always ends.
func (r *renderer) drawRow(row, head *rowLayout) {
	room := r.bottom - bodyTop
	if head != nil {
		room -= head.h
	}
	if r.y+row.h > r.bottom && row.h <= room {
		r.tablePage(head)
	}
	next := make([]int, len(row.cells))
	fresh := false
	for !rowDone(row, next) {
		end, h := r.rowSlice(row, next, fresh)
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

func rowDone(row *rowLayout, next []int) bool {
	for i, c := range row.cells {
		if next[i] < len(c) {
			return false
		}
	}
	return true
}

// rowSlice picks, per cell, the lines from next on that fit below the
// cursor; h is the tallest slice. On a fresh page it takes at least one line.
func (r *renderer) rowSlice(row *rowLayout, next []int, fresh bool) (end []int, h float64) {
	avail := r.bottom - r.y - 2*cellPadY
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
	h := textH + 2*cellPadY
	x := r.left
	for i, lines := range row.cells {
		w := row.widths[i]
		if f := row.fills[i]; f != nil {
			r.pdf.SetFillColor(f.r, f.g, f.b)
			r.pdf.Rect(x, r.y, w, h, "F")
		}
		align := ""
		if i < len(row.aligns) {
			align = row.aligns[i]
		}
		y := r.y + cellPadY
		for _, l := range lines[start[i]:end[i]] {
			l.align = align
			r.drawLine(l, x+cellPadX, y, w-2*cellPadX)
			y += l.h
		}
		x += w
	}
	r.y += h
	r.pdf.SetDrawColor(row.rule.r, row.rule.g, row.rule.b)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(r.left, r.y, r.left+r.width, r.y)
}

// drawLegend draws the legend lines under a table in small muted type.
func (r *renderer) drawLegend(legend []string) {
	var lines []textLine
	for _, s := range legend {
		lines = append(lines, r.lines(s, font{styleRegular, sizeSmall, colorMuted}, r.width, 1.3)...)
	}
	if len(lines) == 0 {
		return
	}
	r.y += 1.5
	r.flow(lines, nil)
}
