package palette

import (
	"math"
	"strconv"
	"strings"

	"github.com/pomi-planner/pomi/report/layout"
)

// DefaultColor is the plan's colour when the organisation has set none: a
// calm dark blue that prints well in colour and in grey.
const DefaultColor = "#1f4e79"

// NormalizeColor returns a colour as "#rrggbb" in lower case, accepting
// "#RGB", "RRGGBB" and surrounding spaces; anything else gives DefaultColor.
func NormalizeColor(s string) string {
	if c, ok := ParseColor(s); ok {
		return c
	}
	return DefaultColor
}

// ParseColor reads a colour as NormalizeColor does and reports whether s
// was one at all.
func ParseColor(s string) (string, bool) {
	s = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 || strings.Trim(s, "0123456789abcdef") != "" {
		return "", false
	}
	return "#" + s, true
}

// Contrast limits of the palette (WCAG ratios against white).
const (
	minContrast  = 4.5 // WCAG AA for normal text on white
	faintFillMin = 1.3 // a fill paler than this vs white would vanish
)

// RGB is a colour with 0–255 channels.
type RGB struct{ R, G, B int }

// Fixed colours: near-black text, a muted grey that still reads when printed,
// and pale rules that separate without shouting.
var (
	defaultBrand = RGB{0x1F, 0x4E, 0x79}
	Text         = RGB{0x1E, 0x1E, 0x1E}
	Muted        = RGB{0x5F, 0x63, 0x68}
	Rule         = RGB{0xD3, 0xD7, 0xDC}
	Grid         = RGB{0xC8, 0xCC, 0xD1}
	Target       = RGB{0x33, 0x33, 0x33}
	Previous     = RGB{0x9A, 0xA0, 0xA6}
	White        = RGB{0xFF, 0xFF, 0xFF}
)

// Palette holds the colours derived from the brand colour.
type Palette struct {
	Brand RGB            // fills: cover band, chart fill, swatches
	Ink   RGB            // brand colour dark enough for text and lines on white
	Tint  RGB            // table header background
	Pale  RGB            // callout background
	Tones map[string]RGB // table cell backgrounds by layout.Tone*
}

// New derives every colour from the organisation's colour string.
func New(color string) Palette {
	brand, ok := parseHexColor(color)
	if !ok {
		brand = defaultBrand
	}
	ink := darkenForText(brand)
	if contrast(brand, White) < faintFillMin {
		// A near-white brand would leave an invisible band; use the ink.
		brand = ink
	}
	p := Palette{
		Brand: brand,
		Ink:   ink,
		Tint:  mix(brand, White, 0.84),
		Pale:  mix(brand, White, 0.91),
	}
	p.Tones = map[string]RGB{
		layout.ToneGood:     {0xDC, 0xF0, 0xDC},
		layout.ToneSmall:    {0xFF, 0xF5, 0xC7},
		layout.ToneMedium:   {0xFF, 0xE2, 0xC0},
		layout.ToneLarge:    {0xF8, 0xD2, 0xCF},
		layout.ToneRequired: mix(brand, White, 0.80),
		layout.ToneUnknown:  {0xEC, 0xED, 0xEF},
	}
	return p
}

// parseHexColor reads "#rrggbb" (the # optional, any case). Anything else,
// including "red" and "#12", is refused so the caller can fall back.
func parseHexColor(s string) (RGB, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return RGB{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{int(v >> 16 & 0xFF), int(v >> 8 & 0xFF), int(v & 0xFF)}, true
}

// luminance is the WCAG relative luminance of c.
func luminance(c RGB) float64 {
	lin := func(v int) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of two colours (1–21).
func contrast(a, b RGB) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// darkenForText scales c towards black until it reads on white; a pale brand
// colour (yellow, light grey) would otherwise make headings illegible.
func darkenForText(c RGB) RGB {
	for i := 0; i < 40 && contrast(c, White) < minContrast; i++ {
		c = RGB{c.R * 9 / 10, c.G * 9 / 10, c.B * 9 / 10}
	}
	return c
}

// mix blends a towards b by t (0 = a, 1 = b).
func mix(a, b RGB, t float64) RGB {
	f := func(x, y int) int { return int(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return RGB{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B)}
}
