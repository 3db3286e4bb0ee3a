package insights

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// figure is a key figure: a large number over what it counts, on a card.
type figure struct {
	widget.BaseWidget
	value, caption string
}

func newFigure(value, caption string) *figure {
	f := &figure{value: value, caption: caption}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer is part of fyne.Widget.
func (f *figure) CreateRenderer() fyne.WidgetRenderer {
	r := &figureRenderer{f: f, card: newBox(), value: newText(f.value, true), caption: newText(f.caption, false)}
	r.card.StrokeWidth = 0
	r.Refresh()
	return r
}

type figureRenderer struct {
	f              *figure
	card           *canvas.Rectangle
	value, caption *canvas.Text
	inner          float32
}

func (r *figureRenderer) Destroy() {}

func (r *figureRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.card, r.value, r.caption}
}

// MinSize fits the number over its caption, with the card's padding.
func (r *figureRenderer) MinSize() fyne.Size {
	v, c := textSize(r.value), textSize(r.caption)
	return fyne.NewSize(max(v.Width, c.Width)+2*r.inner, v.Height+c.Height+2*r.inner)
}

// Layout puts the number at the top left and the caption under it.
func (r *figureRenderer) Layout(size fyne.Size) {
	place(r.card, 0, 0, size.Width, size.Height)
	v := textSize(r.value)
	placeText(r.value, r.inner, r.inner+v.Height/2)
	placeText(r.caption, r.inner, r.inner+v.Height+textSize(r.caption).Height/2)
}

// Refresh takes the theme's colours and sizes anew.
func (r *figureRenderer) Refresh() {
	p := paletteOf(r.f)
	r.inner = p.inner
	r.value.Text, r.caption.Text = r.f.value, r.f.caption
	paint(r.value, p.fg, p.heading*1.25)
	paint(r.caption, p.fg, p.text)
	r.card.CornerRadius = p.pad
	fill(r.card, p.card, p.card)
	r.Layout(r.f.Size())
}

// changeBar is a movement's stacked bar: the companies whose gap got
// smaller, stayed the same and got larger, side by side, each part with its
// number when it fits (the line under the bar always has them).
type changeBar struct {
	widget.BaseWidget
	counts []int
	texts  []string
	fills  []color.NRGBA
	// swatch makes it a legend's swatch: as narrow as its text allows.
	swatch bool
}

// newChangeBar returns a bar of parts as long as counts, drawn in fills
// and carrying texts; one part alone is a legend's swatch.
func newChangeBar(counts []int, texts []string, fills []color.NRGBA) *changeBar {
	b := &changeBar{counts: counts, texts: texts, fills: fills}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *changeBar) CreateRenderer() fyne.WidgetRenderer {
	r := &changeRenderer{b: b}
	for i := range b.counts {
		r.parts = append(r.parts, newBox())
		r.labels = append(r.labels, newText(b.texts[i], true))
		r.objs = append(r.objs, r.parts[i], r.labels[i])
	}
	r.Refresh()
	return r
}

type changeRenderer struct {
	b      *changeBar
	parts  []*canvas.Rectangle
	labels []*canvas.Text
	objs   []fyne.CanvasObject
	p      palette
}

func (r *changeRenderer) Destroy() {}

func (r *changeRenderer) Objects() []fyne.CanvasObject { return r.objs }

// MinSize is a bar a little taller than its numbers.
func (r *changeRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("0", r.p.text, fyne.TextStyle{Bold: true}).Height
	if r.b.swatch {
		w := float32(0)
		for _, l := range r.labels {
			w += textSize(l).Width + 2*r.p.inner
		}
		return fyne.NewSize(w, h+2*r.p.pad)
	}
	return fyne.NewSize(10*r.p.text, h+2*r.p.pad)
}

// Layout shares the width among the parts by their counts.
func (r *changeRenderer) Layout(size fyne.Size) {
	total := 0
	for _, n := range r.b.counts {
		total += n
	}
	x := float32(0)
	for i, n := range r.b.counts {
		w := float32(0)
		if total > 0 {
			w = size.Width * float32(n) / float32(total)
		}
		r.parts[i].Hidden = n == 0
		place(r.parts[i], x, 0, w, size.Height)
		r.labels[i].Hidden = n == 0 || textSize(r.labels[i]).Width+2*r.p.pad > w+0.5
		centreText(r.labels[i], x+w/2, size.Height/2, size.Width)
		x += w
	}
}

// Refresh takes the theme's colours and sizes anew.
func (r *changeRenderer) Refresh() {
	r.p = paletteOf(r.b)
	for i := range r.parts {
		fill(r.parts[i], r.b.fills[min(i, len(r.b.fills)-1)], r.p.outline)
		paint(r.labels[i], ink, r.p.text)
	}
	r.Layout(r.b.Size())
}
