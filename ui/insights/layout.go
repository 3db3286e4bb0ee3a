package insights

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pairLayout lays pairs of objects out as rows: a name that wraps on the
// left, its bar on the right. Each row is as tall as its taller half at the
// width it gets.
type pairLayout struct {
	// nameShare is the part of the width the names get.
	nameShare float32
}

func (l *pairLayout) widths(total float32) (float32, float32) {
	pad := theme.Padding()
	name := (total - pad) * l.nameShare
	return name, total - pad - name
}

// Layout gives each half its width first, so a wrapping name measures its
// height at that width, then sizes the row.
func (l *pairLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	nameW, barW := l.widths(size.Width)
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		name, bar := objs[i], objs[i+1]
		name.Resize(fyne.NewSize(nameW, name.Size().Height))
		h := max(name.MinSize().Height, bar.MinSize().Height)
		place(name, 0, y, nameW, h)
		place(bar, nameW+pad, y, barW, h)
		y += h
	}
}

// MinSize is the widest name and bar side by side, and the rows' heights at
// the widths they had when last laid out.
func (l *pairLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var nameW, barW, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		n, b := objs[i].MinSize(), objs[i+1].MinSize()
		nameW, barW = max(nameW, n.Width), max(barW, b.Width)
		h += max(n.Height, b.Height)
	}
	return fyne.NewSize(nameW+barW+theme.Padding(), h)
}

// columns lays objects out in as many equal columns as fit, each at least
// cell wide (or as wide as the widest object), row by row; each row is as
// tall as its tallest object at the column width.
type columns struct {
	// cell is the narrowest a column may be.
	cell float32
	// last is the number of columns of the last layout, which MinSize
	// measures the height with.
	last int
}

// newColumns returns a columns layout whose columns are at least cell
// times the text size wide.
func newColumns(cell float32) *columns {
	return &columns{cell: cell * theme.TextSize(), last: 1}
}

func (l *columns) count(objs []fyne.CanvasObject, width float32) int {
	cell := l.cell
	for _, o := range objs {
		cell = max(cell, o.MinSize().Width)
	}
	pad := theme.Padding()
	n := max(1, min(int((width+pad)/(cell+pad)), len(objs)))
	rows := (len(objs) + n - 1) / n
	return max(1, (len(objs)+rows-1)/max(rows, 1))
}

// Layout places the objects row by row.
func (l *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := l.count(objs, size.Width)
	l.last = n
	pad := theme.Padding()
	w := (size.Width - pad*float32(n-1)) / float32(n)
	y := float32(0)
	for start := 0; start < len(objs); start += n {
		row := objs[start:min(start+n, len(objs))]
		h := float32(0)
		for _, o := range row {
			o.Resize(fyne.NewSize(w, o.Size().Height))
			h = max(h, o.MinSize().Height)
		}
		for i, o := range row {
			place(o, float32(i)*(w+pad), y, w, h)
		}
		y += h + pad
	}
}

// MinSize is one column's width and the rows' heights as last laid out.
func (l *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := l.cell
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	n := max(1, min(l.last, len(objs)))
	pad := theme.Padding()
	h := float32(0)
	for start := 0; start < len(objs); start += n {
		rh := float32(0)
		for _, o := range objs[start:min(start+n, len(objs))] {
			rh = max(rh, o.MinSize().Height)
		}
		h += rh + pad
	}
	return fyne.NewSize(w, max(h-pad, 0))
}

// flow lays objects out at their minimum size, left to right, and starts
// a new line when the width runs out; a line is as tall as its tallest.
type flow struct {
	// width is the width of the last layout, which MinSize measures with.
	width float32
}

// lines splits the objects into the lines they take at width.
func (l *flow) lines(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	var out [][]fyne.CanvasObject
	x, pad := float32(0), theme.Padding()
	for _, o := range objs {
		w := o.MinSize().Width
		if len(out) == 0 || (x > 0 && x+w > width) {
			out, x = append(out, nil), 0
		}
		out[len(out)-1] = append(out[len(out)-1], o)
		x += w + pad
	}
	return out
}

func lineHeight(line []fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range line {
		h = max(h, o.MinSize().Height)
	}
	return h
}

// Layout places the lines from the top.
func (l *flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pad, y := theme.Padding(), float32(0)
	for _, ln := range l.lines(objs, size.Width) {
		h, x := lineHeight(ln), float32(0)
		for _, o := range ln {
			w := o.MinSize().Width
			place(o, x, y, w, h)
			x += w + pad
		}
		y += h + pad
	}
}

// MinSize is the widest object, and the lines' heights as last laid out.
func (l *flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	h := float32(0)
	for _, ln := range l.lines(objs, max(l.width, w)) {
		h += lineHeight(ln) + theme.Padding()
	}
	return fyne.NewSize(w, max(h-theme.Padding(), 0))
}

// atLeast gives one object at least a width, so a select shows its longest
// choice and a date entry its whole date.
type atLeast struct{ width float32 }

// Layout gives the object all the room.
func (l atLeast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		place(o, 0, 0, size.Width, size.Height)
	}
}

// MinSize is the object's, at least width wide.
func (l atLeast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// widthOf is the width of the widest text in the theme's text size, with
// room for an icon and the padding of an entry or select around it.
func widthOf(texts ...string) float32 {
	w := float32(0)
	for _, t := range texts {
		w = max(w, fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 4*theme.InnerPadding()
}

// wrapped is a label that wraps at word boundaries.
func wrapped(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// muted is a wrapped label in the caption size, for leads and legends; it
// keeps the foreground colour, which reads in the dark theme.
func muted(text string) *widget.Label {
	l := wrapped(text, fyne.TextStyle{})
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// heading is a section's heading.
func heading(text string) *widget.Label {
	l := wrapped(text, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// subheading is the bold name over a chart.
func subheading(text string) *widget.Label {
	return wrapped(text, fyne.TextStyle{Bold: true})
}
