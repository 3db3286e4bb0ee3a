package ui

import (
	"encoding/json"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fyneLangKeep puts Fyne's labels back as they were when the test ends, so
// tests after it see what the environment gives.
func fyneLangKeep(t *testing.T) *[]fyne.Locale {
	t.Helper()
	before := map[string]string{fyneLangProbe: fyneLangShown()}
	for _, k := range fyneLangKeys {
		before[k[0]] = lang.X(k[0], k[0])
	}
	// ApplyFyneLanguage writes under the OS locale; tests add what else it wrote.
	written := []fyne.Locale{lang.SystemLocale()}
	t.Cleanup(func() {
		data, err := json.Marshal(before)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range written {
			if err := lang.AddTranslationsForLocale(data, l); err != nil {
				t.Error(err)
			}
		}
	})
	return &written
}

func TestFyneLabelsFollowTheAppLanguage(t *testing.T) {
	test.NewTempApp(t)
	written := fyneLangKeep(t)
	for _, c := range []struct{ lang, cancel, yes, copy, parent string }{
		{"sv", "Avbryt", "Ja", "Kopiera", "Överordnad mapp"},
		{"en", "Cancel", "Yes", "Copy", "Parent"},
		{"sv", "Avbryt", "Ja", "Kopiera", "Överordnad mapp"},
		{"xx", "Cancel", "Yes", "Copy", "Parent"}, // unknown: the default language
	} {
		*written = append(*written, fyneLangApply(c.lang)...) // ApplyFyneLanguage, telling where it wrote
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
		if !fyneLangCanvasHas(t, w.Canvas().Overlays().Top(), c.yes) {
			t.Errorf("%s: the confirm dialog has no %q button", c.lang, c.yes)
		}
		d.Hide()
	}
}

// fyneLangCanvasHas reports whether a button with text is in o's tree.
func fyneLangCanvasHas(t *testing.T, o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Button:
		return v.Text == text
	case fyne.Widget:
		r := test.TempWidgetRenderer(t, v)
		for _, c := range r.Objects() {
			if fyneLangCanvasHas(t, c, text) {
				return true
			}
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if fyneLangCanvasHas(t, c, text) {
				return true
			}
		}
	}
	return false
}
