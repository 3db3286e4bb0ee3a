package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes user text safe for the PDF renderer. fpdf's UTF-8 fonts index
// a table of 65,536 glyphs and panic on a rune above U+FFFF (an emoji pasted
// into a note), and control characters draw as boxes or break the layout. So:
// tabs become a space, CR LF and lone CR become LF, a few symbols become
// stand-ins the typeface has (≤ becomes <=), and everything the typeface
// cannot draw is left out — invalid UTF-8, runes above U+FFFF, symbols and
// scripts Noto Sans lacks, control and format characters — rather than
// print as "�" or an empty box. Newlines survive: paragraphs keep their
// breaks. LeftOut tells which characters a text loses.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\t':
			b.WriteByte(' ')
		case standIns[r] != "":
			b.WriteString(standIns[r])
		case isSilent(r), !hasGlyph(toDrawable(r)): // an invalid byte decodes to U+FFFD
			// dropped: see LeftOut for the ones a reader would miss
		default:
			b.WriteRune(toDrawable(r))
		}
	}
	return b.String()
}

// isSilent is a character that is dropped without anyone missing it:
// zero-width and direction marks, NUL, bell and other controls.
func isSilent(r rune) bool {
	return r != '\n' && r != '\t' && r != '\r' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u00AD')
}

// LeftOut adds to seen the visible characters of s that Sanitize leaves out
// because no embedded font can draw them (emoji, symbols, other scripts);
// an invalid byte counts as U+FFFD.
func LeftOut(s string, seen map[rune]bool) {
	for _, r := range s {
		if standIns[r] == "" && !isSilent(r) && r != '\t' && r != '\r' && !hasGlyph(toDrawable(r)) {
			seen[r] = true
		}
	}
}

// SanitizeLine is Sanitize for text that must stay on one line (a name in a
// header): line breaks become spaces.
func SanitizeLine(s string) string {
	return strings.ReplaceAll(Sanitize(s), "\n", " ")
}

// standIns replace characters with ones the plan's typeface has, where
// that reads better than a symbol from a fallback face.
var standIns = map[rune]string{
	'\u2212': "–", // minus sign: Swedish typography writes an en dash
	'\u25CF': "•", // ●, as the plan's own bullets
}

func isClean(s string) bool {
	for _, r := range s {
		if standIns[r] != "" || r == '\t' || r == '\r' || r > 0xFFFF || isSilent(r) || !hasGlyph(r) {
			return false
		}
	}
	return true
}

// SanitizeDocument runs every text of doc through Sanitize; the cover's and
// the running lines' texts must also stay on one line. It returns the
// characters that were left out because no font has them, in order.
func SanitizeDocument(doc *Document) []rune {
	c := &cleaner{seen: map[rune]bool{}}
	m := &doc.Meta
	for _, s := range []*string{&m.Title, &m.Author, &m.Subject, &m.Keywords, &m.Creator,
		&doc.Header, &doc.Footer.Left, &doc.Footer.PageLabel, &doc.Brand.Organisation} {
		*s = c.line(*s)
	}
	cv := &doc.Cover
	for _, s := range []*string{&cv.Title, &cv.Company, &cv.Date, &cv.Prepared, &cv.Confidential} {
		*s = c.text(*s)
	}
	c.all(cv.Lines)
	c.all(cv.Advisor)
	for i := range doc.Sections {
		sec := &doc.Sections[i]
		sec.Title = c.line(sec.Title)
		for j := range sec.Blocks {
			c.block(&sec.Blocks[j])
		}
	}
	var out []rune
	for r := range c.seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// cleaner sanitizes texts and remembers what they lost.
type cleaner struct{ seen map[rune]bool }

func (c *cleaner) text(s string) string {
	LeftOut(s, c.seen)
	return Sanitize(s)
}

func (c *cleaner) line(s string) string {
	LeftOut(s, c.seen)
	return SanitizeLine(s)
}

func (c *cleaner) block(bl *Block) {
	bl.Text = c.text(bl.Text)
	c.all(bl.Items)
	for i := range bl.Pairs {
		bl.Pairs[i].Key, bl.Pairs[i].Value = c.text(bl.Pairs[i].Key), c.text(bl.Pairs[i].Value)
	}
	if t := bl.Table; t != nil {
		for i := range t.Columns {
			t.Columns[i].Title = c.text(t.Columns[i].Title)
		}
		for _, row := range t.Rows {
			for i := range row {
				row[i].Text, row[i].Sub = c.text(row[i].Text), c.text(row[i].Sub)
			}
		}
		t.Empty = c.text(t.Empty)
		c.all(t.Legend)
	}
	if r := bl.Radar; r != nil {
		c.all(r.Axes)
		for i := range r.Series {
			r.Series[i].Label = c.line(r.Series[i].Label)
		}
	}
	for i := range bl.Signatures {
		s := &bl.Signatures[i]
		s.Role, s.Name, s.Date, s.Sign = c.text(s.Role), c.text(s.Name), c.text(s.Date), c.text(s.Sign)
	}
}

func (c *cleaner) all(list []string) {
	for i := range list {
		list[i] = c.text(list[i])
	}
}
