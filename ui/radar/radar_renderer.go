package radar

import (
	"image/color"
	"math"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

const (
	minWidth, minHeight      = 320, 280
	labelWrap, labelMaxLines = 18, 3
	// dashesPerRadius counts dash periods per chart radius. Tying dashes to the
	// radius rather than to pixels keeps the object count fixed on resize, so
	// Layout only moves objects and never creates them.
	dashesPerRadius = 7
	dashFill        = 0.6 // share of each dash period that is drawn
	fillAlpha       = 0x40
	swatchWidth     = 22
)

// line is a line whose ends a, b are in chart units (centre 0, outer
// ring 1), so Layout can place it for any size.
type line struct {
	l    *canvas.Line
	a, b fyne.Position
}

type dot struct {
	c  *canvas.Circle
	at fyne.Position // chart units
	r  float32       // radius in pixels
}

type tick struct {
	t  *canvas.Text
	at fyne.Position // chart units
}

type label struct {
	lines []*canvas.Text
	dir   fyne.Position
	size  fyne.Size // of the whole wrapped block
}

type fill struct {
	p   *canvas.ArbitraryPolygon
	pts []fyne.Position // chart units
}

type legendMark struct {
	l      *canvas.Line
	x0, x1 float32 // pixels from the item's left edge
}

type legendItem struct {
	box   *canvas.Rectangle // the current series: a filled swatch
	marks []legendMark      // the outlines: a solid or dashed stroke
	text  *canvas.Text
}

// renderer draws a Radar. Refresh rebuilds every object from the data
// and theme; Layout only places them, so resizing is cheap.
type renderer struct {
	radar      *Radar
	objects    []fyne.CanvasObject
	fills      []fill
	lines      []line
	dots       []dot
	ticks      []tick
	labels     []label
	legend     []legendItem
	series     [][]*canvas.Line   // per series index, so tests can count segments
	seriesDots [][]*canvas.Circle // per series index
	centre     fyne.Position
	radius     float32
}

type palette struct {
	fg, grid, axis, tick, accent, fill, previous color.Color
}

func (r *renderer) palette() palette {
	fg := theme.ColorForWidget(theme.ColorNameForeground, r.radar)
	accent := r.radar.accent
	if accent == nil {
		accent = theme.ColorForWidget(theme.ColorNamePrimary, r.radar)
	}
	// Grid colours derive from the foreground so they read in light and dark themes.
	return palette{
		fg: fg, grid: withAlpha(fg, 0x38), axis: withAlpha(fg, 0x60),
		tick:   theme.ColorForWidget(theme.ColorNamePlaceHolder, r.radar),
		accent: accent, fill: withAlpha(accent, fillAlpha),
		previous: theme.ColorForWidget(theme.ColorNamePlaceHolder, r.radar),
	}
}

// style returns stroke colour, stroke width, dot radius and whether dashed.
func (p palette) style(s Style) (color.Color, float32, float32, bool) {
	switch s {
	case Current:
		return p.accent, 2.5, 4, false
	case Target:
		return p.fg, 1.5, 2.5, true
	default:
		return p.previous, 1.5, 2.5, false
	}
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 0xff)
	return n
}

// MinSize is the smallest size at which four wrapped labels still leave a readable chart.
func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(minWidth, minHeight) }

// Objects returns the objects in paint order: fill, grid, series, labels, legend.
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *renderer) Destroy() {}

// Refresh re-reads data and theme, rebuilds the objects and places them.
func (r *renderer) Refresh() {
	r.build()
	r.Layout(r.radar.Size())
}

func (r *renderer) build() {
	*r = renderer{radar: r.radar}
	p := r.palette()
	if n := len(r.radar.Axes); n >= 3 {
		r.buildFill(p, n)
		r.buildGrid(p, n)
		r.buildSeries(p, n)
		r.buildLabels(p)
	}
	r.buildLegend(p)
}

func (r *renderer) addLine(c color.Color, w float32, a, b fyne.Position) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = w
	r.lines = append(r.lines, line{l: l, a: a, b: b})
	r.objects = append(r.objects, l)
	return l
}

func (r *renderer) unitPoint(vals []*float64, i, n int) fyne.Position {
	v, _ := valueAt(vals, i, r.radar.max)
	return point(fyne.Position{}, 1, i, n, v, r.radar.max)
}

// buildFill uses canvas.ArbitraryPolygon (Fyne 2.8), which both the GL and
// the software painter fill with anti-aliased edges, concave shapes included.
func (r *renderer) buildFill(p palette, n int) {
	for _, s := range r.radar.Series {
		if s.Style != Current {
			continue
		}
		runs, closed := fillRuns(s.Values, n)
		for _, run := range runs {
			var pts []fyne.Position
			if !closed {
				pts = append(pts, fyne.Position{})
			}
			for _, i := range run {
				pts = append(pts, r.unitPoint(s.Values, i, n))
			}
			r.addFill(p.fill, fillPolygon(pts))
		}
	}
}

func (r *renderer) addFill(c color.Color, pts []fyne.Position) {
	if pts == nil {
		return
	}
	poly := canvas.NewArbitraryPolygon(make([]fyne.Position, len(pts)), c)
	r.fills = append(r.fills, fill{p: poly, pts: pts})
	r.objects = append(r.objects, poly)
}

// fillPolygon drops repeated vertices (a 0 value coincides with the centre;
// the GL shader cannot take zero-length edges) and shapes too thin to see.
func fillPolygon(pts []fyne.Position) []fyne.Position {
	var out []fyne.Position
	for i, q := range pts {
		prev := pts[(i+len(pts)-1)%len(pts)]
		if math.Hypot(float64(q.X-prev.X), float64(q.Y-prev.Y)) > 1e-3 {
			out = append(out, q)
		}
	}
	var area float64
	for i, q := range out {
		nx := out[(i+1)%len(out)]
		area += float64(q.X*nx.Y - nx.X*q.Y)
	}
	if len(out) < 3 || len(out) > 16 || math.Abs(area) < 1e-3 {
		return nil
	}
	return out
}

func (r *renderer) buildGrid(p palette, n int) {
	for k := 1; k <= 4; k++ {
		f := float32(k) / 4
		for i := range n {
			a, b := axisDir(i, n), axisDir((i+1)%n, n)
			r.addLine(p.grid, 1, fyne.NewPos(a.X*f, a.Y*f), fyne.NewPos(b.X*f, b.Y*f))
		}
	}
	for i := range n {
		r.addLine(p.axis, 1, fyne.Position{}, axisDir(i, n))
	}
	// Ring values are secondary: keep them below the axis labels' smallest size.
	size := theme.SizeForWidget(theme.SizeNameCaptionText, r.radar) * 0.9
	for k := 1; k <= 4; k++ {
		v := r.radar.max * float64(k) / 4
		t := canvas.NewText(strconv.FormatFloat(v, 'f', -1, 64), p.tick)
		t.TextSize = size
		r.ticks = append(r.ticks, tick{t: t, at: fyne.NewPos(0, -float32(k)/4)})
		r.objects = append(r.objects, t)
	}
}

// buildSeries draws previous first and current last, so the company's own
// profile is never hidden under the comparison lines.
func (r *renderer) buildSeries(p palette, n int) {
	r.series = make([][]*canvas.Line, len(r.radar.Series))
	r.seriesDots = make([][]*canvas.Circle, len(r.radar.Series))
	order := make([]int, len(r.radar.Series))
	for i := range order {
		order[i] = i
	}
	rank := map[Style]int{Previous: 0, Target: 1, Current: 2}
	slices.SortStableFunc(order, func(a, b int) int {
		return rank[r.radar.Series[a].Style] - rank[r.radar.Series[b].Style]
	})
	for _, i := range order {
		r.addSeries(p, i, n)
	}
}

func (r *renderer) addSeries(p palette, si, n int) {
	s := r.radar.Series[si]
	col, width, dotR, dashed := p.style(s.Style)
	for _, sg := range segments(s.Values, n) {
		a, b := r.unitPoint(s.Values, sg[0], n), r.unitPoint(s.Values, sg[1], n)
		for _, d := range dashes(a, b, dashed) {
			r.series[si] = append(r.series[si], r.addLine(col, width, d[0], d[1]))
		}
	}
	for i := range n {
		if _, ok := valueAt(s.Values, i, r.radar.max); !ok {
			continue
		}
		c := canvas.NewCircle(col)
		r.dots = append(r.dots, dot{c: c, at: r.unitPoint(s.Values, i, n), r: dotR})
		r.seriesDots[si] = append(r.seriesDots[si], c)
		r.objects = append(r.objects, c)
	}
}

// dashes splits a–b into short strokes when dashed (Fyne lines have no dash
// pattern); the first stroke starts at a and the last ends at b.
func dashes(a, b fyne.Position, dashed bool) [][2]fyne.Position {
	if !dashed {
		return [][2]fyne.Position{{a, b}}
	}
	l := math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))
	k := max(1, int(math.Round(l*dashesPerRadius)))
	period := 1 / (float64(k) - (1 - dashFill))
	at := func(t float64) fyne.Position {
		return fyne.NewPos(a.X+float32(t)*(b.X-a.X), a.Y+float32(t)*(b.Y-a.Y))
	}
	out := make([][2]fyne.Position, k)
	for j := range k {
		t0 := float64(j) * period
		out[j] = [2]fyne.Position{at(t0), at(math.Min(1, t0+dashFill*period))}
	}
	return out
}
