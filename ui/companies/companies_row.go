package companies

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// row is one line of the company list: a tap selects it, a double tap
// opens it, as in a file manager.
type row struct {
	widget.BaseWidget
	screen *Screen
	id     widget.ListItemID
	name   *widget.Label
	detail *widget.Label
}

func newRow(s *Screen) *row {
	r := &row{screen: s, id: -1}
	r.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail = widget.NewLabel("")
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the name above the detail line.
func (r *row) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.name, r.detail))
}

// Tapped selects the row.
func (r *row) Tapped(*fyne.PointEvent) {
	if r.id >= 0 {
		r.screen.list.Select(r.id)
	}
}

// DoubleTapped opens the row's company.
func (r *row) DoubleTapped(*fyne.PointEvent) {
	if r.id >= 0 {
		r.screen.list.Select(r.id)
		r.screen.OpenSelected()
	}
}
