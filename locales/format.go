package locales

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Number formats v with the given number of decimals in the localizer's
// language: "1 234,5" in Swedish, "1,234.5" in English. The separators are
// messages, so a new language brings its own.
func (l *Localizer) Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		// An en dash, not U+2212: Noto Sans as Fyne ships it, in the window
		// and the PDF, has no glyph for the minus sign.
		b.WriteString("–")
	}
	sep := l.T("format.thousands")
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(l.T("format.decimal"))
		b.WriteString(frac)
	}
	return b.String()
}

// Percent formats v (0–100) as a percentage with the given decimals.
func (l *Localizer) Percent(v float64, decimals int) string {
	return l.Tf("format.percent", map[string]any{"Value": l.Number(v, decimals)})
}

// DateLong formats t as "27 november 2026" / "27 November 2026".
func (l *Localizer) DateLong(t time.Time) string {
	return l.Tf("format.date_long", map[string]any{
		"Day": t.Day(), "Month": l.T("month." + strconv.Itoa(int(t.Month())) + ".long"), "Year": t.Year(),
	})
}

// DateShort formats t as "27 nov. 2026" / "27 Nov 2026".
func (l *Localizer) DateShort(t time.Time) string {
	return l.Tf("format.date_long", map[string]any{
		"Day": t.Day(), "Month": l.T("month." + strconv.Itoa(int(t.Month())) + ".short"), "Year": t.Year(),
	})
}
