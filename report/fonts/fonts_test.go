package fonts

import (
	"os"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestEveryMessageHasGlyphs reads both message files and checks that each
// character in them has a glyph in every style, so no translated text ever
// prints as empty boxes. (U+2212 is missing from the font; report.Sanitize
// replaces it, and the messages do not use it.)
func TestEveryMessageHasGlyphs(t *testing.T) {
	var text string
	for _, lang := range []string{"sv", "en"} {
		raw, err := os.ReadFile("../../locales/" + lang + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		text += string(raw)
	}
	text += "–—”’“…×•·\u00a0\ufffd"
	for name, data := range map[string][]byte{"regular": Regular, "bold": Bold, "italic": Italic} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		seen := map[rune]bool{}
		for _, r := range text {
			if r < 0x20 || seen[r] {
				continue
			}
			seen[r] = true
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				t.Errorf("%s: no glyph for %U %q", name, r, r)
			}
		}
	}
}
