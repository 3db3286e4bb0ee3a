package followup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// row draws one line of the list, a week's header or a follow-up: a tap
// selects a follow-up, a double tap opens it, as in a file manager.
type row struct {
	widget.BaseWidget
	view *View
	id   widget.ListItemID

	header *widget.Label
	item   *fyne.Container
	date   *widget.Label
	name   *widget.Label
	what   *widget.Label
	late   *widget.Label
	icon   *widget.Icon
}

func newRow(v *View) *row {
	r := &row{view: v, id: -1}
	r.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.header.Truncation = fyne.TextTruncateEllipsis
	r.date = widget.NewLabel("")
	r.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.what = widget.NewLabel("")
	r.what.Truncation = fyne.TextTruncateEllipsis
	// The word stays in the text colour, legible on both themes; the
	// icon beside it carries the theme's warning colour.
	r.late = widget.NewLabel("")
	r.icon = widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	late := container.NewHBox(r.icon, r.late)
	r.item = container.New(&columns{date: v.widths.date, late: v.widths.late}, r.date, r.name, r.what, late)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the header over the follow-up's columns; one of
// them shows at a time.
func (r *row) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.header, r.item))
}

// show fills the row with line id of the view's list.
func (r *row) show(id widget.ListItemID) {
	r.id = id
	v := r.view
	if id < 0 || id >= len(v.res.lines) {
		return
	}
	ln := v.res.lines[id]
	if ln.item == nil {
		r.item.Hide()
		r.header.SetText(weekText(v.loc, ln.week, v.res.today))
		r.header.Show()
		return
	}
	r.header.Hide()
	f := ln.item
	r.date.SetText(dateText(v.loc, f.Date))
	r.name.SetText(f.CompanyName)
	r.what.SetText(whatText(v.loc, f))
	r.late.SetText(lateText(v.loc, f))
	if f.Overdue {
		r.icon.Show()
	} else {
		r.icon.Hide()
	}
	r.item.Show()
}

// Tapped selects the row's follow-up and puts the keyboard's place on it.
func (r *row) Tapped(*fyne.PointEvent) {
	r.view.pick(r.id)
}

// DoubleTapped opens the row's company at the follow-up's step.
func (r *row) DoubleTapped(*fyne.PointEvent) {
	if r.view.pick(r.id) {
		r.view.OpenSelected()
	}
}

// widths are the fixed columns' widths, measured once for the language.
type widths struct {
	date, late float32
}

// columns lays a follow-up out: the date and the overdue word in columns
// of fixed width, the company name in a column that grows with the window
// up to a limit, and what is due in the rest.
type columns struct {
	date, late float32
}

// nameShare is the part of the width the company name takes, between
// nameMin and nameMax.
const (
	nameShare = 0.28
	nameMin   = 140
	nameMax   = 320
)

// Layout places date, name, what and the overdue word side by side.
func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	name := min(max(size.Width*nameShare, nameMin), nameMax)
	what := max(size.Width-c.date-name-c.late, 0)
	x := float32(0)
	for i, w := range []float32{c.date, name, what, c.late} {
		h := objs[i].MinSize().Height
		objs[i].Move(fyne.NewPos(x, (size.Height-h)/2))
		objs[i].Resize(fyne.NewSize(w, h))
		x += w
	}
}

// MinSize is the fixed columns' width and the tallest object's height.
func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(c.date+nameMin+c.late, h)
}

// measure returns the widths of the date column (the widest date of any
// month) and of the overdue column (the longer word, with its icon).
func measure(v *View) widths {
	probe := widget.NewLabel("")
	widest := func(texts ...string) float32 {
		w := float32(0)
		for _, s := range texts {
			probe.SetText(s)
			w = max(w, probe.MinSize().Width)
		}
		return w
	}
	var dates []string
	for m := 1; m <= 12; m++ {
		dates = append(dates, dateText(v.loc, "2026-"+twoDigits(m)+"-28"))
	}
	// The icon, the HBox's gap and a margin that keeps the word clear of
	// the list's scroll bar.
	extra := theme.IconInlineSize() + 3*theme.Padding()
	late := widest(v.loc.T("ui.followup.late.review"), v.loc.T("ui.followup.late.action"))
	return widths{date: widest(dates...), late: late + extra}
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// lineList is the list with Enter opening the line the keyboard is on.
// Fyne's List moves its highlight with the arrow keys and selects with
// Space; it keeps the highlight to itself, so the list follows it here.
type lineList struct {
	widget.List
	cursor  int
	onEnter func(id widget.ListItemID)
}

func newLineList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *lineList {
	l := &lineList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the highlighted line on Enter and otherwise moves as
// Fyne's List does.
func (l *lineList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.onEnter != nil {
			l.onEnter(l.cursor)
		}
		return
	case fyne.KeyDown:
		if l.cursor < l.Length()-1 {
			l.cursor++
		}
	case fyne.KeyUp:
		if l.cursor > 0 {
			l.cursor--
		}
	}
	l.List.TypedKey(e)
}

// moveCursor puts the keyboard's place on line id.
func (l *lineList) moveCursor(id widget.ListItemID) {
	l.cursor = id
	l.Highlight(id)
}
