package render

import (
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Radar chart geometry in mm. The web of radius radarR plus labels on both
// sides stays inside the 170 mm text width of A4 and Letter.
const (
	radarR        = 36.0
	radarLabelGap = 3.5
	radarLabelW   = 36.0
	radarLegendH  = 5.5
	radarSwatchW  = 7.0
	radarFill     = 0.22 // opacity of the company area: grid and target show through
)

// radarPlot is a chart laid out: its labels, legend and height, and once
// placed, its centre.
type radarPlot struct {
	rd     *layout.Radar
	max    float64
	cx, cy float64
	labels [][]textLine // wrapped axis labels
	legend [][]legendItem
	room   float64 // space above and below the web for the labels
	height float64 // everything, legend included
}

// drawRadar draws the spider chart centred, with its legend below. Fewer than
// three axes make no web, so those values are shown as a table instead.
func (r *renderer) drawRadar(rd *layout.Radar) {
	if rd == nil || len(rd.Axes) == 0 {
		return
	}
	if len(rd.Axes) < 3 {
		r.drawRadarTable(rd)
		return
	}
	p := r.planRadar(rd)
	r.ensure(p.height)
	p.cx, p.cy = r.left+r.width/2, r.y+p.room+radarR
	r.drawWeb(p)
	r.drawAxisLabels(p)
	r.drawSeries(p)
	r.drawScale(p)
	r.drawRadarLegend(p.legend, p.cy+radarR+p.room)
	r.place(Placed{What: PlacedChart, Top: r.y, Bottom: r.y + p.height})
	r.y += p.height + r.gap(boxGap)
}

// planRadar wraps the labels and legend and measures the chart's height.
func (r *renderer) planRadar(rd *layout.Radar) *radarPlot {
	p := &radarPlot{rd: rd, max: radarMax(rd), room: radarLabelGap + 2}
	w := r.labelWidth(len(rd.Axes))
	for _, a := range rd.Axes {
		ls := r.capLines(r.lines(a, font{styleBold, sizeSmall + 0.5, palette.Text}, w, 1.2), 3, w)
		p.labels = append(p.labels, ls)
		p.room = max(p.room, radarLabelGap+totalHeight(ls)+2)
	}
	p.legend = r.legendRows(rd.Series)
	p.height = 2*p.room + 2*radarR + float64(len(p.legend))*radarLegendH
	return p
}

// labelWidth narrows axis labels when many axes crowd the web.
func (r *renderer) labelWidth(axes int) float64 {
	if axes > 8 {
		return radarLabelW * 0.7
	}
	return radarLabelW
}

// radarMax is the scale's top: Max when sensible, else the largest value.
func radarMax(rd *layout.Radar) float64 {
	if rd.Max > 0 && !math.IsInf(rd.Max, 0) {
		return rd.Max
	}
	top := 0.0
	for _, s := range rd.Series {
		for _, v := range s.Values {
			if v != nil && *v > top && !math.IsInf(*v, 0) {
				top = *v
			}
		}
	}
	if top == 0 {
		return 1
	}
	return top
}

// vertex is the point at fraction f of the radius on axis i.
func (p *radarPlot) vertex(i int, f float64) fpdf.PointType {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(p.rd.Axes))
	return fpdf.PointType{X: p.cx + radarR*f*math.Cos(a), Y: p.cy + radarR*f*math.Sin(a)}
}

// drawWeb draws the grid polygons at 25–100 % and the spokes.
func (r *renderer) drawWeb(p *radarPlot) {
	n := len(p.rd.Axes)
	r.pdf.SetDrawColor(palette.Grid.R, palette.Grid.G, palette.Grid.B)
	for level := 1; level <= 4; level++ {
		f := float64(level) / 4
		pts := make([]fpdf.PointType, n)
		for i := range pts {
			pts[i] = p.vertex(i, f)
		}
		lw := 0.2
		if level == 4 {
			lw = 0.35 // the outer ring frames the chart
		}
		r.pdf.SetLineWidth(lw)
		r.pdf.Polygon(pts, "D")
	}
	r.pdf.SetLineWidth(0.2)
	for i := range n {
		o := p.vertex(i, 1)
		r.pdf.Line(p.cx, p.cy, o.X, o.Y)
	}
}

// drawScale labels the rings beside the first spoke. It runs after the
// series, on a faint white backdrop, so lines crossing the spoke never hide
// the numbers.
func (r *renderer) drawScale(p *radarPlot) {
	r.setFont(font{styleRegular, sizeTiny, palette.Muted})
	for level := 1; level <= 4; level++ {
		f := float64(level) / 4
		label := formatNum(p.max * f)
		w := r.textWidth(label) + 0.8
		top := p.vertex(0, f)
		r.pdf.SetFillColor(palette.White.R, palette.White.G, palette.White.B)
		r.pdf.SetAlpha(0.8, "Normal")
		r.pdf.Rect(top.X+0.6, top.Y-2.7, w, 2.5, "F")
		r.pdf.SetAlpha(1, "Normal")
		r.cell(top.X+1, top.Y-2.7, w, 2.5, label, "LM")
	}
}

// formatNum prints a scale value without trailing zeros ("2", "2.5").
func formatNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// drawAxisLabels places each label outside its spoke's end, aligned away
// from the web and kept inside the margins.
func (r *renderer) drawAxisLabels(p *radarPlot) {
	w := r.labelWidth(len(p.rd.Axes))
	for i, lines := range p.labels {
		if len(lines) == 0 {
			continue
		}
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(p.rd.Axes))
		cos, sin := math.Cos(a), math.Sin(a)
		pt := p.vertex(i, (radarR+radarLabelGap)/radarR)
		h := totalHeight(lines)
		x, align := pt.X-w/2, layout.AlignCenter
		switch {
		case cos > 0.25:
			x, align = pt.X, layout.AlignLeft
		case cos < -0.25:
			x, align = pt.X-w, layout.AlignRight
		}
		y := pt.Y - h/2
		switch {
		case sin < -0.25:
			y = pt.Y - h
		case sin > 0.25:
			y = pt.Y
		}
		x = math.Max(r.left, math.Min(x, r.left+r.width-w))
		for _, l := range lines {
			l.align = align
			r.drawLine(l, x, y, w)
			y += l.h
		}
	}
}

// seriesLook is how a series is stroked.
type seriesLook struct {
	color palette.RGB
	width float64
	dash  []float64
	fill  bool
}

func (r *renderer) look(style string) seriesLook {
	switch style {
	case layout.SeriesCompany:
		return seriesLook{color: r.pal.Ink, width: 0.6, fill: true}
	case layout.SeriesTarget:
		return seriesLook{color: palette.Target, width: 0.45, dash: []float64{1.8, 1.2}}
	}
	return seriesLook{color: palette.Previous, width: 0.45}
}

// drawSeries draws each series: fills first so no fill hides a line.
func (r *renderer) drawSeries(p *radarPlot) {
	for _, s := range p.rd.Series {
		if pts, ok := r.seriesPoints(p, s); ok && r.look(s.Style).fill {
			b := r.pal.Brand
			r.pdf.SetFillColor(b.R, b.G, b.B)
			r.pdf.SetAlpha(radarFill, "Normal")
			r.pdf.Polygon(pts, "F")
			r.pdf.SetAlpha(1, "Normal")
		}
	}
	for _, s := range p.rd.Series {
		r.drawSeriesLine(p, s)
	}
}

// seriesPoints gives the series' vertices; ok is false unless every value is
// known, since a polygon through a guessed point would mislead.
func (r *renderer) seriesPoints(p *radarPlot, s layout.Series) ([]fpdf.PointType, bool) {
	pts := make([]fpdf.PointType, len(p.rd.Axes))
	ok := true
	for i := range pts {
		f, known := p.fraction(s, i)
		ok = ok && known
		pts[i] = p.vertex(i, f)
	}
	return pts, ok
}

// fraction is value i of s as a share of the scale, clamped to 0–1.
func (p *radarPlot) fraction(s layout.Series, i int) (float64, bool) {
	if i >= len(s.Values) || s.Values[i] == nil || math.IsNaN(*s.Values[i]) {
		return 0, false
	}
	return math.Max(0, math.Min(1, *s.Values[i]/p.max)), true
}

// drawSeriesLine joins consecutive known points and marks each with a dot;
// an unknown value breaks the line instead of pulling it to zero.
func (r *renderer) drawSeriesLine(p *radarPlot, s layout.Series) {
	lk := r.look(s.Style)
	r.strokeStyle(lk)
	n := len(p.rd.Axes)
	for i := range n {
		f1, ok1 := p.fraction(s, i)
		f2, ok2 := p.fraction(s, (i+1)%n)
		if ok1 && ok2 {
			a, b := p.vertex(i, f1), p.vertex((i+1)%n, f2)
			r.pdf.Line(a.X, a.Y, b.X, b.Y)
		}
	}
	r.pdf.SetDashPattern([]float64{}, 0)
	r.pdf.SetFillColor(lk.color.R, lk.color.G, lk.color.B)
	for i := range n {
		if f, ok := p.fraction(s, i); ok {
			v := p.vertex(i, f)
			r.pdf.Circle(v.X, v.Y, 0.75, "F")
		}
	}
}

func (r *renderer) strokeStyle(lk seriesLook) {
	r.pdf.SetDrawColor(lk.color.R, lk.color.G, lk.color.B)
	r.pdf.SetLineWidth(lk.width)
	if lk.dash != nil {
		r.pdf.SetDashPattern(lk.dash, 0)
	}
}

// legendItem is one series in the legend with its measured width.
type legendItem struct {
	s     layout.Series
	label string
	w     float64
}

// legendRows packs legend items into centred rows that fit the text width.
func (r *renderer) legendRows(series []layout.Series) [][]legendItem {
	r.setFont(font{styleRegular, sizeSmall + 0.5, palette.Text})
	var rows [][]legendItem
	var row []legendItem
	used := 0.0
	for _, s := range series {
		label := r.fit(layout.SanitizeLine(s.Label), r.width-radarSwatchW-2)
		it := legendItem{s: s, label: label, w: radarSwatchW + 2 + r.textWidth(label) + 7}
		if len(row) > 0 && used+it.w > r.width {
			rows, row, used = append(rows, row), nil, 0
		}
		row, used = append(row, it), used+it.w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// drawRadarLegend draws a swatch in each series' style beside its label.
func (r *renderer) drawRadarLegend(rows [][]legendItem, y float64) {
	for _, row := range rows {
		w := -7.0
		for _, it := range row {
			w += it.w
		}
		x := r.left + (r.width-w)/2
		for _, it := range row {
			lk := r.look(it.s.Style)
			mid := y + radarLegendH/2
			if lk.fill {
				b := r.pal.Brand
				r.pdf.SetFillColor(b.R, b.G, b.B)
				r.pdf.SetAlpha(radarFill*1.5, "Normal")
				r.pdf.Rect(x, mid-1.6, radarSwatchW, 3.2, "F")
				r.pdf.SetAlpha(1, "Normal")
			}
			r.strokeStyle(lk)
			r.pdf.Line(x, mid, x+radarSwatchW, mid)
			r.pdf.SetDashPattern([]float64{}, 0)
			r.setFont(font{styleRegular, sizeSmall + 0.5, palette.Text})
			r.cell(x+radarSwatchW+2, y, it.w-radarSwatchW-2, radarLegendH, it.label, "LM")
			x += it.w
		}
		y += radarLegendH
	}
}

// drawRadarTable shows a radar with one or two axes as a table: axis, then
// one column per series.
func (r *renderer) drawRadarTable(rd *layout.Radar) {
	t := &layout.Table{Columns: []layout.Column{{Width: 2}}}
	for _, s := range rd.Series {
		t.Columns = append(t.Columns, layout.Column{Title: s.Label, Width: 1, Align: layout.AlignRight})
	}
	for i, a := range rd.Axes {
		row := []layout.Cell{{Text: a}}
		for _, s := range rd.Series {
			c := layout.Cell{Text: "–"}
			if i < len(s.Values) && s.Values[i] != nil {
				c.Text = formatNum(*s.Values[i])
			}
			row = append(row, c)
		}
		t.Rows = append(t.Rows, row)
	}
	r.drawTable(t)
}
