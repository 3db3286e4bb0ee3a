package render

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/pomi-planner/pomi/internal/pdftest"
	"github.com/pomi-planner/pomi/report/layout"
)

// renderFile renders doc to a PDF in a temp dir, validates it with pdfcpu and
// returns its path. Every rendered test PDF goes through here, so every one
// is checked for structure. With RENDER_DIR set, a copy of each is kept there.
func renderFile(t testing.TB, doc *layout.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(doc, &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return pdftest.File(t, buf.Bytes())
}

// assertOutline checks the bookmarks (one per section, in order, at the right
// page), the language and that the viewer opens with the outline shown.
func assertOutline(t *testing.T, path string, doc *layout.Document) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bms, err := api.Bookmarks(f, pdftest.Config())
	if err != nil {
		t.Fatalf("bookmarks: %v", err)
	}
	var got []string
	for _, b := range bms {
		got = append(got, fmt.Sprintf("%s@%d", b.Title, b.PageFrom))
	}
	want := []string{"1. Sammanfattning@2", "2. Nuläge och mål@3", "3. Handlingsplan@4", "4. Underskrifter@4"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outline %q, want %q", got, want)
	}
	raw, _ := os.ReadFile(path)
	for _, want := range []string{"/Lang (" + doc.Language + ")", "/PageMode /UseOutlines"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("catalog lacks %s", want)
		}
	}
}

// setEveryString puts s into every string of doc that is drawn.
func setEveryString(doc *layout.Document, s string) {
	doc.Meta.Title, doc.Meta.Author, doc.Meta.Subject, doc.Meta.Keywords, doc.Meta.Creator = s, s, s, s, s
	doc.Language = s
	c := &doc.Cover
	c.Title, c.Company, c.Date, c.Prepared, c.Confidential = s, s, s, s, s
	c.Lines, c.Advisor = []string{s, s}, []string{s, s}
	doc.Header, doc.Footer.Left, doc.Footer.PageLabel = s, s, s+" {page}/{pages}"
	for i := range doc.Sections {
		sec := &doc.Sections[i]
		sec.Title = s
		for j := range sec.Blocks {
			b := &sec.Blocks[j]
			b.Text = s
			for k := range b.Items {
				b.Items[k] = s
			}
			for k := range b.Pairs {
				b.Pairs[k] = layout.Pair{Key: s, Value: s}
			}
			if b.Table != nil {
				b.Table.Empty, b.Table.Legend = s, []string{s}
				for k := range b.Table.Columns {
					b.Table.Columns[k].Title = s
				}
				for _, row := range b.Table.Rows {
					for k := range row {
						row[k].Text, row[k].Sub = s, s
					}
				}
			}
			if b.Radar != nil {
				for k := range b.Radar.Axes {
					b.Radar.Axes[k] = s
				}
				for k := range b.Radar.Series {
					b.Radar.Series[k].Label = s
				}
			}
			for k := range b.Signatures {
				b.Signatures[k] = layout.Signature{Role: s, Name: s, Date: s, Sign: s}
			}
		}
	}
}
