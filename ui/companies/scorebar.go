package companies

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/pomi-planner/pomi/app"
)

// barWidth is the width of a score's bar; the number stands right of it.
const barWidth = 40

// scoreBar draws a dimension score 0–100 as a small bar with a tick at the
// target and the score as a number beside it, so that the bar is never
// the only carrier of the value.
type scoreBar struct {
	track, fill *canvas.Rectangle
	target      *canvas.Line
	number      *canvas.Text
	score       *app.DimensionScore
}

func newScoreBar() scoreBar {
	b := scoreBar{
		track:  canvas.NewRectangle(color.Transparent),
		fill:   canvas.NewRectangle(color.Transparent),
		target: canvas.NewLine(color.Transparent),
		number: canvas.NewText("", color.Transparent),
	}
	b.target.StrokeWidth = 2
	return b
}

func (b *scoreBar) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{b.track, b.fill, b.target, b.number}
}

// set shows s (nil or unscored: nothing) with number as its text.
func (b *scoreBar) set(s *app.DimensionScore, number string) {
	b.score = s
	b.number.Text = number
}

// refresh takes the theme's colours: the accent for the score, the
// foreground for the target, so both read in light and dark.
func (b *scoreBar) refresh() {
	scored := b.score != nil && b.score.Score != nil
	b.track.FillColor, b.fill.FillColor, b.target.StrokeColor = color.Transparent, color.Transparent, color.Transparent
	if scored {
		b.track.FillColor = theme.Color(theme.ColorNameInputBackground)
		b.track.StrokeColor = theme.Color(theme.ColorNameInputBorder)
		b.track.StrokeWidth = 1
		b.fill.FillColor = theme.Color(theme.ColorNamePrimary)
		b.target.StrokeColor = theme.Color(theme.ColorNameForeground)
	} else {
		b.track.StrokeWidth = 0
	}
	b.number.Color = theme.Color(theme.ColorNameForeground)
	b.number.TextSize = theme.TextSize()
	for _, o := range b.objects() {
		o.Refresh()
	}
}

// layout places the bar at the cell's left, its height a third of the
// cell's, and the number after it.
func (b *scoreBar) layout(size fyne.Size) {
	pad := theme.Padding()
	h := max(6, size.Height/3)
	top := (size.Height - h) / 2
	b.track.Move(fyne.NewPos(pad, top))
	b.track.Resize(fyne.NewSize(barWidth, h))
	b.fill.Move(fyne.NewPos(pad, top))
	b.target.Position1, b.target.Position2 = fyne.NewPos(pad, top-3), fyne.NewPos(pad, top+h+3)
	if b.score != nil && b.score.Score != nil {
		b.fill.Resize(fyne.NewSize(barWidth*float32(clamp(*b.score.Score)/100), h))
		x := pad + barWidth*float32(clamp(b.score.Target)/100)
		b.target.Position1.X, b.target.Position2.X = x, x
	} else {
		b.fill.Resize(fyne.NewSize(0, h))
	}
	ts := b.number.MinSize()
	b.number.Move(fyne.NewPos(pad+barWidth+pad, (size.Height-ts.Height)/2))
	b.number.Resize(ts)
}

func clamp(v float64) float64 { return min(100, max(0, v)) }
