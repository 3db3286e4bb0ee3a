package layout

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"github.com/pomi-planner/pomi/report/fonts"
)

// Faces a rune is drawn in: the plan's typeface or a fallback.
const (
	FaceNone    = -1
	FaceMain    = 0 // Noto Sans, in the style the text asks for
	FaceSymbols = 1 // Symbola subset: symbols and emoji
	FaceCJK     = 2 // Droid Sans Fallback subset: Chinese and Japanese
)

// coverage marks, per face, the runes it has a glyph for. The main face
// counts a rune only when regular, bold and italic all have it, since a
// text may be set in any of the three.
var coverage = sync.OnceValue(func() [3]*[0x10000]bool {
	return [3]*[0x10000]bool{
		covered(fonts.Regular, fonts.Bold, fonts.Italic),
		covered(fonts.Symbols),
		covered(fonts.CJK),
	}
})

func covered(data ...[]byte) *[0x10000]bool {
	var faces []*sfnt.Font
	for _, d := range data {
		f, err := sfnt.Parse(d)
		if err != nil {
			panic("report: embedded font: " + err.Error()) // a broken build, caught by every test
		}
		faces = append(faces, f)
	}
	var buf sfnt.Buffer
	var has [0x10000]bool
	for r := rune(0x20); r < 0x10000; r++ {
		has[r] = true
		for _, f := range faces {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				has[r] = false
				break
			}
		}
	}
	return &has
}

// FaceFor is the face that draws r: the plan's typeface when it has the
// glyph, else the first fallback that has it, else FaceNone. Line breaks
// and the soft hyphen are not drawn and count as the main face; U+FFFD
// (also what an invalid byte decodes to) is never drawn.
func FaceFor(r rune) int {
	if r == '\n' || r == '\u00AD' {
		return FaceMain
	}
	if r < 0 || r >= 0x10000 || r == utf8.RuneError {
		return FaceNone
	}
	for face, has := range coverage() {
		if has[r] {
			return face
		}
	}
	return FaceNone
}

// hasGlyph says whether some embedded face can draw r.
func hasGlyph(r rune) bool { return FaceFor(r) != FaceNone }

// emojiPUA are the emoji above U+FFFF that the symbols face holds in the
// Private Use Area (fonts/subset-fallback.py): fpdf indexes glyphs by a
// 16-bit code and cannot take them where Unicode has them.
var emojiPUA = []struct{ first, last, pua rune }{
	{0x1F300, 0x1F64F, 0xE000},
	{0x1F680, 0x1F6FF, 0xE400},
	{0x1F900, 0x1F9FF, 0xE500},
}

// toDrawable moves an emoji above U+FFFF to where the symbols face has it;
// other runes stay as they are.
func toDrawable(r rune) rune {
	for _, m := range emojiPUA {
		if r >= m.first && r <= m.last {
			return m.pua + r - m.first
		}
	}
	return r
}

// FromDrawable undoes toDrawable.
func FromDrawable(r rune) rune {
	for _, m := range emojiPUA {
		if r >= m.pua && r <= m.pua+m.last-m.first {
			return m.first + r - m.pua
		}
	}
	return r
}
