package companies

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
)

// table is the portfolio table: a header that sorts by the column tapped
// (again: the other way) and one line per company of the screen's view. Only
// the visible cells exist, so 10,000 rows cost no more than 30.
type table struct {
	screen *Screen
	cols   []column
	w      *keyTable
}

// keyTable is Fyne's table with Enter opening the company under the
// keyboard cursor: Tab reaches the table, the arrows move, Space selects
// and Enter opens, as double-clicking does.
type keyTable struct {
	widget.Table
	onEnter func()
}

// TypedKey opens the row under the cursor on Enter and passes every other key on.
func (k *keyTable) TypedKey(e *fyne.KeyEvent) {
	if e.Name != fyne.KeyReturn && e.Name != fyne.KeyEnter {
		k.Table.TypedKey(e)
		return
	}
	k.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // selects the cursor's cell
	k.onEnter()
}

func newTable(s *Screen) *table {
	t := &table{screen: s, cols: columns(s.loc)}
	t.w = &keyTable{onEnter: s.OpenSelected}
	t.w.Length, t.w.UpdateCell = t.size, t.update
	t.w.CreateCell = func() fyne.CanvasObject { return newCell(t) }
	t.w.ExtendBaseWidget(t.w)
	t.w.ShowHeaderRow = true
	t.w.StickyColumnCount = 1
	t.w.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.w.UpdateHeader = t.updateHeader
	t.w.OnSelected = func(id widget.TableCellID) { t.selectRow(id.Row) }
	for i, c := range t.cols {
		t.w.SetColumnWidth(i, c.width)
	}
	return t
}

func (t *table) size() (int, int) { return len(t.screen.view), len(t.cols) }

// update fills a cell of the row at position id.Row of the view.
func (t *table) update(id widget.TableCellID, obj fyne.CanvasObject) {
	c := obj.(*cell)
	c.id = id
	r := t.screen.row(id.Row)
	if r == nil || id.Col >= len(t.cols) {
		c.showText("", false, false)
		return
	}
	col := &t.cols[id.Col]
	if col.dim != "" {
		c.showScore(scoreOf(r, col.dim), t.scoreText(r, col.dim))
		return
	}
	text, warn := col.text(r)
	c.showText(text, warn, col.right)
}

func (t *table) scoreText(r *portfolio.Row, dim ref.Dimension) string {
	if s, ok := r.Score(dim); ok {
		return t.screen.loc.Number(s, 0)
	}
	return ""
}

func scoreOf(r *portfolio.Row, dim ref.Dimension) *app.DimensionScore {
	for i := range r.Scores {
		if r.Scores[i].Dimension == dim {
			return &r.Scores[i]
		}
	}
	return nil
}

// updateHeader shows a column's title, with an arrow on the sorted one.
func (t *table) updateHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	b := obj.(*widget.Button)
	if id.Col < 0 || id.Col >= len(t.cols) {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	col := t.cols[id.Col]
	text := col.title
	if col.sort == t.screen.sortCol {
		text += map[bool]string{false: " ▲", true: " ▼"}[t.screen.desc]
	}
	b.SetText(text)
	b.OnTapped = func() { t.screen.SortBy(col.sort) }
}

// selectRow marks the row at position row of the view as the selected company.
func (t *table) selectRow(row int) {
	if row == t.screen.selected {
		return
	}
	t.screen.selected = row
	t.w.Refresh()
}

func (t *table) isSelected(row int) bool { return row >= 0 && row == t.screen.selected }
