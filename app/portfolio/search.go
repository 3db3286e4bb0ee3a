package portfolio

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s and drops its diacritics, as the store's search index
// does (SQLite FTS5 unicode61 with remove_diacritics 2): "Malmö" and
// "MALMO" both fold to "malmo". Bytes that are not UTF-8 become spaces.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	if folded, ok := foldLatin(s); ok {
		return folded
	}
	return foldSlow(s)
}

// foldSlow is Fold by Unicode normalisation: decompose, drop the marks,
// compose again, lower-case.
func foldSlow(s string) string {
	s = strings.ToValidUTF8(s, " ")
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	return strings.ToLower(folded)
}

// latinFirst and latinLast bound the letters foldLatin knows: Latin-1
// Supplement, Latin Extended-A and B (å, ä, ö, é, ü, ø, æ, ß, …).
const latinFirst, latinLast = 0xC0, 0x24F

var (
	latinOnce sync.Once
	// latinFolds holds foldSlow of each rune from latinFirst to latinLast
	// whose fold is one rune, 0 for the others.
	latinFolds [latinLast - latinFirst + 1]rune
)

// foldLatin folds text of ASCII and the Latin letters of latinFolds rune by
// rune, as foldSlow would (each of those letters is one starter and folds
// to one, so nothing composes across letters), without its buffers; false
// for any other text.
func foldLatin(s string) (string, bool) {
	latinOnce.Do(func() {
		for r := rune(latinFirst); r <= latinLast; r++ {
			if f := []rune(foldSlow(string(r))); len(f) == 1 && !unicode.Is(unicode.Mn, r) {
				latinFolds[r-latinFirst] = f[0]
			}
		}
	})
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		case r >= latinFirst && r <= latinLast && latinFolds[r-latinFirst] != 0:
			b.WriteRune(latinFolds[r-latinFirst])
		default: // also utf8.RuneError, for bytes that are not UTF-8
			return "", false
		}
	}
	return b.String(), true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Words splits folded text into words as the store's index does: any rune
// that is neither a letter nor a digit separates words.
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// SearchMatch reports whether every word of search starts a word of one of
// the texts, ignoring case and diacritics, as the store's company search
// does ("holav möb" finds "Holavedens Möbler AB"). An empty search matches.
func SearchMatch(search string, texts ...string) bool {
	return matchWords(Words(search), texts)
}

// matchWords is SearchMatch with the search already split into words.
func matchWords(query []string, texts []string) bool {
	if len(query) == 0 {
		return true
	}
	var words []string
	for _, t := range texts {
		words = append(words, Words(t)...)
	}
	for _, q := range query {
		if !anyPrefix(words, q) {
			return false
		}
	}
	return true
}

func anyPrefix(words []string, prefix string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}
