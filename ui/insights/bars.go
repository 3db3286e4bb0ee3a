package insights

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// bar is one horizontal bar of a ranked list: as long as its share of the
// whole, in the accent colour, with its number right after it.
type bar struct {
	widget.BaseWidget
	// share is the bar's length as a part of the whole, 0–1.
	share float64
	// text is the number the bar carries, e.g. "12 (34 %)".
	text string
}

// newBar returns a bar of share (0–1) that carries text.
func newBar(share float64, text string) *bar {
	b := &bar{share: min(max(share, 0), 1), text: text}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *bar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b, rect: newBox(), label: newText(b.text, false)}
	r.rect.CornerRadius = 2
	r.Refresh()
	return r
}

type barRenderer struct {
	b     *bar
	rect  *canvas.Rectangle
	label *canvas.Text
	pad   float32
}

func (r *barRenderer) Destroy() {}

func (r *barRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.rect, r.label} }

// MinSize fits the number and a short bar beside it.
func (r *barRenderer) MinSize() fyne.Size {
	t := textSize(r.label)
	return fyne.NewSize(t.Width+r.label.TextSize*3, t.Height+r.pad)
}

// Layout gives the bar the room the number leaves, in proportion to its share.
func (r *barRenderer) Layout(size fyne.Size) {
	t := textSize(r.label)
	room := max(size.Width-t.Width-r.pad*2, 0)
	w := room * float32(r.b.share)
	if r.b.share > 0 {
		w = max(w, 2)
	}
	h := max(t.Height*0.8, 4)
	r.rect.Hidden = w == 0
	place(r.rect, 0, (size.Height-h)/2, w, h)
	placeText(r.label, w+r.pad, size.Height/2)
}

// Refresh takes the data and the theme's colours anew.
func (r *barRenderer) Refresh() {
	p := paletteOf(r.b)
	r.pad = p.pad
	r.label.Text = r.b.text
	paint(r.label, p.fg, p.text)
	fill(r.rect, p.accent, p.outline)
	r.Layout(r.b.Size())
}

// rankItem is one line of a ranked list: a name and its bar.
type rankItem struct {
	name  string
	share float64
	text  string
}

// rankList lays the items out as wrapped names beside their bars.
func rankList(items []rankItem) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(items))
	for _, it := range items {
		objs = append(objs, wrapped(it.name, fyne.TextStyle{}), newBar(it.share, it.text))
	}
	return container.New(&pairLayout{nameShare: 0.45}, objs...)
}
