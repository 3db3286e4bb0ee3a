package layout

import (
	"testing"
	"unicode/utf8"
)

func TestSanitizeKeepsWhatThePDFCanShow(t *testing.T) {
	cases := map[string]string{
		"Åsa Öberg – ”offert” 1 234,5": "Åsa Öberg – ”offert” 1 234,5",
		"emoji 😀 here":                 "emoji \uE300 here",
		"★ 中文 ✓ ≤ 5":                   "★ 中文 ✓ ≤ 5",
		"한국 🪐 x":                       "  x",
		"lost \uFFFD sign":             "lost  sign",
		"a\tb\r\nc\rd":                 "a b\nc\nd",
		"nul\x00bell\x07zw\u200bj":     "nulbellzwj",
		"bad \xff utf8":                "bad  utf8",
	}
	for in, want := range cases {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SanitizeLine("två\nrader"); got != "två rader" {
		t.Errorf("SanitizeLine: %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"Åsa", "😀", "\x00\r\n\t", "\xff\xfe", "\u202e\u00ad"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if r > 0xFFFF || (r < 0x20 && r != '\n') || r == 0x7f || !hasGlyph(r) {
				t.Fatalf("rune %U left in %q", r, out)
			}
		}
		if Sanitize(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}
