package radar

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func num(v float64) *float64 { return &v }

var svAxes = []string{
	"Personlig internationell inställning/erfarenhet",
	"Organisatoriska kompetenser och resurser",
	"Marknadskompetens",
	"Institutionell kunskap",
}

func svSeries() []Series {
	return []Series{
		{Label: "Nuläge", Style: Current, Values: []*float64{num(64), num(50), num(59), num(68)}},
		{Label: "Mål", Style: Target, Values: []*float64{num(70), num(75), num(80), num(75)}},
		{Label: "Föregående bedömning", Style: Previous, Values: []*float64{num(60), num(47), nil, num(61)}},
	}
}

func rendererOf(t *testing.T, r *Radar) *renderer {
	t.Helper()
	return test.TempWidgetRenderer(t, r).(*renderer)
}

func texts(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestRadarShowsAxisLabelsAndALegendEntryPerSeries(t *testing.T) {
	test.NewTempApp(t)
	r := NewRadar(svAxes, 100, svSeries()...)
	test.NewTempWindow(t, r)
	rr := rendererOf(t, r)
	if len(rr.legend) != 3 || len(rr.fills) != 1 {
		t.Errorf("%d legend entries and %d fills, want 3 and 1", len(rr.legend), len(rr.fills))
	}
	got := texts(rr.Objects())
	// Long labels are wrapped, so look for each line of each label.
	for _, want := range []string{"Personlig", "internationell", "inställning/erfarenhet",
		"Organisatoriska", "kompetenser och", "resurser", "Marknadskompetens", "Institutionell", "kunskap",
		"Nuläge", "Mål", "Föregående bedömning", "25", "50", "75", "100"} {
		if !slices.Contains(got, want) {
			t.Errorf("no text %q among %q", want, got)
		}
	}
}

func TestRadarLeavesOutAMissingValue(t *testing.T) {
	test.NewTempApp(t)
	r := NewRadar(svAxes, 100, svSeries()...)
	test.NewTempWindow(t, r)
	rr := rendererOf(t, r)
	if n := len(rr.series[0]); n != 4 {
		t.Errorf("a full series should have 4 segments, has %d", n)
	}
	if n := len(rr.series[2]); n != 2 {
		t.Errorf("a series missing one of 4 values should have 2 segments, has %d", n)
	}
	if n := len(rr.seriesDots[2]); n != 3 {
		t.Errorf("a series with 3 known values should have 3 dots, has %d", n)
	}
	for _, c := range rr.seriesDots[2] {
		mid := c.Position().AddXY(c.Size().Width/2, c.Size().Height/2)
		if near(mid, rr.centre) {
			t.Errorf("a dot of the previous series lies at the centre %v", mid)
		}
	}
	for _, l := range rr.series[2] {
		if near(l.Position1, rr.centre) || near(l.Position2, rr.centre) {
			t.Errorf("a segment of the previous series touches the centre: %v–%v", l.Position1, l.Position2)
		}
	}
}

func TestRadarSegmentsAndFillSkipUnknownValues(t *testing.T) {
	vals := []*float64{num(60), num(47), nil, num(61)}
	if got := segments(vals, 4); !slices.Equal(got, [][2]int{{0, 1}, {3, 0}}) {
		t.Errorf("segments %v", got)
	}
	if got := segments(vals[:2], 4); !slices.Equal(got, [][2]int{{0, 1}}) {
		t.Errorf("a short slice should count as unknown values, got %v", got)
	}
	runs, closed := fillRuns(vals, 4)
	if closed || len(runs) != 1 || !slices.Equal(runs[0], []int{3, 0, 1}) {
		t.Errorf("fill runs %v closed %v", runs, closed)
	}
	if _, closed := fillRuns([]*float64{num(1), num(2), num(3)}, 3); !closed {
		t.Error("a complete series should be filled as one closed polygon")
	}
}

func TestRadarPointPlacesMaxOnTheRingAndZeroAtTheCentre(t *testing.T) {
	c := fyne.NewPos(100, 80)
	if p := point(c, 50, 0, 4, 100, 100); !near(p, fyne.NewPos(100, 30)) {
		t.Errorf("max on the top axis at %v, want (100,30)", p)
	}
	if p := point(c, 50, 1, 4, 50, 100); !near(p, fyne.NewPos(125, 80)) {
		t.Errorf("half on the right axis at %v, want (125,80)", p)
	}
	if p := point(c, 50, 2, 4, 0, 100); !near(p, c) {
		t.Errorf("0 at %v, want the centre", p)
	}

	test.NewTempApp(t)
	r := NewRadar(svAxes, 100, Series{Style: Current, Values: []*float64{num(100), num(0), num(0), num(0)}})
	test.NewTempWindow(t, r)
	rr := rendererOf(t, r)
	top := rr.seriesDots[0][0]
	if mid := top.Position().AddXY(top.Size().Width/2, top.Size().Height/2); !near(mid, rr.centre.SubtractXY(0, rr.radius)) {
		t.Errorf("max at the top axis drawn at %v, chart top is %v", mid, rr.centre.SubtractXY(0, rr.radius))
	}
}

func TestRadarWrapsLongLabelsIntoAtMostThreeLines(t *testing.T) {
	for _, s := range svAxes {
		lines := wrapLabel(s, labelWrap, labelMaxLines)
		if len(lines) > labelMaxLines || len(lines) == 0 {
			t.Errorf("%q wrapped into %q", s, lines)
		}
	}
	if got := wrapLabel("Organisatoriska kompetenser och resurser", 18, 3); !slices.Equal(got,
		[]string{"Organisatoriska", "kompetenser och", "resurser"}) {
		t.Errorf("wrapped into %q", got)
	}
}

func TestRadarSetDataChangesLabelsAndResizeStaysInside(t *testing.T) {
	test.NewTempApp(t)
	r := NewRadar(svAxes, 100, svSeries()...)
	w := test.NewTempWindow(t, r)
	r.SetData([]string{"A", "B", "C", "D", "E"}, Series{Label: "Nu", Values: []*float64{num(1), num(2), num(3), num(4), num(5)}})
	rr := rendererOf(t, r)
	got := texts(rr.Objects())
	if slices.Contains(got, "Marknadskompetens") || !slices.Contains(got, "E") || !slices.Contains(got, "Nu") {
		t.Errorf("after SetData the texts are %q", got)
	}
	r.SetData(svAxes, svSeries()...)
	accent := color.NRGBA{R: 0xc0, A: 0xff}
	r.SetAccent(accent)
	if c := rr.series[0][0].StrokeColor; c != accent {
		t.Errorf("the current series is drawn in %v, not the accent", c)
	}
	var radii []float32
	for _, size := range []fyne.Size{fyne.NewSize(600, 500), r.MinSize()} {
		w.Resize(size.AddWidthHeight(2*theme.Padding(), 2*theme.Padding()))
		if r.Size() != size {
			t.Fatalf("the radar is %v, want %v", r.Size(), size)
		}
		assertRadarInside(t, rr.Objects(), r.Size())
		radii = append(radii, rr.radius)
	}
	if radii[0] < 2*radii[1] {
		t.Errorf("the chart should scale with the widget, radius %v at 600×500 and %v at the minimum", radii[0], radii[1])
	}
}

func assertRadarInside(t *testing.T, objs []fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	const slack = 0.5
	for _, o := range objs {
		p, s := o.Position(), o.Size()
		if t, ok := o.(*canvas.Text); ok {
			s = t.MinSize()
		}
		if p.X < -slack || p.Y < -slack || p.X+s.Width > size.Width+slack || p.Y+s.Height > size.Height+slack {
			t.Errorf("%T %v at %v size %v leaves %v", o, texts([]fyne.CanvasObject{o}), p, s, size)
		}
	}
}

func near(a, b fyne.Position) bool {
	return abs(a.X-b.X) < 0.01 && abs(a.Y-b.Y) < 0.01
}

func abs(x float32) float32 { return max(x, -x) }

// TestRadarSnapshot saves a PNG for a human to look at:
// RADAR_PNG=/tmp/radar go test -tags migrated_fynedo -run Snapshot ./ui/
func TestRadarSnapshot(t *testing.T) {
	dir := os.Getenv("RADAR_PNG")
	if dir == "" {
		t.Skip("set RADAR_PNG to a directory to save snapshots")
	}
	a := test.NewTempApp(t)
	light := variant{theme.DefaultTheme(), theme.VariantLight}
	dark := variant{theme.DefaultTheme(), theme.VariantDark}
	for _, v := range []struct {
		name  string
		th    fyne.Theme
		size  fyne.Size
		scale float32
		radar func() *Radar // built after the theme is set, as the app would
	}{
		{"light-min", light, fyne.NewSize(320, 280), 1, sv},
		{"light-min-x2", light, fyne.NewSize(320, 280), 2, sv},
		{"light-600", light, fyne.NewSize(600, 500), 1, sv},
		{"dark-600", dark, fyne.NewSize(600, 500), 1, sv},
		{"light-6-gaps", light, fyne.NewSize(500, 420), 1, func() *Radar { return withGaps(6) }},
		{"dark-3-gaps", dark, fyne.NewSize(500, 420), 1, func() *Radar { return withGaps(3) }},
		{"light-8-gaps", light, fyne.NewSize(500, 420), 1, func() *Radar { return withGaps(8) }},
	} {
		a.Settings().SetTheme(v.th)
		w := test.NewTempWindow(t, v.radar())
		w.Canvas().(interface{ SetScale(float32) }).SetScale(v.scale)
		w.Resize(v.size)
		saveRadarPNG(t, filepath.Join(dir, v.name+".png"), w)
	}
}

func sv() *Radar { return NewRadar(svAxes, 100, svSeries()...) }

// withGaps has n axes, a current series missing its third value (and a
// zero), and an accent colour of its own.
func withGaps(n int) *Radar {
	axes := make([]string, n)
	cur, tgt := make([]*float64, n), make([]*float64, n)
	for i := range n {
		axes[i] = svAxes[i%len(svAxes)]
		cur[i], tgt[i] = num(float64(30+(i*37)%60)), num(80)
	}
	cur[2], cur[n-1] = nil, num(0)
	r := NewRadar(axes, 100, Series{Label: "Nuläge", Style: Current, Values: cur},
		Series{Label: "Mål", Style: Target, Values: tgt})
	r.SetAccent(color.NRGBA{R: 0xd0, G: 0x60, B: 0x10, A: 0xff})
	return r
}

// variant shows a theme in one variant whatever the settings say.
type variant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

func saveRadarPNG(t *testing.T, path string, w fyne.Window) {
	t.Helper()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func TestRadarFollowsTheThemeVariant(t *testing.T) {
	a := test.NewTempApp(t)
	r := sv()
	test.NewTempWindow(t, r)
	rr := rendererOf(t, r)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a.Settings().SetTheme(variant{theme.DefaultTheme(), v})
		want := theme.DefaultTheme().Color(theme.ColorNameForeground, v)
		if got := rr.labels[0].lines[0].Color; got != want {
			t.Errorf("in variant %d labels are %v, want %v", v, got, want)
		}
	}
}
