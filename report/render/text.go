package render

import (
	"unicode/utf16"

	"github.com/pomi-planner/pomi/report/fonts"
	"github.com/pomi-planner/pomi/report/layout"
)

// Fallback faces: what Noto Sans lacks is drawn in a fallback face, in runs
// within the line. They are registered with fpdf only when a text needs
// them, so a plan without such characters carries no extra font. The
// family names are long on purpose: tagSubsets renames them in place.
var fallbackFamily = [...]string{layout.FaceSymbols: "pomi-fallback-symbols", layout.FaceCJK: "pomi-fallback-cjk-face"}

var fallbackData = [...][]byte{layout.FaceSymbols: fonts.Symbols, layout.FaceCJK: fonts.CJK}

// run is a stretch of text drawn in one face.
type run struct {
	text string
	face int
}

// plainText says whether the plan's typeface draws all of s.
func plainText(s string) bool {
	for _, c := range s {
		if layout.FaceFor(c) > layout.FaceMain {
			return false
		}
	}
	return true
}

// runs splits s where the face changes; a rune no face has (Sanitize left
// none) stays with the main face.
func runs(s string) []run {
	var out []run
	start, face := 0, layout.FaceMain
	for i, c := range s {
		f := max(layout.FaceFor(c), layout.FaceMain)
		if i > 0 && f != face {
			out = append(out, run{s[start:i], face})
			start = i
		}
		face = f
	}
	if start < len(s) {
		out = append(out, run{s[start:], face})
	}
	return out
}

// useFace makes face current at the current font's size; the main face
// in the current font's style.
func (r *renderer) useFace(face int) {
	if face <= layout.FaceMain {
		r.pdf.SetFont(fontFamily, r.cur.style, r.cur.size)
		return
	}
	if !r.fallbacks[face] {
		r.pdf.AddUTF8FontFromBytes(fallbackFamily[face], "", fallbackData[face])
		r.fallbacks[face] = true
	}
	r.pdf.SetFont(fallbackFamily[face], "", r.cur.size)
}

// textWidth is the width of s in mm in the current font, fallbacks
// included.
func (r *renderer) textWidth(s string) float64 {
	if plainText(s) {
		return r.pdf.GetStringWidth(s)
	}
	w := 0.0
	for _, rn := range runs(s) {
		r.useFace(rn.face)
		w += r.pdf.GetStringWidth(rn.text)
	}
	r.useFace(layout.FaceMain)
	return w
}

// cell draws s in a w×h box at x, y with fpdf's alignment ("LM", "CM",
// "RM"), each run in its face.
func (r *renderer) cell(x, y, w, h float64, s, align string) {
	r.pdf.SetXY(x, y)
	if plainText(s) {
		r.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
		return
	}
	cx := x
	switch align[0] {
	case 'C':
		cx += (w - r.textWidth(s)) / 2
	case 'R':
		cx += w - r.textWidth(s)
	}
	for _, rn := range runs(s) {
		r.useFace(rn.face)
		rw := r.pdf.GetStringWidth(rn.text)
		r.pdf.SetXY(cx, y)
		r.pdf.CellFormat(rw, h, rn.text, "", 0, "LM", false, 0, "")
		cx += rw
	}
	r.useFace(layout.FaceMain)
	r.pdf.SetXY(x+w, y)
}

// metaText is a document-information string as UTF-16BE with a byte order
// mark, for fpdf to write as it is. The viewer shows it in its own fonts,
// so an emoji goes back from the Private Use Area to its real code point,
// as a surrogate pair, which fpdf's own conversion cannot write.
func metaText(s string) string {
	var units []rune
	for _, c := range layout.SanitizeLine(s) {
		units = append(units, layout.FromDrawable(c))
	}
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode(units) {
		out = append(out, byte(u>>8), byte(u))
	}
	return string(out)
}
