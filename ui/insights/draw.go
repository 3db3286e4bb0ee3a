package insights

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The score bands' fills, from 0–19 to 80–100: orange far below the target
// to blue near the top, after Paul Tol's colour-blind-safe "sunset" scheme
// that the results step uses for gaps. Text on them is always ink, and every
// bar carries its number too.
var bandFills = []color.NRGBA{
	{0xF6, 0x7E, 0x4B, 0xFF},
	{0xFD, 0xB3, 0x66, 0xFF},
	{0xEA, 0xEC, 0xCC, 0xFF},
	{0x98, 0xCA, 0xE1, 0xFF},
	{0x6E, 0xA6, 0xCD, 0xFF},
}

// changeFills are the movements' fills: smaller gap (blue), unchanged,
// larger gap (orange), in portfolio.Movement's order.
var changeFills = []color.NRGBA{bandFills[4], bandFills[2], bandFills[0]}

// ink is the text on the light fills, in both themes.
var ink = color.NRGBA{0x1B, 0x1B, 0x1B, 0xFF}

// palette is what a chart reads from its theme each time it is refreshed.
type palette struct {
	fg, accent, outline, faint, card   color.Color
	text, caption, heading, pad, inner float32
}

// paletteOf reads the colours and sizes of the theme w is drawn in.
func paletteOf(w fyne.Widget) palette {
	th := theme.CurrentForWidget(w)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	return palette{
		fg: fg, accent: th.Color(theme.ColorNamePrimary, v),
		outline: withAlpha(fg, 0x70), faint: withAlpha(fg, 0x40),
		card: th.Color(theme.ColorNameInputBackground, v),
		text: th.Size(theme.SizeNameText), caption: th.Size(theme.SizeNameCaptionText),
		heading: th.Size(theme.SizeNameHeadingText), pad: th.Size(theme.SizeNamePadding),
		inner: th.Size(theme.SizeNameInnerPadding),
	}
}

// withAlpha is c with its alpha replaced.
func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// newText is a canvas text; its colour and size are set on refresh.
func newText(s string, bold bool) *canvas.Text {
	t := canvas.NewText(s, color.Transparent)
	t.TextStyle.Bold = bold
	return t
}

// paint sets a text's colour and size.
func paint(t *canvas.Text, c color.Color, size float32) {
	t.Color, t.TextSize = c, size
	t.Refresh()
}

// textSize measures a canvas text as it is drawn.
func textSize(t *canvas.Text) fyne.Size {
	return fyne.MeasureText(t.Text, t.TextSize, t.TextStyle)
}

// place moves o to (x, y) and gives it size.
func place(o fyne.CanvasObject, x, y, w, h float32) {
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
}

// placeText moves a text so its left edge is at x and it is centred on y.
func placeText(t *canvas.Text, x, y float32) {
	s := textSize(t)
	place(t, x, y-s.Height/2, s.Width, s.Height)
}

// centreText centres a text on x, kept within 0–width, and on y.
func centreText(t *canvas.Text, x, y, width float32) {
	w := textSize(t).Width
	placeText(t, min(max(x-w/2, 0), max(width-w, 0)), y)
}

// newBox is a filled rectangle with a thin outline, colours set on refresh.
func newBox() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 1
	return r
}

// fill sets a rectangle's fill and outline.
func fill(r *canvas.Rectangle, f, outline color.Color) {
	r.FillColor, r.StrokeColor = f, outline
	r.Refresh()
}

// stroke sets a line's colour and width.
func stroke(l *canvas.Line, c color.Color, width float32) {
	l.StrokeColor, l.StrokeWidth = c, width
	l.Refresh()
}

// line places a line from (x1, y1) to (x2, y2).
func line(l *canvas.Line, x1, y1, x2, y2 float32) {
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
}
