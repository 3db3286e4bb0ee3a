package portfolio

import (
	"testing"
)

// TestFoldLatinMatchesNormalisation proves Fold's rune-by-rune path gives
// what decomposing, dropping the marks and composing again gives: every
// Latin letter it knows alone, beside ASCII, and beside every other such
// letter of Latin-1 and Latin Extended-A; text it does not know goes the slow way.
func TestFoldLatinMatchesNormalisation(t *testing.T) {
	var letters []rune
	for r := rune(latinFirst); r <= latinLast; r++ {
		letters = append(letters, r)
	}
	check := func(s string) {
		t.Helper()
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
	for _, a := range letters {
		check(string(a))
		check("Ab" + string(a) + "Z 9")
		for _, b := range letters[:0x180-latinFirst] { // beside Latin-1 and Extended-A
			check(string([]rune{a, b}))
		}
	}
	for _, s := range []string{"Malmö Möbler AB", "ÅSA ÖRJAN", "Ängelholm", "e\u0301clair", "Straße", "İstanbul",
		"ǅemal", "ﬁne", "Ωmega", "x\xffy", "日本", "\uFFFD", "Ⓐ"} {
		check(s)
	}
	if _, ok := foldLatin("e\u0301"); ok {
		t.Error("a combining mark took the rune-by-rune path")
	}
}
