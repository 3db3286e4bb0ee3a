package help

import (
	"os"
	"path/filepath"
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

// text is all the text a help page shows, one piece a line.
func text(t *testing.T, o fyne.CanvasObject) string {
	t.Helper()
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			segmentsText(&b, v.Segments)
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

func segmentsText(b *strings.Builder, segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch v := s.(type) {
		case *widget.TextSegment:
			b.WriteString(v.Text + "\n")
		case *widget.ParagraphSegment:
			segmentsText(b, v.Texts)
		case *widget.ListSegment:
			segmentsText(b, v.Items)
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
				"nivå 4", "Direkt export", "Produktion, Distribution", "Knight, G. A. & Kim, D. (2009)", "Katwalo, A. M. (2006)",
				"E-handel *", "inte Katwalos tabell 11", "tabell 11; Katwalo 2006: 94"},
			[]string{"Ctrl+N", "Nytt företag", "Ctrl+, (komma)", "Skift+Tabb", "Esc"},
			[]string{"Version " + app.Version, "Fyne – BSD-3-Clause", "Noto Sans – SIL Open Font License 1.1", "Leona Achtenhagen", "Inställningar",
				"POMI Planner är licensierat under Apache License 2.0", "filen LICENSE", "THIRD_PARTY_NOTICES"}},
		{"en", []string{"The POMI model", "Keyboard shortcuts", "About POMI Planner"},
			[]string{"The four POMI dimensions", "P – Personal international orientation", "Gap = target – score",
				"level 4", "Exporting (direct)", "Knight, G. A. & Kim, D. (2009)"},
			[]string{"Ctrl+E", "Export the plan as PDF", "Shift+Tab"},
			[]string{"Version " + app.Version, "go-i18n – MIT", "SQLite – public domain", "Internationalization competence of SMEs",
				"POMI Planner is licensed under the Apache License 2.0", "file LICENSE", "THIRD_PARTY_NOTICES"}},
	} {
		h := newScreen(locales.MustNew(c.lang), d)
		if len(h.tabs.Items) != 3 {
			t.Fatalf("%s: %d tabs", c.lang, len(h.tabs.Items))
		}
		for i, want := range [][]string{c.method, c.keys, c.about} {
			if h.tabs.Items[i].Text != c.tabs[i] {
				t.Errorf("%s: tab %d is %q, want %q", c.lang, i, h.tabs.Items[i].Text, c.tabs[i])
			}
			text := text(t, h.tabs.Items[i].Content)
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
		grid := shortcutsFor(loc, goos)[1].(*fyne.Container)
		if got := grid.Objects[0].(*widget.Label).Text; got != want {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

func TestHelpMarkup(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, NewScreen(locales.MustNew("sv"), ref.MustLoad()))
	w.Resize(fyne.NewSize(1100, 720))
	test.AssertRendersToMarkup(t, "help.xml", w.Canvas())
}

// TestHelpLicencesAgreeWithTheNotices holds the About page's short list to
// THIRD_PARTY_NOTICES, which tools/notices generates from the licence texts:
// each module named must have a section there whose licence starts with the
// one the page shows.
func TestHelpLicencesAgreeWithTheNotices(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "THIRD_PARTY_NOTICES"))
	if err != nil {
		t.Fatal(err)
	}
	notices := string(b)
	modules := map[string][]string{
		"Fyne":                                 {"Module: fyne.io/fyne/v2 "},
		"fpdf (codeberg.org/go-pdf/fpdf)":      {"Module: codeberg.org/go-pdf/fpdf "},
		"modernc.org/sqlite, modernc.org/libc": {"Module: modernc.org/sqlite ", "Module: modernc.org/libc "},
		"go-i18n":                              {"Module: github.com/nicksnyder/go-i18n/v2 "},
		"BurntSushi/toml":                      {"Module: github.com/BurntSushi/toml "},
		"golang.org/x/text, x/image, x/sys":    {"Module: golang.org/x/text ", "Module: golang.org/x/image ", "Module: golang.org/x/sys "},
		"Noto Sans":                            {"Component: Noto Sans fonts"},
	}
	spdx := map[string]string{"SIL Open Font License 1.1": "OFL-1.1"}
	for _, l := range licenceList {
		titles, ok := modules[l[0]]
		if !ok {
			t.Errorf("%q: say which module it is in this test", l[0])
		}
		want := l[1]
		if id, ok := spdx[want]; ok {
			want = id
		}
		for _, title := range titles {
			_, rest, found := strings.Cut(notices, "\n"+title)
			if !found {
				t.Errorf("%q: no section %q in THIRD_PARTY_NOTICES", l[0], title)
				continue
			}
			_, rest, _ = strings.Cut(rest, "\nLicence: ")
			if !strings.HasPrefix(rest, want) {
				t.Errorf("%q: the About page says %s, THIRD_PARTY_NOTICES says %.40s", l[0], l[1], rest)
			}
		}
	}
}
