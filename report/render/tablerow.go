package render

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
// cell: the loop always ends. split asks for a row that fits to be split
// all the same (see startRow), with minRowLines lines going on.
func (r *renderer) drawRow(row, head *rowLayout, split bool) {
	next := make([]int, len(row.cells))
	fresh := r.atTableTop(head)
	if (split || r.y+row.h > r.bottom) && !fresh {
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
	if left := len(lines) - end[longest]; left < minRowLines && len(lines) >= 2*minRowLines {
		// Leave minRowLines for the next page rather than a single line
		// (or none, for a row split on purpose though it fits).
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

// rowWhole says whether lines [start, end) are every line of the row.
func rowWhole(row *rowLayout, start, end []int) bool {
	for i, c := range row.cells {
		if start[i] != 0 || end[i] != len(c) {
			return false
		}
	}
	return true
}
