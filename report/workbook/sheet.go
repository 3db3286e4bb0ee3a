package workbook

import (
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// DateFormat is the number format of the date cells: ISO dates, which
// Excel, LibreOffice and Gnumeric show alike in every locale.
const DateFormat = "yyyy-mm-dd"

// percent is a share 0–1 shown as a percentage.
type percent float64

// sheet is one table of the workbook: its name, headers and rows. A cell is
// a string, an int, a float64, a percent, a time.Time (a date) or nil
// (empty).
type sheet struct {
	name    string
	headers []string
	rows    [][]any
}

// add appends a row.
func (s *sheet) add(cells ...any) { s.rows = append(s.rows, cells) }

// styles are the workbook's cell styles.
type styles struct {
	header, date, integer, number, percent int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	dateFmt, numFmt := DateFormat, "0.0"
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.header, &excelize.Style{
			Font:   &excelize.Font{Bold: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F8C99", Style: 1}},
		}},
		{&st.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.integer, &excelize.Style{NumFmt: 1}}, // 0
		{&st.number, &excelize.Style{CustomNumFmt: &numFmt}},
		{&st.percent, &excelize.Style{NumFmt: 9}}, // 0%
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	return st, nil
}

// Column widths in characters: at least minWidth, at most maxWidth, and
// pad wider than the longest header or cell.
const (
	minWidth  = 8
	maxWidth  = 60
	pad       = 2
	dateWidth = 10
	numWidth  = 8
)

// widths fits each column to its header and its longest cell.
func (s *sheet) widths() []float64 {
	w := make([]int, len(s.headers))
	for i, h := range s.headers {
		w[i] = utf8.RuneCountInString(h)
	}
	for _, row := range s.rows {
		for i, c := range row {
			w[i] = max(w[i], cellWidth(c))
		}
	}
	out := make([]float64, len(w))
	for i, n := range w {
		out[i] = float64(min(max(n+pad, minWidth), maxWidth))
	}
	return out
}

func cellWidth(c any) int {
	switch c := c.(type) {
	case string:
		return utf8.RuneCountInString(c)
	case time.Time:
		return dateWidth
	case nil:
		return 0
	}
	return numWidth
}

// cell gives a value its style: dates their date format, numbers theirs.
func (st styles) cell(v any) any {
	switch v := v.(type) {
	case time.Time:
		return excelize.Cell{StyleID: st.date, Value: v}
	case int:
		return excelize.Cell{StyleID: st.integer, Value: v}
	case float64:
		return excelize.Cell{StyleID: st.number, Value: v}
	case percent:
		return excelize.Cell{StyleID: st.percent, Value: float64(v)}
	}
	return v
}

// writeSheet writes s as the workbook's sheet number i: a header row
// frozen above the rows, a filter over the whole table and columns as wide
// as their content.
func writeSheet(f *excelize.File, i int, s *sheet, st styles) error {
	if err := addSheet(f, i, s); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	if err := layoutSheet(sw, s); err != nil {
		return err
	}
	head := make([]any, len(s.headers))
	for c, h := range s.headers {
		head[c] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for r, row := range s.rows {
		cells := make([]any, len(row))
		for c, v := range row {
			cells[c] = st.cell(v)
		}
		ref, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// addSheet names the first sheet, or adds sheet number i, and puts the
// filter over its table. The filter goes on before the rows are streamed:
// the stream writer writes the worksheet's filter when it is flushed.
func addSheet(f *excelize.File, i int, s *sheet) error {
	if i == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), s.name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(s.name); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(s.headers), len(s.rows)+1)
	if err != nil {
		return err
	}
	return f.AutoFilter(s.name, "A1:"+last, nil)
}

// layoutSheet freezes the header row and sets the column widths, which
// the stream writer takes only before the first row.
func layoutSheet(sw *excelize.StreamWriter, s *sheet) error {
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	// Each width set goes before those set earlier, so the last column
	// first leaves them in the ascending order the file format asks for.
	widths := s.widths()
	for c := len(widths) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, widths[c]); err != nil {
			return err
		}
	}
	return nil
}
