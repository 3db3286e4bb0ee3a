package render

import (
	"bytes"
	"crypto/sha256"
	"strings"

	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Font family and styles as registered with fpdf; one typeface keeps the
// plan calm, weight and size do the rest. The family name is long on
// purpose: tagSubsets overwrites fpdf's font names in place and needs room.
const (
	fontFamily   = "noto-sans-pomi-subset"
	styleRegular = ""
	styleBold    = "B"
	styleItalic  = "I"
)

// Font sizes in points: a clear scale from footnote to cover title.
const (
	sizeTitle   = 26.0 // cover title
	sizeCompany = 20.0 // company name on the cover
	sizeH1      = 17.0 // section title
	sizeH2      = 12.5 // subheading
	sizeLead    = 11.5 // opening sentence of a section
	sizeBody    = 10.0
	sizeTable   = 9.0
	sizeMuted   = 9.0
	sizeSmall   = 8.0 // sources, legends, sub-lines
	sizeTiny    = 7.0 // chart value labels
	sizeRunning = 8.0 // header and footer
	lineFactor  = 1.4 // line height as a multiple of the font size
	tableFactor = 1.3 // tables are a little tighter than running text
	ptToMM      = 25.4 / 72
)

// lineHeight is the height in mm of a line of text at size points.
func lineHeight(size, factor float64) float64 {
	return size * ptToMM * factor
}

// faceNames are the PostScript names of the embedded faces, by fpdf style.
var faceNames = map[string]string{
	styleRegular: "NotoSans-Regular",
	styleBold:    "NotoSans-Bold",
	styleItalic:  "NotoSans-Italic",
}

// tagSubsets renames fpdf's embedded fonts from "/utf8<family><style>" to
// "/ABCDEF+NotoSans-Bold". fpdf does embed only the glyphs used, but names
// the fonts without the six-letter subset tag that PDF 32000-1 §9.6.4 asks
// for, so viewers and pdffonts take them for whole fonts. The new name is
// padded with spaces to the old length so every xref offset stays right. The
// tags come from a hash of the document: stable for the same plan, and
// different subsets get different tags.
func tagSubsets(pdf []byte) []byte {
	sum := sha256.Sum256(pdf)
	faces := []struct{ old, name string }{
		{"/utf8" + fontFamily + styleRegular, faceNames[styleRegular]},
		{"/utf8" + fontFamily + styleBold, faceNames[styleBold]},
		{"/utf8" + fontFamily + styleItalic, faceNames[styleItalic]},
		{"/utf8" + fallbackFamily[layout.FaceSymbols], "Symbola"},
		{"/utf8" + fallbackFamily[layout.FaceCJK], "DroidSansFallback"},
	}
	for i, face := range faces {
		old := face.old
		tag := make([]byte, 6)
		for j := range tag {
			tag[j] = 'A' + sum[i*6+j]%26
		}
		name := "/" + string(tag) + "+" + face.name
		if len(name) > len(old) {
			continue // cannot happen with fontFamily as it is; never corrupt
		}
		name += strings.Repeat(" ", len(old)-len(name))
		for _, key := range []string{"/BaseFont ", "/FontName "} {
			pdf = bytes.ReplaceAll(pdf, []byte(key+old+"\n"), []byte(key+name+"\n"))
		}
	}
	return pdf
}

// font is a style, a size in points and a colour.
type font struct {
	style string
	size  float64
	color palette.RGB
}

func (r *renderer) setFont(f font) {
	r.cur = f
	r.pdf.SetFont(fontFamily, f.style, f.size)
	r.pdf.SetTextColor(f.color.R, f.color.G, f.color.B)
}

// wrap breaks s into lines no wider than width in font f. Newlines are kept.
func (r *renderer) wrap(s string, f font, width float64) []string {
	s = strings.TrimRight(layout.Sanitize(s), "\n ")
	if s == "" {
		return nil
	}
	r.setFont(f)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if strings.TrimSpace(para) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, r.breakLines([]rune(para), width)...)
	}
	return out
}

// breakLines breaks one paragraph into lines no wider than width in the
// current font: at a space (dropped) or after a hyphen or slash where it can,
// inside a word where it must, so a 500-letter token or a long URL neither
// overflows nor loops. fpdf's SplitText is not used because it also breaks
// at a no-break space, splitting "070-123 45 67" or "Åsa Öberg".
func (r *renderer) breakLines(runes []rune, width float64) []string {
	var lines []string
	start, brk, w := 0, -1, 0.0
	for i := 0; i < len(runes); i++ {
		w += r.textWidth(string(runes[i]))
		if w > width && i > start {
			end, next := i, i // inside a word
			switch {
			case runes[i] == ' ':
				next = i + 1
			case brk > start && runes[brk] == ' ':
				end, next = brk, brk+1
			case brk > start:
				end, next = brk+1, brk+1
			}
			lines = append(lines, string(runes[start:end]))
			// Rescan from the new line's start: every line is measured whole.
			start, brk, w, i = next, -1, 0, next-1
			continue
		}
		if c := runes[i]; i > start && (c == ' ' || c == '-' || c == '/') {
			brk = i
		}
	}
	if start < len(runes) {
		lines = append(lines, string(runes[start:]))
	}
	return lines
}

// fit shortens s with an ellipsis until it fits width in the current font;
// running headers and footers must stay on one line.
func (r *renderer) fit(s string, width float64) string {
	if r.textWidth(s) <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi { // longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if r.textWidth(string(runes[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// lines wraps s into drawable lines of font f.
func (r *renderer) lines(s string, f font, width, factor float64) []textLine {
	var out []textLine
	for _, t := range r.wrap(s, f, width) {
		out = append(out, textLine{text: t, font: f, h: lineHeight(f.size, factor-tightLine*float64(r.tight))})
	}
	return out
}

// capLines keeps at most n lines of width w, marking a cut with an
// ellipsis: a caption on a form or a cover may not grow without bound.
func (r *renderer) capLines(lines []textLine, n int, w float64) []textLine {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	r.setFont(lines[n-1].font)
	lines[n-1].text = r.fit(strings.TrimRight(lines[n-1].text, " ")+"…", w)
	return lines
}

// totalHeight is the height of lines stacked.
func totalHeight(lines []textLine) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.h
	}
	return h
}

// rule draws a full-width horizontal line at y.
func (r *renderer) rule(y float64, c palette.RGB, w float64) {
	r.pdf.SetDrawColor(c.R, c.G, c.B)
	r.pdf.SetLineWidth(w)
	r.pdf.Line(r.left, y, r.left+r.width, y)
}

// fitBox scales an image of the given aspect into a w×h box, keeping shape.
func fitBox(aspect, w, h float64) (float64, float64) {
	if aspect <= 0 {
		return w, h
	}
	if w/h > aspect {
		return h * aspect, h
	}
	return w, w / aspect
}
