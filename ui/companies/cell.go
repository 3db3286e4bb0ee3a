package companies

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
)

// cell is one cell of the portfolio table: a text, or a score as a small
// bar against the target with its number. A tap selects its row, a double
// tap opens the company, as in a file manager; the selected row is shaded
// across every column.
type cell struct {
	widget.BaseWidget
	table *table
	id    widget.TableCellID
	shade *canvas.Rectangle
	label *widget.Label
	score scoreBar
	isBar bool
}

func newCell(t *table) *cell {
	c := &cell{table: t, shade: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.score = newScoreBar()
	c.ExtendBaseWidget(c)
	return c
}

// showText shows text, in the warning colour when warn, aligned right when right.
func (c *cell) showText(text string, warn, right bool) {
	c.isBar = false
	c.label.Importance = widget.MediumImportance
	if warn {
		c.label.Importance = widget.WarningImportance
	}
	c.label.Alignment = fyne.TextAlignLeading
	if right {
		c.label.Alignment = fyne.TextAlignTrailing
	}
	c.label.Text = text
	c.Refresh()
}

// showScore shows a dimension's score against its target, nothing when it
// has no score.
func (c *cell) showScore(s *app.DimensionScore, number string) {
	c.isBar = true
	c.score.set(s, number)
	c.Refresh()
}

// Tapped selects the cell's row.
func (c *cell) Tapped(*fyne.PointEvent) {
	if c.id.Row >= 0 {
		c.table.selectRow(c.id.Row)
	}
}

// DoubleTapped opens the row's company.
func (c *cell) DoubleTapped(*fyne.PointEvent) {
	if c.id.Row >= 0 {
		c.table.selectRow(c.id.Row)
		c.table.screen.OpenSelected()
	}
}

// CreateRenderer lays the shade under the text or the bar.
func (c *cell) CreateRenderer() fyne.WidgetRenderer {
	return &cellRenderer{c: c}
}

type cellRenderer struct{ c *cell }

func (r *cellRenderer) Layout(size fyne.Size) {
	r.c.shade.Resize(size)
	r.c.label.Resize(size)
	r.c.score.layout(size)
}

func (r *cellRenderer) MinSize() fyne.Size { return r.c.label.MinSize() }

func (r *cellRenderer) Refresh() {
	c := r.c
	c.shade.FillColor = color.Transparent
	if c.table.isSelected(c.id.Row) {
		c.shade.FillColor = theme.Color(theme.ColorNameSelection)
	}
	c.shade.Refresh()
	if c.isBar {
		c.score.refresh()
	} else {
		c.label.Refresh()
	}
	r.Layout(c.Size())
}

func (r *cellRenderer) Objects() []fyne.CanvasObject {
	if r.c.isBar {
		return append([]fyne.CanvasObject{r.c.shade}, r.c.score.objects()...)
	}
	return []fyne.CanvasObject{r.c.shade, r.c.label}
}

func (r *cellRenderer) Destroy() {}
