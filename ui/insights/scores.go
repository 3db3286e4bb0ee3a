package insights

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/portfolio"
)

// dashes is how many dashes the target line has, whatever its length, so
// that a new size only moves objects.
const dashes = 14

// scoreChart draws one POMI score over the companies on a 0–100 axis: a bar
// per score band with its count above it, under them a box plot (a line from
// the lowest to the highest score, a box from the lower to the upper
// quartile, a stroke at the median), and a dashed line at the target.
type scoreChart struct {
	widget.BaseWidget
	dist portfolio.Distribution
	// counts are the bands' counts as shown, ticks the axis' numbers.
	counts, ticks []string
	target        float64
	targetText    string
}

// newScoreChart returns the chart of d; counts are its bands' counts and
// ticks the numbers 0, 20 … 100, both as the language writes them.
func newScoreChart(d portfolio.Distribution, counts, ticks []string, target float64, targetText string) *scoreChart {
	c := &scoreChart{dist: d, counts: counts, ticks: ticks, target: target, targetText: targetText}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is part of fyne.Widget.
func (c *scoreChart) CreateRenderer() fyne.WidgetRenderer {
	r := &scoreRenderer{c: c, box: newBox(), target: newText(c.targetText, false),
		whisker: &canvas.Line{}, lowCap: &canvas.Line{}, highCap: &canvas.Line{}, median: &canvas.Line{},
		base: &canvas.Line{}, axis: &canvas.Line{}}
	for range dashes {
		r.dashes = append(r.dashes, &canvas.Line{})
		r.objs = append(r.objs, r.dashes[len(r.dashes)-1])
	}
	for i := range c.dist.Bands {
		r.bands = append(r.bands, newBox())
		r.counts = append(r.counts, newText(c.counts[i], false))
		r.objs = append(r.objs, r.bands[i], r.counts[i])
	}
	for _, t := range c.ticks {
		r.tickMarks = append(r.tickMarks, &canvas.Line{})
		r.ticks = append(r.ticks, newText(t, false))
		r.objs = append(r.objs, r.tickMarks[len(r.tickMarks)-1], r.ticks[len(r.ticks)-1])
	}
	r.objs = append(r.objs, r.base, r.axis, r.whisker, r.lowCap, r.highCap, r.box, r.median, r.target)
	r.Refresh()
	return r
}

type scoreRenderer struct {
	c                                      *scoreChart
	p                                      palette
	bands                                  []*canvas.Rectangle
	counts, ticks                          []*canvas.Text
	tickMarks, dashes                      []*canvas.Line
	whisker, lowCap, highCap, median, base *canvas.Line
	axis                                   *canvas.Line
	box                                    *canvas.Rectangle
	target                                 *canvas.Text
	objs                                   []fyne.CanvasObject
}

// geometry is where the chart's rows lie, from the top.
type geometry struct {
	margin, width, row      float32
	histTop, histH, boxTop  float32
	boxH, axisY, tick, full float32
}

func (r *scoreRenderer) geometry(width float32) geometry {
	p := r.p
	row := fyne.MeasureText("0", p.caption, fyne.TextStyle{}).Height
	g := geometry{row: row, width: width, histH: 3.5 * p.text, boxH: 1.4 * p.text, tick: 0.3 * p.text}
	g.margin = fyne.MeasureText("100", p.caption, fyne.TextStyle{}).Width/2 + p.pad
	g.histTop = 2 * row
	g.boxTop = g.histTop + g.histH + p.pad
	g.axisY = g.boxTop + g.boxH + p.pad
	g.full = g.axisY + g.tick + row
	return g
}

// x is where score v (0–100) lies.
func (g geometry) x(v float64) float32 {
	return g.margin + (g.width-2*g.margin)*float32(min(max(v, 0), 100)/100)
}

func (r *scoreRenderer) Destroy() {}

func (r *scoreRenderer) Objects() []fyne.CanvasObject { return r.objs }

// MinSize is narrow enough for a column of its own and as tall as its rows.
func (r *scoreRenderer) MinSize() fyne.Size {
	return fyne.NewSize(14*r.p.text, r.geometry(0).full)
}

// Layout places the bands, the box plot, the axis and the target.
func (r *scoreRenderer) Layout(size fyne.Size) {
	g := r.geometry(size.Width)
	r.layoutBands(g)
	r.layoutBox(g)
	for i, t := range r.ticks {
		x := g.x(float64(i * 100 / max(len(r.ticks)-1, 1)))
		line(r.tickMarks[i], x, g.axisY, x, g.axisY+g.tick)
		centreText(t, x, g.axisY+g.tick+g.row/2, g.width)
	}
	line(r.axis, g.x(0), g.axisY, g.x(100), g.axisY)
	line(r.base, g.x(0), g.histTop+g.histH, g.x(100), g.histTop+g.histH)
	tx := g.x(r.c.target)
	centreText(r.target, tx, g.row/2, g.width)
	top, bottom := g.row, g.boxTop+g.boxH
	step := (bottom - top) / dashes
	for i, d := range r.dashes {
		y := top + float32(i)*step
		line(d, tx, y, tx, y+step*0.6)
	}
}

// layoutBands draws each band as tall as its share of the largest.
func (r *scoreRenderer) layoutBands(g geometry) {
	most := 1
	for _, b := range r.c.dist.Bands {
		most = max(most, b.Companies)
	}
	gap := r.p.pad / 2
	bottom := g.histTop + g.histH
	for i, b := range r.c.dist.Bands {
		x1, x2 := g.x(float64(b.From))+gap/2, g.x(float64(min(b.To+1, 100)))-gap/2
		h := g.histH * float32(b.Companies) / float32(most)
		r.bands[i].Hidden = b.Companies == 0
		place(r.bands[i], x1, bottom-h, x2-x1, h)
		centreText(r.counts[i], (x1+x2)/2, bottom-h-g.row/2, g.width)
	}
}

// layoutBox draws the box plot: lowest to highest, quartiles, median.
func (r *scoreRenderer) layoutBox(g geometry) {
	d := &r.c.dist
	lo, hi := d.Q1, d.Q3
	if d.Min != nil {
		lo = *d.Min
	}
	if d.Max != nil {
		hi = *d.Max
	}
	cy := g.boxTop + g.boxH/2
	capH := g.boxH * 0.3
	line(r.whisker, g.x(lo), cy, g.x(hi), cy)
	line(r.lowCap, g.x(lo), cy-capH, g.x(lo), cy+capH)
	line(r.highCap, g.x(hi), cy-capH, g.x(hi), cy+capH)
	place(r.box, g.x(d.Q1), g.boxTop, max(g.x(d.Q3)-g.x(d.Q1), 1), g.boxH)
	line(r.median, g.x(d.Median), g.boxTop, g.x(d.Median), g.boxTop+g.boxH)
}

// Refresh takes the theme's colours and sizes anew.
func (r *scoreRenderer) Refresh() {
	p := paletteOf(r.c)
	r.p = p
	for i, b := range r.bands {
		fill(b, bandFills[min(i, len(bandFills)-1)], p.outline)
		paint(r.counts[i], p.fg, p.caption)
	}
	for i, t := range r.ticks {
		paint(t, p.fg, p.caption)
		stroke(r.tickMarks[i], p.outline, 1)
	}
	for _, d := range r.dashes {
		stroke(d, p.fg, 1.5)
	}
	paint(r.target, p.fg, p.caption)
	stroke(r.axis, p.outline, 1)
	stroke(r.base, p.faint, 1)
	for _, l := range []*canvas.Line{r.whisker, r.lowCap, r.highCap} {
		stroke(l, p.fg, 1.5)
	}
	fill(r.box, withAlpha(p.accent, 0x80), p.fg)
	stroke(r.median, p.fg, 3)
	r.Layout(r.c.Size())
}
