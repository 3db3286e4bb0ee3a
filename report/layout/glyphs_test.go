package layout

import "testing"

func TestFallbackFacesDrawWhatNotoSansLacks(t *testing.T) {
	for r, want := range map[rune]int{'å': FaceMain, '€': FaceMain, '★': FaceSymbols, '✓': FaceSymbols,
		'≤': FaceSymbols, toDrawable('😀'): FaceSymbols, toDrawable('🚀'): FaceSymbols, '中': FaceCJK,
		'の': FaceCJK, '한': FaceNone, '\U0001FA90': FaceNone, '\uFFFD': FaceNone} {
		if got := FaceFor(r); got != want {
			t.Errorf("%q: face %d, want %d", r, got, want)
		}
	}
	if FromDrawable(toDrawable('🍝')) != '🍝' {
		t.Error("the emoji does not come back from the Private Use Area")
	}
}
