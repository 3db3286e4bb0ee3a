package results

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/pomi-planner/pomi/app/validate"
	"github.com/pomi-planner/pomi/ui/radar"
	"github.com/pomi-planner/pomi/ui/session"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// profile is the POMI radar with the table of scores beside it.
func (v *view) profile() fyne.CanvasObject {
	v.radar = radar.NewRadar(v.radarAxes(), 100, v.radarSeries()...)
	v.dimensions = v.dimensionTable()
	table := container.NewVBox(v.dimensions, muted(v.tr.T("report.profile.legend")))
	return container.New(&profileLayout{}, v.radar, table)
}

func (v *view) radarAxes() []string {
	axes := make([]string, 0, len(ref.Dimensions))
	for _, dim := range ref.Dimensions {
		axes = append(axes, v.tr.T(ref.DimensionName(dim)))
	}
	return axes
}

// radarSeries are the target, the previous assessment when there is one and
// the current scores; an unassessed dimension is nil, never 0.
func (v *view) radarSeries() []radar.Series {
	target := radar.Series{Label: v.tr.T("report.profile.series_target"), Style: radar.Target}
	current := radar.Series{Label: v.tr.Tf("report.profile.series_now", map[string]any{"Date": v.date(v.s.Assessment().Date)}), Style: radar.Current}
	for _, dim := range ref.Dimensions {
		s := v.an.Dimension(dim)
		t := s.Target
		target.Values = append(target.Values, &t)
		current.Values = append(current.Values, s.Score)
	}
	series := []radar.Series{target}
	if prev := v.prev; prev != nil {
		p := radar.Series{Label: v.tr.Tf("report.profile.series_before", map[string]any{"Date": v.date(v.s.Previous().Date)}), Style: radar.Previous}
		for _, dim := range ref.Dimensions {
			p.Values = append(p.Values, prev.Dimension(dim).Score)
		}
		series = append(series, p)
	}
	return append(series, current)
}

// previousAnalysis analyses the assessment before this one, nil when there is none.
func previousAnalysis(s *session.Session) *app.Analysis {
	p := s.Previous()
	if p == nil {
		return nil
	}
	return app.Analyze(s.Data, s.Company(), p)
}

// date writes a stored date as in a table, "27 nov. 2026".
func (v *view) date(s string) string {
	if t, err := validate.ParseDate(s); err == nil {
		return v.s.Loc.DateShort(t)
	}
	return s
}

// dimensionTable lists each dimension's score, target, gap (a number and a
// word on the gap colour) and the change since the previous assessment.
func (v *view) dimensionTable() *fyne.Container {
	weights := []float32{3, 0.9, 0.9, 1.4}
	header := []string{v.tr.T("report.col.dimension"), v.tr.T("report.col.score"), v.tr.T("report.col.target"), v.tr.T("report.col.gap")}
	prev := v.prev
	if prev != nil {
		weights = append(weights, 1.5)
		header = append(header, v.tr.Tf("report.col.change_since", map[string]any{"Date": v.date(v.s.Previous().Date)}))
	}
	var rows [][]fyne.CanvasObject
	for _, dim := range ref.Dimensions {
		s := v.an.Dimension(dim)
		row := []fyne.CanvasObject{Wrapped(v.tr.T(ref.DimensionName(dim)), fyne.TextStyle{Bold: true})}
		if s.Assessed() {
			row = append(row, Wrapped(v.num(*s.Score), fyne.TextStyle{}), Wrapped(v.num(s.Target), fyne.TextStyle{}),
				swatch(scale[scoreGapLevel(*s.Gap)], v.num(*s.Gap), v.tr.T(scoreGapWord(*s.Gap))))
		} else {
			row = append(row, Wrapped(v.tr.T("report.not_assessed"), fyne.TextStyle{Italic: true}),
				Wrapped(v.num(s.Target), fyne.TextStyle{}), swatch(unknownFill, "–"))
		}
		if prev != nil {
			row = append(row, Wrapped(Change(v.s.Loc, prev.Dimension(dim).Score, s.Score), fyne.TextStyle{}))
		}
		rows = append(rows, row)
	}
	return Table(weights, header, rows)
}

func (v *view) num(x float64) string { return v.s.Loc.Number(x, 0) }

// scoreGapLevel places a gap in points on the four-step colour
// scale, with the PDF's thresholds: none, under 10, under 25, 25 or more.
func scoreGapLevel(gap float64) int {
	switch {
	case gap <= 0:
		return 0
	case gap < 10:
		return 1
	case gap < 25:
		return 2
	}
	return 3
}

// scoreGapWord is the message id of the word for a gap in points.
func scoreGapWord(gap float64) string {
	return []string{"ui.results.gap.none", "ui.results.gap.small", "ui.results.gap.medium", "ui.results.gap.large"}[scoreGapLevel(gap)]
}

// numberer formats numbers in a language; *locales.Localizer is one.
type numberer interface {
	Number(v float64, decimals int) string
}

// Change writes a change with its sign ("+5", "–3", with an en dash),
// and "–" when either side is unknown.
func Change(loc numberer, before, after *float64) string {
	if before == nil || after == nil {
		return "–"
	}
	d := *after - *before
	if loc.Number(d, 0) != "0" && d > 0 {
		return "+" + loc.Number(d, 0)
	}
	return loc.Number(d, 0)
}

// profileLayout puts the radar (objs[0]) beside the table (objs[1])
// when there is room for both, and above it when not (a narrow window or
// 200 % scaling). The radar gets a generous, nearly square area so its
// labels and legend stay legible.
type profileLayout struct {
	width float32 // the width of the last layout, which MinSize needs to know the arrangement
}

const (
	radarMinWidth = 380
	tableMinWidth = 480
	radarMaxSide  = 520
)

func (l *profileLayout) sideBySide(width float32) bool {
	return width >= radarMinWidth+tableMinWidth+theme.Padding()
}

func (l *profileLayout) radarSize(width float32, r fyne.CanvasObject) fyne.Size {
	w := min(width, radarMaxSide)
	if l.sideBySide(width) {
		w = max(radarMinWidth, min(width*0.45, radarMaxSide))
	}
	m := r.MinSize()
	return fyne.NewSize(max(w, m.Width), max(w*0.85, m.Height))
}

// Layout places the radar and the table.
func (l *profileLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	radar, table := objs[0], objs[1]
	rs := l.radarSize(size.Width, radar)
	if l.sideBySide(size.Width) {
		radar.Move(fyne.NewPos(0, 0))
		radar.Resize(rs)
		x := rs.Width + theme.Padding()
		table.Resize(fyne.NewSize(size.Width-x, table.Size().Height))
		table.Move(fyne.NewPos(x, 0))
		table.Resize(fyne.NewSize(size.Width-x, table.MinSize().Height))
		return
	}
	radar.Move(fyne.NewPos((size.Width-rs.Width)/2, 0))
	radar.Resize(rs)
	y := rs.Height + theme.Padding()
	table.Resize(fyne.NewSize(size.Width, table.Size().Height))
	table.Move(fyne.NewPos(0, y))
	table.Resize(fyne.NewSize(size.Width, table.MinSize().Height))
}

// MinSize is the arrangement chosen at the last width.
func (l *profileLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	radar, table := objs[0], objs[1]
	rs := l.radarSize(l.width, radar)
	tm := table.MinSize()
	if l.sideBySide(l.width) {
		return fyne.NewSize(radarMinWidth+tableMinWidth, max(rs.Height, tm.Height))
	}
	return fyne.NewSize(max(radar.MinSize().Width, tm.Width), rs.Height+theme.Padding()+tm.Height)
}
