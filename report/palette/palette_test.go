package palette

import "testing"

func TestColoursAreNormalizedOrFallBack(t *testing.T) {
	cases := map[string]string{
		"#2E6B4F": "#2e6b4f", " 2e6b4f ": "#2e6b4f", "#abc": "#aabbcc",
		"": DefaultColor, "red": DefaultColor, "#12": DefaultColor, "#gggggg": DefaultColor,
	}
	for in, want := range cases {
		if got := NormalizeColor(in); got != want {
			t.Errorf("NormalizeColor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBrandColoursAreParsedAndKeptReadable(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{"#1F4E79": true, "1f4e79": true, " #ABCDEF ": true, "red": false, "#12": false, "#12345G": false, "": false} {
		if _, ok := parseHexColor(in); ok != want {
			t.Errorf("parseHexColor(%q) ok = %v", in, ok)
		}
	}
	for _, c := range []string{"#FFFF00", "#FFFFFF", "#F0F0F0", "#1F4E79", "nonsense"} {
		p := New(c)
		if got := contrast(p.Ink, White); got < minContrast {
			t.Errorf("%s: heading colour contrast %.2f < %.1f", c, got, minContrast)
		}
		if contrast(p.Brand, White) < faintFillMin {
			t.Errorf("%s: brand fill invisible on white", c)
		}
	}
	if p := New("#1F4E79"); p.Ink != p.Brand {
		t.Error("a dark brand colour was changed")
	}
	if p := New("red"); p.Brand != defaultBrand {
		t.Error("an invalid colour did not fall back to the default")
	}
}
