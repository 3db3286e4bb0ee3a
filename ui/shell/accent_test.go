package shell

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestAccentThemeUsesTheOrganisationsColour(t *testing.T) {
	test.NewTempApp(t)
	variants := []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark}
	for _, c := range []struct {
		hex  string
		want color.NRGBA
	}{
		{"#1f4e79", color.NRGBA{R: 0x1f, G: 0x4e, B: 0x79, A: 0xff}}, // dark brand colour: white text on it
		{"FFD700", color.NRGBA{R: 0xff, G: 0xd7, B: 0x00, A: 0xff}},  // light brand colour: black text on it
		{" #AbC ", color.NRGBA{R: 0xaa, G: 0xbb, B: 0xcc, A: 0xff}},
		{"#7f7f7f", color.NRGBA{R: 0x7f, G: 0x7f, B: 0x7f, A: 0xff}}, // mid grey, the hardest case
	} {
		th := newAccentTheme(c.hex)
		for _, v := range variants {
			if got := th.Color(theme.ColorNamePrimary, v); got != c.want {
				t.Errorf("%q: primary %v, want %v", c.hex, got, c.want)
			}
			on := th.Color(theme.ColorNameForegroundOnPrimary, v)
			if r := accentContrast(on, c.want); r < 4.5 {
				t.Errorf("%q: text on the primary colour has contrast %.2f", c.hex, r)
			}
			bg := th.Color(theme.ColorNameBackground, v)
			if r := accentContrast(th.Color(theme.ColorNameHyperlink, v), bg); r < 4.5 {
				t.Errorf("%q variant %d: links have contrast %.2f on the background", c.hex, v, r)
			}
			if bg != theme.DefaultTheme().Color(theme.ColorNameBackground, v) {
				t.Errorf("%q: the background is not the default theme's", c.hex)
			}
			sel := th.Color(theme.ColorNameSelection, v).(color.NRGBA)
			if sel.R != c.want.R || sel.G != c.want.G || sel.B != c.want.B || sel.A == 0 || sel.A == 0xff {
				t.Errorf("%q: selection %v is not a tint of the primary colour", c.hex, sel)
			}
		}
		if got := accentColor(c.hex); got != c.want {
			t.Errorf("AccentColor(%q) = %v", c.hex, got)
		}
	}
	if on := newAccentTheme("#1f4e79").Color(theme.ColorNameForegroundOnPrimary, theme.VariantLight); on != color.White {
		t.Errorf("text on dark blue is %v, want white", on)
	}
	if on := newAccentTheme("#ffd700").Color(theme.ColorNameForegroundOnPrimary, theme.VariantLight); on != color.Black {
		t.Errorf("text on gold is %v, want black", on)
	}
}

func TestAnInvalidAccentGivesTheDefaultTheme(t *testing.T) {
	test.NewTempApp(t)
	def := theme.DefaultTheme().Color(theme.ColorNamePrimary, theme.VariantLight)
	for _, hex := range []string{"", "red", "#12", "#12345g", "#1234567"} {
		if got := newAccentTheme(hex).Color(theme.ColorNamePrimary, theme.VariantLight); got != def {
			t.Errorf("%q: primary %v, want the default %v", hex, got, def)
		}
	}
}
