package insights

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/uitest"
)

// rankedBars maps each name of the ranked lists under o to its bar.
func rankedBars(o fyne.CanvasObject) map[string]*bar {
	out := map[string]*bar{}
	uitest.Walk(o, func(c fyne.CanvasObject) {
		box, ok := c.(*fyne.Container)
		if !ok {
			return
		}
		if _, ok := box.Layout.(*pairLayout); !ok {
			return
		}
		for i := 0; i+1 < len(box.Objects); i += 2 {
			out[box.Objects[i].(*widget.Label).Text] = box.Objects[i+1].(*bar)
		}
	})
	return out
}

func widgetsOf[T fyne.Widget](o fyne.CanvasObject) []T {
	var out []T
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if w, ok := c.(T); ok {
			out = append(out, w)
		}
	})
	return out
}

func TestRankedBarsCarryTheirCountAndShare(t *testing.T) {
	fx := open(t, "en", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	in := fx.v.done.ins
	bars := rankedBars(fx.v.body)
	check := func(name string, n, of int, want string) {
		t.Helper()
		b := bars[name]
		switch {
		case b == nil:
			t.Errorf("no bar for %q", name)
		case b.text != want:
			t.Errorf("%q carries %q, want %q", name, b.text, want)
		case b.share != float64(n)/float64(of):
			t.Errorf("%q is %v long, want %d/%d", name, b.share, n, of)
		case !uitest.ContainsText(b, want):
			t.Errorf("%q does not draw %q", name, want)
		}
	}
	check("2 assessments", 3, 3, "3 (100%)")
	if len(in.Barriers) == 0 || len(in.Recommendations) == 0 {
		t.Fatal("the demo has no barriers or recommendations")
	}
	for _, c := range in.Barriers[:min(len(in.Barriers), topN)] {
		check(fx.loc.T(ref.BarrierName(c.ID)), c.Companies, 3, fx.v.countShare(c.Companies, 3))
	}
	for _, c := range in.Recommendations[:min(len(in.Recommendations), topN)] {
		check(fx.loc.T(ref.RecommendationTitle(c.ID)), c.Companies, 3, fx.v.countShare(c.Companies, 3))
	}
	if more := len(in.Recommendations) - topN; more > 0 &&
		!uitest.ContainsText(fx.v.body, fx.loc.N("ui.insights.more", more, map[string]any{"Total": more})) {
		t.Errorf("the %d recommendations past the first %d are not counted", more, topN)
	}
}

func TestScoreChartsCarryEachBandsCountAboveItsBar(t *testing.T) {
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	uitest.Settle(fx.w)
	charts := widgetsOf[*scoreChart](fx.v.body)
	if len(charts) != len(fx.v.done.ins.Scores) {
		t.Fatalf("%d score charts, want %d", len(charts), len(fx.v.done.ins.Scores))
	}
	for k, c := range charts {
		d := fx.v.done.ins.Scores[k]
		r := test.WidgetRenderer(c).(*scoreRenderer)
		for i, b := range d.Bands {
			count, rect := r.counts[i], r.bands[i]
			if count.Text != fx.v.count(b.Companies) {
				t.Errorf("%s band %d–%d says %q, want %d", d.Dimension, b.From, b.To, count.Text, b.Companies)
			}
			if count.Position().Y+count.Size().Height > rect.Position().Y+1 {
				t.Errorf("%s band %d: the count is not above its bar", d.Dimension, b.From)
			}
			if rect.Hidden != (b.Companies == 0) {
				t.Errorf("%s band %d: bar hidden %v with %d companies", d.Dimension, b.From, rect.Hidden, b.Companies)
			}
		}
		if r.median.Position1.X < r.box.Position().X || r.median.Position1.X > r.box.Position().X+r.box.Size().Width {
			t.Errorf("%s: the median lies outside its box", d.Dimension)
		}
		if !uitest.ContainsText(fx.v.body, "median "+fx.loc.Number(d.Median, 0)) {
			t.Errorf("%s: the median %v is not written out", d.Dimension, d.Median)
		}
	}
}

func TestMovementsCarryTheirCounts(t *testing.T) {
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	var moving []*changeBar
	for _, b := range widgetsOf[*changeBar](fx.v.body) {
		if !b.swatch {
			moving = append(moving, b)
		}
	}
	var want [][]int
	for _, m := range fx.v.done.ins.Movements {
		if m.Companies > 0 {
			want = append(want, []int{m.Changes[0].Companies, m.Changes[1].Companies, m.Changes[2].Companies})
		}
	}
	if len(want) == 0 || len(moving) != len(want) {
		t.Fatalf("%d movement bars, want %d (more than none)", len(moving), len(want))
	}
	for i, b := range moving {
		for j, n := range want[i] {
			if b.counts[j] != n || b.texts[j] != fx.v.count(n) {
				t.Errorf("movement %d part %d: %d %q, want %d", i, j, b.counts[j], b.texts[j], n)
			}
		}
		line := fx.loc.Tf("ui.insights.movement.line", map[string]any{"Improved": want[i][0], "Same": want[i][1], "Worse": want[i][2], "Mean": "X"})
		prefix := line[:len(line)-len("X poäng")]
		if !uitest.ContainsText(fx.v.body, prefix) {
			t.Errorf("movement %d is not written out as %q", i, prefix)
		}
	}
}

// redTheme is the default theme with a red accent.
type redTheme struct{ fyne.Theme }

var red = color.NRGBA{R: 0xC0, A: 0xFF}

func (r redTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePrimary {
		return red
	}
	return r.Theme.Color(n, v)
}

func TestChartsTakeTheirColoursFromTheTheme(t *testing.T) {
	fx := open(t, "en", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	fyne.CurrentApp().Settings().SetTheme(redTheme{theme.DefaultTheme()})
	b := widgetsOf[*bar](fx.v.body)[0]
	b.Refresh()
	if got := test.WidgetRenderer(b).(*barRenderer).rect.FillColor; got != red {
		t.Errorf("a bar is drawn in %v, not the theme's accent", got)
	}
	fg := theme.DefaultTheme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	if got := test.WidgetRenderer(b).(*barRenderer).label.Color; got != fg {
		t.Errorf("a bar's number is drawn in %v, not the foreground %v", got, fg)
	}
}
