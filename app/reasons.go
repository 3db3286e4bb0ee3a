package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// JoinReasons writes the reasons a recommendation was chosen as one sentence,
// "Du upplever hindret: …; din bransch: …", for the screens and the CLI, which
// show them on one line. Each reason is written to stand alone (the PDF lists
// them one per line, so they start with a capital); joined, every reason after
// the first starts in lower case, unless its first word is an abbreviation
// such as "IT" or "POMI" that keeps its capitals.
func JoinReasons(reasons []string) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		if r = strings.TrimSpace(r); r == "" {
			continue
		}
		if len(parts) > 0 {
			r = lowerFirstWord(r)
		}
		parts = append(parts, r)
	}
	return strings.Join(parts, "; ")
}

// lowerFirstWord lowers the first letter of s when the word it starts is an
// ordinary capitalised word: a capital not followed by another capital or a
// digit (so "E-handel" is lowered and "EU-regler" and "IT" are not).
func lowerFirstWord(s string) string {
	first, n := utf8.DecodeRuneInString(s)
	second, _ := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsUpper(first) || unicode.IsUpper(second) || unicode.IsDigit(second) {
		return s
	}
	return string(unicode.ToLower(first)) + s[n:]
}
