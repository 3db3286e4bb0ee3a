package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// replacement stands in for a character the PDF cannot show.
const replacement = '\uFFFD'

// Sanitize makes user text safe for the PDF renderer. fpdf's UTF-8 fonts index
// a table of 65,536 glyphs and panic on a rune above U+FFFF (an emoji pasted
// into a note), and control characters draw as boxes or break the layout. So:
// invalid UTF-8 and runes above U+FFFF become U+FFFD, tabs become a space,
// CR LF and lone CR become LF, other control and format characters are
// dropped. Newlines survive: paragraphs keep their breaks.
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
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(replacement)
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r > 0xFFFF:
			b.WriteRune(replacement)
		case standIns[r] != "":
			b.WriteString(standIns[r])
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u00AD':
			// dropped: zero-width and direction marks, NUL, bell, …
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SanitizeLine is Sanitize for text that must stay on one line (a name in a
// header): line breaks become spaces.
func SanitizeLine(s string) string {
	return strings.ReplaceAll(Sanitize(s), "\n", " ")
}

// standIns replace characters Noto Sans (as Fyne ships it) has no glyph
// for, and which people type or our number format writes, with ones it has.
var standIns = map[rune]string{
	'\u2212': "–",  // minus sign: Swedish typography writes an en dash
	'\u2264': "<=", // ≤
	'\u2265': ">=", // ≥
	'\u2192': "->", // →
	'\u2190': "<-", // ←
	'\u2713': "x",  // ✓
	'\u2714': "x",  // ✔
	'\u25CF': "•",  // ●
}

func isClean(s string) bool {
	for _, r := range s {
		if standIns[r] != "" || r == utf8.RuneError || r > 0xFFFF || r == '\t' || r == '\r' ||
			(r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))) {
			return false
		}
	}
	return true
}

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

// sanitizeDocument runs every text of doc through Sanitize; the cover's and
// the running lines' texts must also stay on one line.
func sanitizeDocument(doc *Document) {
	m := &doc.Meta
	for _, s := range []*string{&m.Title, &m.Author, &m.Subject, &m.Keywords, &m.Creator,
		&doc.Header, &doc.Footer.Left, &doc.Footer.PageLabel, &doc.Brand.Organisation} {
		*s = SanitizeLine(*s)
	}
	c := &doc.Cover
	for _, s := range []*string{&c.Title, &c.Company, &c.Date, &c.Prepared, &c.Confidential} {
		*s = Sanitize(*s)
	}
	sanitizeAll(c.Lines)
	sanitizeAll(c.Advisor)
	for i := range doc.Sections {
		sec := &doc.Sections[i]
		sec.Title = SanitizeLine(sec.Title)
		for j := range sec.Blocks {
			sanitizeBlock(&sec.Blocks[j])
		}
	}
}

func sanitizeBlock(bl *Block) {
	bl.Text = Sanitize(bl.Text)
	sanitizeAll(bl.Items)
	for i := range bl.Pairs {
		bl.Pairs[i].Key, bl.Pairs[i].Value = Sanitize(bl.Pairs[i].Key), Sanitize(bl.Pairs[i].Value)
	}
	if t := bl.Table; t != nil {
		for i := range t.Columns {
			t.Columns[i].Title = Sanitize(t.Columns[i].Title)
		}
		for _, row := range t.Rows {
			for i := range row {
				row[i].Text, row[i].Sub = Sanitize(row[i].Text), Sanitize(row[i].Sub)
			}
		}
		t.Empty = Sanitize(t.Empty)
		sanitizeAll(t.Legend)
	}
	if r := bl.Radar; r != nil {
		sanitizeAll(r.Axes)
		for i := range r.Series {
			r.Series[i].Label = SanitizeLine(r.Series[i].Label)
		}
	}
	for i := range bl.Signatures {
		s := &bl.Signatures[i]
		s.Role, s.Name, s.Date, s.Sign = Sanitize(s.Role), Sanitize(s.Name), Sanitize(s.Date), Sanitize(s.Sign)
	}
}

func sanitizeAll(list []string) {
	for i := range list {
		list[i] = Sanitize(list[i])
	}
}
