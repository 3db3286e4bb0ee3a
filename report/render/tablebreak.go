package render

import (
	"github.com/pomi-planner/pomi/report/palette"
)

// Where a table may break across pages.
const (
	// minTableRows is the fewest rows a table keeps on either side of a
	// page break: no page holds its header with a single row, and no
	// table ends with one row alone under a repeated header.
	minTableRows = 2
	// smallTable is the share of the body's height up to which a table
	// (header, rows and legend) never breaks: it moves whole to the next
	// page. A quarter: about 60 mm, ten one-line rows on A4.
	smallTable = 0.25
	// legendKeep is how many legend lines stay with a table's last rows.
	legendKeep = 3
	legendGap  = 1.5 // space above the legend
)

// fits says whether the start of the grid may go in room mm: its header
// and what startRow lets its first row take.
func (r *renderer) fits(l *gridLayout, room float64) bool {
	if l.head != nil {
		room -= l.head.h
	}
	return room >= 0 && r.startRow(l, 0, room) != rowMove
}

// How a row may start below the cursor (startRow).
type rowStart int

const (
	rowKeep  rowStart = iota // draw it here
	rowMove                  // start a new page first
	rowSplit                 // split it here though it fits, to carry its end to the next page
)

// startRow says how row i may start in room mm. The rows from i up to the
// next place the table may break must fit: a break between rows that
// leaves minTableRows on each side (breakAfter), or inside a row tall
// enough to split (splits) whose lead fits; at the table's end the start
// of the legend must fit too. When what follows a tall row that fits does
// not, that row is split rather than let the rest go on alone.
func (r *renderer) startRow(l *gridLayout, i int, room float64) rowStart {
	split := -1 // the last tall row that fits whole
	j := i
	for ; j < len(l.rows); j++ {
		row := l.rows[j]
		if row.h > room {
			if l.splits(row) && room >= r.rowLead(row) {
				return rowKeep
			}
			break
		}
		if l.splits(row) {
			split = j
		}
		room -= row.h
		if l.breakAfter(j) {
			return rowKeep
		}
	}
	switch {
	case j == len(l.rows) && room >= l.legendLead:
		return rowKeep
	case split == i:
		return rowSplit
	case split > i:
		return rowKeep // up to the tall row, which is split when it is reached
	}
	return rowMove
}

// keepHeight estimates the room the start of the grid's rows takes (the
// need of leadHeight): up to the first place the table may break, a row
// after the first that is tall enough to split with its lead only, the
// table's end with the start of the legend.
func (r *renderer) keepHeight(l *gridLayout) float64 {
	h := 0.0
	for j, row := range l.rows {
		if j > 0 && l.splits(row) {
			return h + r.rowLead(row)
		}
		h += row.h
		if l.breakAfter(j) {
			return h
		}
	}
	return h + l.legendLead
}

// breakAfter says whether the table may break after row j: it is not
// small and leaves at least minTableRows rows on each side.
func (l *gridLayout) breakAfter(j int) bool {
	return !l.small && j+1 >= minTableRows && len(l.rows)-(j+1) >= minTableRows
}

// splits says whether a row is tall enough to be split across pages
// (see drawRow); rows of a small table never are.
func (l *gridLayout) splits(row *rowLayout) bool {
	return !l.small && row.maxLines() > 2*minRowLines+1
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
// It starts on a new page unless its start fits; a row moves on to the
// next page, under the repeated header, unless what must stay with it
// fits too (startRow), so every break keeps minTableRows rows on each
// side and the legend with the last rows.
func (r *renderer) drawGrid(g *grid) {
	r.table++
	l := r.layoutGrid(g)
	if !r.atTop() && !r.fits(l, r.bottom-r.y) {
		r.newPage()
	}
	if l.head != nil {
		r.drawRowWhole(l.head)
	} else if len(l.rows) > 0 {
		r.rule(r.y, palette.Rule, 0.2) // a headerless grid still needs a top edge
	}
	for i, row := range l.rows {
		how := rowKeep
		if !r.atTableTop(l.head) {
			how = r.startRow(l, i, r.bottom-r.y)
		}
		if how == rowMove {
			r.tablePage(l.head)
		}
		r.drawRow(row, l.head, how == rowSplit)
	}
	r.drawLegend(l.legend)
}

// legendLines wraps the legend under a table in small muted type.
func (r *renderer) legendLines(legend []string) []textLine {
	var lines []textLine
	for _, s := range legend {
		lines = append(lines, r.lines(s, font{styleRegular, sizeSmall, palette.Muted}, r.width, 1.3)...)
	}
	return lines
}

// drawLegend draws the legend's lines under a table.
func (r *renderer) drawLegend(lines []textLine) {
	if len(lines) == 0 {
		return
	}
	r.y += legendGap
	r.what = PlacedLegend
	r.flow(lines, nil)
}
