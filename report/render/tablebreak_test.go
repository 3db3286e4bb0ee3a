package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/report/layout"
)

// breakCase is a table to place at every height of a page.
type breakCase struct {
	name    string
	rows    int
	lines   int  // lines of each row's first cell
	legend  bool // two legend lines under the table
	heading bool // a heading kept with the table before it
	kv      bool // a key–value block (no header) instead of a table
}

// breakDocument has one section per filler height, each on a new page:
// filler lines of text, then the case's table.
func breakDocument(t *testing.T, c breakCase) *layout.Document {
	t.Helper()
	doc := sampleDocument(t)
	doc.Sections = nil
	for filler := 0; filler <= 48; filler++ {
		var lines []string
		for i := range filler {
			lines = append(lines, fmt.Sprintf("Rad %d före tabellen.", i+1))
		}
		blocks := []layout.Block{{Kind: layout.KindParagraph, Text: strings.Join(lines, "\n")}}
		if c.heading {
			blocks = append(blocks, layout.Block{Kind: layout.KindHeading, Text: "Rubrik till tabellen", KeepWithNext: true})
		}
		blocks = append(blocks, breakTable(c), layout.Block{Kind: layout.KindParagraph, Text: "Efter tabellen."})
		doc.Sections = append(doc.Sections, layout.Section{ID: fmt.Sprint(filler), Title: "Avsnitt", NewPage: true, Blocks: blocks})
	}
	return doc
}

// breakTable is the case's table or key–value block.
func breakTable(c breakCase) layout.Block {
	cell := func(i int) string {
		lines := make([]string, max(c.lines, 1))
		for j := range lines {
			lines[j] = fmt.Sprintf("Rad %d, textrad %d", i+1, j+1)
		}
		return strings.Join(lines, "\n")
	}
	if c.kv {
		b := layout.Block{Kind: layout.KindKeyValue}
		for i := range c.rows {
			b.Pairs = append(b.Pairs, layout.Pair{Key: fmt.Sprintf("Nyckel %d", i+1), Value: cell(i)})
		}
		return b
	}
	t := &layout.Table{Columns: []layout.Column{{Title: "Vad", Width: 4}, {Title: "Antal", Width: 1, Align: layout.AlignRight}}}
	for i := range c.rows {
		t.Rows = append(t.Rows, []layout.Cell{{Text: cell(i)}, {Text: fmt.Sprint(i)}})
	}
	if c.legend {
		t.Legend = []string{"Förklaring till tabellen, första raden.", "Förklaring, andra raden."}
	}
	return layout.Block{Kind: layout.KindTable, Table: t}
}

// TestTablesBreakWithTwoRowsOnEachSide puts tables of every size at every
// height of a page and checks where the renderer broke them: never a
// header or a single row alone on a page, never a heading or title at a
// page's foot or a legend at a page's top; a small table is never split.
func TestTablesBreakWithTwoRowsOnEachSide(t *testing.T) {
	t.Parallel()
	var cases []breakCase
	for _, rows := range []int{1, 2, 3, 4, 5, 6, 9, 40} {
		cases = append(cases,
			breakCase{name: "plain", rows: rows},
			breakCase{name: "legend+heading", rows: rows, legend: true, heading: true},
			breakCase{name: "two-line rows", rows: rows, lines: 2, legend: true},
			breakCase{name: "tall rows", rows: rows, lines: 9},
			breakCase{name: "key-value", rows: rows, lines: 1, kv: true})
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%d", c.name, c.rows), func(t *testing.T) {
			t.Parallel()
			log, err := LayOut(breakDocument(t, c))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range log.Problems() {
				t.Error(p)
			}
			checkSmallTablesWhole(t, log)
		})
	}
}

// checkSmallTablesWhole fails when a table broken between rows (no row
// split) has fewer rows than two pages' minimum, or is small: no taller,
// header, rows and legend, than smallTable of the body.
func checkSmallTablesWhole(t *testing.T, log *PageLog) {
	small := smallTable * (log.BodyBottom - log.BodyTop)
	t.Helper()
	type span struct {
		pages  map[int]bool
		rows   int
		split  bool
		height float64 // the header once and every row
	}
	tables := map[int]*span{}
	last := 0 // the table drawn last
	for _, it := range log.Items {
		if it.What == PlacedLegend && last > 0 {
			tables[last].height += it.Bottom - it.Top + legendGap
		}
		if last = it.Table; it.Table == 0 {
			continue
		}
		s := tables[it.Table]
		if s == nil {
			s = &span{pages: map[int]bool{}}
			tables[it.Table] = s
		}
		s.pages[it.Page] = true
		switch {
		case it.What == PlacedRow:
			s.rows++
			s.split = s.split || !it.Whole
			s.height += it.Bottom - it.Top
		case len(s.pages) == 1: // the header, not repeated
			s.height += it.Bottom - it.Top
		}
	}
	for id, s := range tables {
		if len(s.pages) == 1 || s.split {
			continue
		}
		if s.rows < 2*minTableRows || s.height <= small {
			t.Errorf("table %d of %d rows, %.0f mm, is broken over pages %v", id, s.rows, s.height, s.pages)
		}
	}
}

// The case the portfolio report showed: a table of four rows that has
// room for its header and three rows goes on with one row alone under the
// repeated header. Now it moves whole, or breaks two and two when it is
// not small.
func TestAFourRowTableNeverLeavesOneRowAlone(t *testing.T) {
	t.Parallel()
	for _, lines := range []int{1, 3} {
		log, err := LayOut(breakDocument(t, breakCase{rows: 4, lines: lines, heading: true}))
		if err != nil {
			t.Fatal(err)
		}
		perPage := map[[2]int]int{}
		for _, it := range log.Items {
			if it.What == PlacedRow {
				perPage[[2]int{it.Table, it.Page}]++
			}
		}
		for k, n := range perPage {
			if n != 4 && n != 2 {
				t.Errorf("lines %d: table %d has %d rows on page %d, want 4 or 2", lines, k[0], n, k[1])
			}
		}
	}
}
