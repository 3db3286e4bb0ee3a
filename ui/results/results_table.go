package results

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// GridLayout lays cells out row by row in columns that share the
// width by weight; each row is as tall as its tallest cell. Unlike
// widget.Table it is not virtual and does not scroll, so a few small tables
// can sit in one scrolling page and wrap their text.
type GridLayout struct {
	Weights []float32
}

// widths shares total by weight, then raises any column below its widest
// cell's minimum (a swatch of unwrappable text) at the others' expense.
func (l *GridLayout) widths(total float32, mins []float32) []float32 {
	n := len(l.Weights)
	free := total - theme.Padding()*float32(n-1)
	sum := float32(0)
	for _, w := range l.Weights {
		sum += w
	}
	out := make([]float32, n)
	for i, w := range l.Weights {
		out[i] = free * w / sum
	}
	fixed := make([]bool, n)
	for range n {
		deficit, flexible := float32(0), float32(0)
		for i := range out {
			if !fixed[i] && out[i] < mins[i] {
				deficit += mins[i] - out[i]
				out[i], fixed[i] = mins[i], true
			}
		}
		for i, w := range l.Weights {
			if !fixed[i] {
				flexible += w
			}
		}
		if deficit == 0 || flexible == 0 {
			break
		}
		for i, w := range l.Weights {
			if !fixed[i] {
				out[i] -= deficit * w / flexible
			}
		}
	}
	return out
}

// colMins is the widest cell minimum of each column.
func (l *GridLayout) colMins(objs []fyne.CanvasObject) []float32 {
	mins := make([]float32, len(l.Weights))
	for _, row := range l.rows(objs) {
		for i, o := range row {
			mins[i] = max(mins[i], o.MinSize().Width)
		}
	}
	return mins
}

func (l *GridLayout) rows(objs []fyne.CanvasObject) [][]fyne.CanvasObject {
	n := len(l.Weights)
	var out [][]fyne.CanvasObject
	for i := 0; i < len(objs); i += n {
		out = append(out, objs[i:min(len(objs), i+n)])
	}
	return out
}

// Layout gives every cell its column's width first, so that a wrapping
// label measures its height at that width, then sizes the row.
func (l *GridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths := l.widths(size.Width, l.colMins(objs))
	pad := theme.Padding()
	y := float32(0)
	for _, row := range l.rows(objs) {
		h := float32(0)
		for i, o := range row {
			o.Resize(fyne.NewSize(widths[i], o.Size().Height))
			h = max(h, o.MinSize().Height)
		}
		x := float32(0)
		for i, o := range row {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(widths[i], h))
			x += widths[i] + pad
		}
		y += h + pad
	}
}

// MinSize is the widest cell of each column side by side, and the rows'
// heights at the widths they had when last laid out.
func (l *GridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	colW := l.colMins(objs)
	h := float32(0)
	rows := l.rows(objs)
	for _, row := range rows {
		rh := float32(0)
		for _, o := range row {
			rh = max(rh, o.MinSize().Height)
		}
		h += rh
	}
	w := float32(0)
	for _, cw := range colW {
		w += cw
	}
	if len(rows) > 1 {
		h += pad * float32(len(rows)-1)
	}
	return fyne.NewSize(w+pad*float32(len(colW)-1), h)
}

// Table builds a table: a bold header row over a light rule, then the
// rows, each a slice of cells as wide as weights.
func Table(weights []float32, header []string, rows [][]fyne.CanvasObject) *fyne.Container {
	var cells []fyne.CanvasObject
	for _, h := range header {
		cells = append(cells, Wrapped(h, fyne.TextStyle{Bold: true}))
	}
	head := container.New(&GridLayout{Weights: weights}, cells...)
	var body []fyne.CanvasObject
	for _, r := range rows {
		body = append(body, r...)
	}
	return container.NewVBox(head, widget.NewSeparator(), container.New(&GridLayout{Weights: weights}, body...))
}

// Wrapped is a label that wraps at word boundaries.
func Wrapped(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// muted is a wrapped label in the caption size, for legends, sources
// and the small line under a name. It keeps the foreground colour: the
// theme's low-importance grey is too faint to read on the dark theme.
func muted(text string) *widget.Label {
	l := Wrapped(text, fyne.TextStyle{})
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// Heading is a section heading.
func Heading(text string) *widget.Label {
	l := Wrapped(text, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// The gap scale runs from blue (at the level) to orange (far below), after
// Paul Tol's colour-blind-safe "sunset" scheme; text on it is always dark,
// so it reads in the light and the dark theme, and always carries a number
// or a word as well.
var (
	scale = []color.NRGBA{
		{0x98, 0xCA, 0xE1, 0xFF}, // no gap
		{0xEA, 0xEC, 0xCC, 0xFF}, // small
		{0xFD, 0xB3, 0x66, 0xFF}, // medium
		{0xF6, 0x7E, 0x4B, 0xFF}, // large
	}
	unknownFill = color.NRGBA{0xD9, 0xD9, 0xD9, 0xFF}
	ink         = color.NRGBA{0x1B, 0x1B, 0x1B, 0xFF}
)

// swatch is a cell with a coloured background and dark text lines,
// the first one bold.
func swatch(fill color.Color, lines ...string) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = theme.InputRadiusSize()
	box := container.NewVBox()
	for i, line := range lines {
		t := canvas.NewText(line, ink)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle.Bold = i == 0
		if i > 0 {
			t.TextSize = theme.CaptionTextSize()
		}
		box.Add(t)
	}
	return container.NewStack(bg, container.NewPadded(container.NewCenter(box)))
}

// named is a bold name with a small line under it, kept close together.
func named(name, sub string) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()),
		Wrapped(name, fyne.TextStyle{Bold: true}), muted(sub))
}

// lead is a section's introduction, in italics to set it apart from
// the findings.
func lead(text string) *widget.Label {
	return Wrapped(text, fyne.TextStyle{Italic: true})
}
