package shell

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/pomi-planner/pomi/report"
)

// Alphas of the colours Fyne derives from its primary colour (v2.8.0's blue
// focus and selection): the organisation's colour is tinted the same way.
const (
	accentFocusAlpha     = 0x2a
	accentSelectionAlpha = 0x40
	accentMinContrast    = 4.5 // WCAG AA for normal text
)

// accentTheme is Fyne's default theme, light or dark as the OS says, with
// the organisation's colour as the only accent.
type accentTheme struct {
	fyne.Theme
	primary color.NRGBA
}

// newAccentTheme returns Fyne's default theme with hex ("#1f4e79", "1F4E79",
// "#abc") as its primary colour: buttons that matter, the focus ring, the
// selection, links and ticks. Text on the colour is white or black, whichever
// reads better; links are darkened (light variant) or lightened (dark
// variant) until they read on the background. An empty or invalid hex gives
// the default theme unchanged.
func newAccentTheme(hex string) fyne.Theme {
	c, ok := accentParse(hex)
	if !ok {
		return theme.DefaultTheme()
	}
	return &accentTheme{Theme: theme.DefaultTheme(), primary: c}
}

// accentColor returns hex as a colour, or the current theme's primary colour
// when hex is empty or not a colour.
func accentColor(hex string) color.Color {
	if c, ok := accentParse(hex); ok {
		return c
	}
	return theme.Color(theme.ColorNamePrimary)
}

// Color returns the accent-derived colours and the default theme's others.
func (t *accentTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary:
		return t.primary
	case theme.ColorNameForegroundOnPrimary:
		return accentOnColor(t.primary)
	case theme.ColorNameHyperlink:
		return accentReadableOn(t.primary, t.Theme.Color(theme.ColorNameBackground, v))
	case theme.ColorNameFocus:
		return accentWithAlpha(t.primary, accentFocusAlpha)
	case theme.ColorNameSelection:
		return accentWithAlpha(t.primary, accentSelectionAlpha)
	}
	return t.Theme.Color(n, v)
}

// accentParse reads a colour the way the PDF does (report.ParseColor).
func accentParse(hex string) (color.NRGBA, bool) {
	s, ok := report.ParseColor(hex)
	if !ok {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}

// accentOnColor is white or black, whichever contrasts more with c; one of
// them always reaches 4.5:1.
func accentOnColor(c color.Color) color.Color {
	if accentContrast(c, color.White) >= accentContrast(c, color.Black) {
		return color.White
	}
	return color.Black
}

// accentReadableOn moves c towards black (on a light background) or white
// (on a dark one) until it reads as text on bg.
func accentReadableOn(c color.NRGBA, bg color.Color) color.NRGBA {
	target := color.NRGBA{A: 0xff}
	if accentLuminance(bg) < 0.5 {
		target = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	out := c
	for i := 1; i <= 20 && accentContrast(out, bg) < accentMinContrast; i++ {
		out = accentMix(c, target, float64(i)/20)
	}
	return out
}

func accentWithAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// accentMix blends a towards b by t (0 = a, 1 = b).
func accentMix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B), A: 0xff}
}

// accentLuminance is the WCAG relative luminance of c, ignoring alpha.
func accentLuminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// accentContrast is the WCAG contrast ratio of two colours (1–21).
func accentContrast(a, b color.Color) float64 {
	la, lb := accentLuminance(a), accentLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
