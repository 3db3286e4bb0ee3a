package fynelang

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// keep puts Fyne's labels back as they were when the test ends, so tests
// after it see what the environment gives; the test adds to the list the
// locales it wrote under.
func keep(t *testing.T) *[]fyne.Locale {
	t.Helper()
	saved := Save()
	t.Cleanup(func() {
		if err := saved.Restore(); err != nil {
			t.Error(err)
		}
	})
	return &saved.Locales
}

func TestFyneLabelsFollowTheAppLanguage(t *testing.T) {
	test.NewTempApp(t)
	written := keep(t)
	for _, c := range []struct{ lang, cancel, yes, copy, parent string }{
		{"sv", "Avbryt", "Ja", "Kopiera", "Överordnad mapp"},
		{"en", "Cancel", "Yes", "Copy", "Parent"},
		{"sv", "Avbryt", "Ja", "Kopiera", "Överordnad mapp"},
		{"xx", "Cancel", "Yes", "Copy", "Parent"}, // unknown: the default language
	} {
		*written = append(*written, apply(c.lang)...) // ApplyFyneLanguage, telling where it wrote
		if got := lang.L("Cancel"); got != c.cancel {
			t.Errorf("%s: Cancel is %q, want %q", c.lang, got, c.cancel)
		}
		if got := lang.L("Copy"); got != c.copy {
			t.Errorf("%s: Copy is %q, want %q", c.lang, got, c.copy)
		}
		if got := lang.X("file.parent", "Parent"); got != c.parent {
			t.Errorf("%s: file.parent is %q, want %q", c.lang, got, c.parent)
		}
		w := test.NewTempWindow(t, widget.NewLabel(""))
		w.Resize(fyne.NewSize(500, 300))
		d := dialog.NewConfirm("?", "?", func(bool) {}, w)
		d.Show()
		if !canvasHas(t, w.Canvas().Overlays().Top(), c.yes) {
			t.Errorf("%s: the confirm dialog has no %q button", c.lang, c.yes)
		}
		d.Hide()
	}
}

// canvasHas reports whether a button with text is in o's tree.
func canvasHas(t *testing.T, o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Button:
		return v.Text == text
	case fyne.Widget:
		r := test.TempWidgetRenderer(t, v)
		for _, c := range r.Objects() {
			if canvasHas(t, c, text) {
				return true
			}
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if canvasHas(t, c, text) {
				return true
			}
		}
	}
	return false
}
