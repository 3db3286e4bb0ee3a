package radar

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// An axis is "vertical" (label centred above or below) when its direction is
// nearly up or down, and "horizontal" (label centred beside it) when nearly
// sideways; otherwise its label hangs off the axis' end diagonally.
const (
	verticalAxis   = 0.2
	horizontalAxis = 0.6
)

func (r *renderer) buildLabels(p palette) {
	n := len(r.radar.Axes)
	for i, s := range r.radar.Axes {
		lbl := label{dir: axisDir(i, n)}
		align := fyne.TextAlignCenter
		switch {
		case math.Abs(float64(lbl.dir.X)) < verticalAxis:
		case lbl.dir.X > 0:
			align = fyne.TextAlignLeading
		default:
			align = fyne.TextAlignTrailing
		}
		for _, line := range wrapLabel(s, labelWrap, labelMaxLines) {
			t := canvas.NewText(line, p.fg)
			t.Alignment = align
			lbl.lines = append(lbl.lines, t)
			r.objects = append(r.objects, t)
		}
		r.labels = append(r.labels, lbl)
	}
}

func (r *renderer) buildLegend(p palette) {
	for _, s := range r.radar.Series {
		col, width, _, dashed := p.style(s.Style)
		it := legendItem{text: canvas.NewText(s.Label, p.fg)}
		switch {
		case s.Style == Current:
			it.box = canvas.NewRectangle(p.fill)
			it.box.StrokeColor, it.box.StrokeWidth = col, width
			r.objects = append(r.objects, it.box)
		case dashed:
			it.marks = legendMarks(col, width, [][2]float32{{0, 6}, {8, 14}, {16, 22}})
		default:
			it.marks = legendMarks(col, width, [][2]float32{{0, swatchWidth}})
		}
		for _, m := range it.marks {
			r.objects = append(r.objects, m.l)
		}
		r.objects = append(r.objects, it.text)
		r.legend = append(r.legend, it)
	}
}

func legendMarks(c color.Color, w float32, spans [][2]float32) []legendMark {
	marks := make([]legendMark, len(spans))
	for i, s := range spans {
		l := canvas.NewLine(c)
		l.StrokeWidth = w
		marks[i] = legendMark{l: l, x0: s[0], x1: s[1]}
	}
	return marks
}

// layoutLegend flows the legend items into centred rows along the bottom
// and returns the y where the legend begins.
func (r *renderer) layoutLegend(size fyne.Size) float32 {
	pad := theme.SizeForWidget(theme.SizeNamePadding, r.radar)
	spacing := 4 * pad
	var rows [][]int
	var widths []float32
	for i, it := range r.legend {
		w := swatchWidth + pad + it.text.MinSize().Width
		k := len(rows) - 1
		if k < 0 || widths[k]+spacing+w > size.Width-2*pad {
			rows, widths = append(rows, nil), append(widths, -spacing)
			k++
		}
		rows[k], widths[k] = append(rows[k], i), widths[k]+spacing+w
	}
	rowH := canvas.NewText("Ag", nil).MinSize().Height
	top := size.Height - float32(len(rows))*rowH
	for k, row := range rows {
		x := (size.Width - widths[k]) / 2
		for _, i := range row {
			x = r.placeLegendItem(r.legend[i], fyne.NewPos(x, top+float32(k)*rowH), rowH) + spacing
		}
	}
	return top
}

// placeLegendItem puts the swatch and label at p and returns their right edge.
func (r *renderer) placeLegendItem(it legendItem, p fyne.Position, h float32) float32 {
	mid := p.Y + h/2
	if it.box != nil {
		it.box.Move(fyne.NewPos(p.X, mid-6))
		it.box.Resize(fyne.NewSize(swatchWidth, 12))
	}
	for _, m := range it.marks {
		m.l.Position1, m.l.Position2 = fyne.NewPos(p.X+m.x0, mid), fyne.NewPos(p.X+m.x1, mid)
	}
	pad := theme.SizeForWidget(theme.SizeNamePadding, r.radar)
	it.text.Move(fyne.NewPos(p.X+swatchWidth+pad, p.Y))
	it.text.Resize(it.text.MinSize())
	return p.X + swatchWidth + pad + it.text.MinSize().Width
}

// Layout places every object from the widget's size: the legend along the
// bottom, the chart as large as the labels around it allow, centred above.
func (r *renderer) Layout(size fyne.Size) {
	top := r.layoutLegend(size) - theme.SizeForWidget(theme.SizeNamePadding, r.radar)
	r.fitLabels(fyne.NewSize(size.Width, top))
	for _, l := range r.lines {
		l.l.Position1, l.l.Position2 = r.at(l.a), r.at(l.b)
	}
	for _, d := range r.dots {
		d.c.Move(r.at(d.at).SubtractXY(d.r, d.r))
		d.c.Resize(fyne.NewSquareSize(2 * d.r))
	}
	for _, f := range r.fills {
		r.placeFill(f)
	}
	r.placeTicks()
	for _, l := range r.labels {
		r.placeLabel(l)
	}
	// Lines were moved by setting their points, which does not repaint.
	canvas.Refresh(r.radar)
}

// placeTicks labels the rings beside the top axis, thinning them out when
// the rings are closer together than the labels are tall.
func (r *renderer) placeTicks() {
	step := 1
	for step < len(r.ticks) && len(r.ticks) > 0 &&
		r.radius*float32(step)/float32(len(r.ticks)) < 1.3*r.ticks[0].t.MinSize().Height {
		step *= 2
	}
	for k, t := range r.ticks {
		t.t.Hidden = (k+1)%step != 0
		t.t.Move(r.at(t.at).AddXY(5, 0))
		t.t.Resize(t.t.MinSize())
	}
}

// at converts chart units to pixels in the widget.
func (r *renderer) at(u fyne.Position) fyne.Position {
	return r.centre.AddXY(u.X*r.radius, u.Y*r.radius)
}

// placeFill gives the polygon the chart's bounding square; its points are
// relative to that square.
func (r *renderer) placeFill(f fill) {
	f.p.Move(r.centre.SubtractXY(r.radius, r.radius))
	f.p.Resize(fyne.NewSquareSize(2 * r.radius))
	for i, u := range f.pts {
		f.p.Points[i] = fyne.NewPos((u.X+1)*r.radius, (u.Y+1)*r.radius)
	}
	f.p.Refresh()
}

func (r *renderer) labelGap() float32 {
	return theme.SizeForWidget(theme.SizeNamePadding, r.radar) * 1.5
}

// labelBox is the top-left corner of an axis label relative to the centre,
// for a chart of the given radius: beyond the axis end, on the side facing away.
func (r *renderer) labelBox(l label, radius float32) fyne.Position {
	d, s := l.dir, l.size
	anchor := fyne.NewPos(d.X*(radius+r.labelGap()), d.Y*(radius+r.labelGap()))
	x, y := anchor.X, anchor.Y
	switch {
	case math.Abs(float64(d.X)) < verticalAxis:
		x -= s.Width / 2
	case d.X < 0:
		x -= s.Width
	}
	switch {
	case math.Abs(float64(d.Y)) < horizontalAxis:
		y -= s.Height / 2
	case d.Y < 0:
		y -= s.Height
	}
	return fyne.NewPos(x, y)
}

// extents measures how far chart and labels reach left, right, up and down
// from the centre for a given radius.
func (r *renderer) extents(radius float32) (left, right, up, down float32) {
	left, right, up, down = radius, radius, radius, radius
	for _, l := range r.labels {
		p := r.labelBox(l, radius)
		left, right = max(left, -p.X), max(right, p.X+l.size.Width)
		up, down = max(up, -p.Y), max(down, p.Y+l.size.Height)
	}
	return left, right, up, down
}

// fit finds the largest radius whose chart and labels fit in area and
// centres the whole drawing there. Extents grow with the radius, so a
// bisection converges.
func (r *renderer) fit(area fyne.Size) (fyne.Position, float32) {
	pad := theme.SizeForWidget(theme.SizeNamePadding, r.radar)
	w, h := area.Width-2*pad, area.Height-2*pad
	lo, hi := float32(0), max(0, min(w, h)/2)
	for range 24 {
		mid := (lo + hi) / 2
		l, rt, u, d := r.extents(mid)
		if l+rt <= w && u+d <= h {
			lo = mid
		} else {
			hi = mid
		}
	}
	l, rt, u, d := r.extents(lo)
	return fyne.NewPos(pad+(w-l-rt)/2+l, pad+(h-u-d)/2+u), lo
}

// fitLabels shrinks the axis labels, down to caption size, while they would
// squeeze the chart below a third of the space: long POMI labels beside a
// narrow chart otherwise leave a radar too small to read.
func (r *renderer) fitLabels(area fyne.Size) {
	full := theme.SizeForWidget(theme.SizeNameText, r.radar)
	small := theme.SizeForWidget(theme.SizeNameCaptionText, r.radar)
	for _, s := range []float32{full, (full + small) / 2, small} {
		r.setLabelSize(s)
		r.centre, r.radius = r.fit(area)
		if r.radius >= min(area.Width, area.Height)/3 {
			return
		}
	}
}

func (r *renderer) setLabelSize(s float32) {
	for i, l := range r.labels {
		r.labels[i].size = fyne.Size{}
		for _, t := range l.lines {
			t.TextSize = s
			m := t.MinSize()
			r.labels[i].size = fyne.NewSize(max(r.labels[i].size.Width, m.Width), r.labels[i].size.Height+m.Height)
		}
	}
}

func (r *renderer) placeLabel(l label) {
	p := r.centre.Add(r.labelBox(l, r.radius))
	for _, t := range l.lines {
		h := t.MinSize().Height
		t.Move(p)
		t.Resize(fyne.NewSize(l.size.Width, h))
		p.Y += h
	}
}
