package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// helpText is all the text a help page shows, one piece a line.
func helpText(t *testing.T, o fyne.CanvasObject) string {
	t.Helper()
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			helpSegmentsText(&b, v.Segments)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(o)
	return b.String()
}

func helpSegmentsText(b *strings.Builder, segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch v := s.(type) {
		case *widget.TextSegment:
			b.WriteString(v.Text + "\n")
		case *widget.ParagraphSegment:
			helpSegmentsText(b, v.Texts)
		case *widget.ListSegment:
			helpSegmentsText(b, v.Items)
		}
	}
}

func TestHelpPagesInBothLanguages(t *testing.T) {
	test.NewTempApp(t)
	d := ref.MustLoad()
	for _, c := range []struct {
		lang   string
		tabs   []string
		method []string
		keys   []string
		about  []string
	}{
		{"sv", []string{"POMI-modellen", "Kortkommandon", "Om POMI Planner"},
			[]string{"De fyra POMI-dimensionerna", "P – Personlig internationell inställning/erfarenhet", "Gap = mål – poäng",
				"nivå 4", "Direkt export", "Produktion, Distribution", "Knight & Kim 2006", "Katwalo 2006",
				"E-handel *", "inte Katwalos tabell 11", "tabell 11; Katwalo 2006: 94"},
			[]string{"Ctrl+N", "Nytt företag", "Ctrl+, (komma)", "Skift+Tabb", "Esc"},
			[]string{"Version " + app.Version, "Fyne – BSD-3-Clause", "Noto Sans – SIL Open Font License 1.1", "Leona Achtenhagen", "Inställningar"}},
		{"en", []string{"The POMI model", "Keyboard shortcuts", "About POMI Planner"},
			[]string{"The four POMI dimensions", "P – Personal international orientation", "Gap = target – score",
				"level 4", "Exporting (direct)", "Knight & Kim 2006"},
			[]string{"Ctrl+E", "Export the plan as PDF", "Shift+Tab"},
			[]string{"Version " + app.Version, "go-i18n – MIT", "SQLite – public domain", "Internationalization competence of SMEs"}},
	} {
		h := newHelpScreen(locales.MustNew(c.lang), d)
		if len(h.tabs.Items) != 3 {
			t.Fatalf("%s: %d tabs", c.lang, len(h.tabs.Items))
		}
		for i, want := range [][]string{c.method, c.keys, c.about} {
			if h.tabs.Items[i].Text != c.tabs[i] {
				t.Errorf("%s: tab %d is %q, want %q", c.lang, i, h.tabs.Items[i].Text, c.tabs[i])
			}
			text := helpText(t, h.tabs.Items[i].Content)
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: page %q lacks %q", c.lang, c.tabs[i], w)
				}
			}
			if strings.Contains(text, "{{") || strings.Contains(text, "ui.help.") || strings.Contains(text, "report.") {
				t.Errorf("%s: page %q shows a message id or template:\n%s", c.lang, c.tabs[i], text)
			}
		}
	}
}

func TestHelpNamesTheMacCommandKey(t *testing.T) {
	loc := locales.MustNew("en")
	for goos, want := range map[string]string{"darwin": "Cmd+N", "windows": "Ctrl+N", "linux": "Ctrl+N"} {
		grid := helpShortcutsFor(loc, goos)[1].(*fyne.Container)
		if got := grid.Objects[0].(*widget.Label).Text; got != want {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

func TestHelpMarkup(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, NewHelpScreen(locales.MustNew("sv"), ref.MustLoad()))
	w.Resize(fyne.NewSize(1100, 720))
	test.AssertRendersToMarkup(t, "help.xml", w.Canvas())
}
