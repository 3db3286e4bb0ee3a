package radar

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Style says how a series of a Radar is drawn.
type Style int

const (
	// RadarCurrent is the assessed profile: a filled, translucent polygon in the accent colour.
	Current Style = iota
	// RadarTarget is the goal: a thin dashed outline in the foreground colour.
	Target
	// RadarPrevious is an earlier assessment: a grey outline.
	Previous
)

// Series is one line of a Radar.
type Series struct {
	Label  string
	Style  Style      // RadarCurrent, RadarTarget, RadarPrevious
	Values []*float64 // one per axis; nil means "not assessed" and is left out, never drawn as 0
}

// Radar is a radar (spider) chart of 3–8 axes with a legend below it. It
// shows the POMI profile: current scores, a target and an earlier assessment.
type Radar struct {
	widget.BaseWidget

	Axes   []string
	max    float64
	Series []Series
	accent color.Color
}

// NewRadar returns a radar chart with the given axis labels and maximum.
// A maximum that is not positive becomes 100, the POMI scale.
func NewRadar(axes []string, max float64, series ...Series) *Radar {
	if !(max > 0) { // also catches NaN
		max = 100
	}
	r := &Radar{max: max}
	r.ExtendBaseWidget(r)
	r.setData(axes, series)
	return r
}

// SetData replaces axes and series and refreshes (call on the UI goroutine).
func (r *Radar) SetData(axes []string, series ...Series) {
	r.setData(axes, series)
	r.Refresh()
}

// SetAccent sets the colour of the current series (the organisation's colour); nil means theme.PrimaryColor.
func (r *Radar) SetAccent(c color.Color) {
	r.accent = c
	r.Refresh()
}

// CreateRenderer is part of fyne.Widget; the renderer draws from the widget's state.
func (r *Radar) CreateRenderer() fyne.WidgetRenderer {
	rr := &renderer{radar: r}
	rr.build()
	return rr
}

// setData copies the caller's slices and values, so later changes by the
// caller cannot alter what is drawn behind the renderer's back.
func (r *Radar) setData(axes []string, series []Series) {
	r.Axes = append([]string(nil), axes...)
	r.Series = make([]Series, len(series))
	for i, s := range series {
		vals := make([]*float64, len(s.Values))
		for j, v := range s.Values {
			if v != nil {
				x := *v
				vals[j] = &x
			}
		}
		r.Series[i] = Series{Label: s.Label, Style: s.Style, Values: vals}
	}
}

// valueAt returns the clamped value of axis i and whether it is known; a
// missing entry or NaN counts as not assessed.
func valueAt(vals []*float64, i int, max float64) (float64, bool) {
	if i >= len(vals) || vals[i] == nil || math.IsNaN(*vals[i]) {
		return 0, false
	}
	return math.Min(math.Max(*vals[i], 0), max), true
}

// axisDir is the unit vector of axis i of n, clockwise from the top (screen y grows down).
func axisDir(i, n int) fyne.Position {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	return fyne.NewPos(float32(math.Cos(a)), float32(math.Sin(a)))
}

// point places value v of axis i of n in a chart of the given centre
// and radius: 0 lands on the centre, max on the outer ring.
func point(c fyne.Position, radius float32, i, n int, v, max float64) fyne.Position {
	d := axisDir(i, n)
	f := radius * float32(v/max)
	return fyne.NewPos(c.X+d.X*f, c.Y+d.Y*f)
}

// segments lists the pairs of neighbouring axes (cyclically) whose values
// are both known: a series is drawn as exactly these segments, so a missing
// value leaves a gap rather than a dip to the centre.
func segments(vals []*float64, n int) [][2]int {
	var segs [][2]int
	if n < 2 {
		return nil
	}
	for i := range n {
		j := (i + 1) % n
		_, ok1 := valueAt(vals, i, 1)
		_, ok2 := valueAt(vals, j, 1)
		if ok1 && ok2 {
			segs = append(segs, [2]int{i, j})
		}
	}
	return segs
}

// fillRuns lists the maximal runs of neighbouring known axes that the fill
// covers. closed reports that every axis is known, so the single run is the
// whole polygon; otherwise each run is filled as a fan from the centre, which
// keeps the fill under the drawn segments only.
func fillRuns(vals []*float64, n int) (runs [][]int, closed bool) {
	start := -1
	for i := range n {
		if _, ok := valueAt(vals, i, 1); !ok {
			start = i
			break
		}
	}
	if start < 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return [][]int{all}, true
	}
	var run []int
	for k := 1; k <= n; k++ { // begin after a gap so no run wraps unseen
		i := (start + k) % n
		if _, ok := valueAt(vals, i, 1); ok {
			run = append(run, i)
			continue
		}
		if len(run) >= 2 {
			runs = append(runs, run)
		}
		run = nil
	}
	return runs, false
}

// wrapLabel breaks s into lines of at most width runes, at spaces or after a
// slash. If that needs more than maxLines lines the width grows until it
// fits, so long words are never cut.
func wrapLabel(s string, width, maxLines int) []string {
	words := strings.Fields(strings.ReplaceAll(s, "/", "/ "))
	for w := width; ; w++ {
		lines := greedyWrap(words, w)
		if len(lines) <= maxLines || w > len([]rune(s)) {
			return lines
		}
	}
}

// greedyWrap fills each line with as many words as fit in width runes; a word
// that ended in a slash joins the next without a space.
func greedyWrap(words []string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range words {
		sep := " "
		if cur == "" || strings.HasSuffix(cur, "/") {
			sep = ""
		}
		if cur != "" && len([]rune(cur+sep+w)) > width {
			lines = append(lines, cur)
			cur, sep = "", ""
		}
		cur += sep + w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
