package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// renderFile renders doc to a PDF in a temp dir, validates it with pdfcpu and
// returns its path. Every rendered test PDF goes through here, so every one
// is checked for structure. With RENDER_DIR set, a copy of each is kept there.
func renderFile(t testing.TB, doc *Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(doc, &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict // relaxed would pass fpdf's /Count 0 outline quirk
	if err := api.ValidateFile(path, conf); err != nil {
		t.Fatalf("pdfcpu validate: %v", err)
	}
	if dir := os.Getenv("RENDER_DIR"); dir != "" { // keep the PDFs to look at
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".pdf"
		_ = os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644)
	}
	return path
}

// tool runs a poppler or qpdf command on the PDF; the test is skipped when
// the tool is missing (CI installs them).
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pageTexts extracts the text of every page, in layout mode, one string per
// page (pdftotext ends each page with a form feed).
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	out := tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	pages := strings.Split(out, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// pdfInfo returns pdfinfo's fields by name ("Pages", "Title", "Page size").
func pdfInfo(t testing.TB, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(tool(t, "pdfinfo", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// pageCount is pdfinfo's page count.
func pageCount(t testing.TB, path string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo Pages: %v", err)
	}
	return n
}

var spaces = regexp.MustCompile(`\s+`)

// flat collapses runs of white space so wrapped or column-laid text can be
// searched for.
func flat(s string) string { return spaces.ReplaceAllString(s, " ") }

// testPNG makes a w×h 8-bit PNG: a brand-coloured block with a lighter bar,
// enough to see orientation and aspect on a rendered page.
func testPNG(t testing.TB, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			px := c
			if y > h*2/3 || x < w/6 {
				px = color.NRGBA{R: 0xEE, G: 0xC9, B: 0x00, A: 0xFF}
			}
			img.SetNRGBA(x, y, px)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// assertOutline checks the bookmarks (one per section, in order, at the right
// page), the language and that the viewer opens with the outline shown.
func assertOutline(t *testing.T, path string, doc *Document) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bms, err := api.Bookmarks(f, model.NewDefaultConfiguration())
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

// assertFontsEmbedded checks with pdffonts that every font is an embedded
// subset of Noto Sans.
func assertFontsEmbedded(t *testing.T, path string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(lines, "\n"))
	}
	subset := regexp.MustCompile(`^[A-Z]{6}\+NotoSans`)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || !subset.MatchString(f[0]) {
			t.Errorf("font not an embedded Noto subset: %q", l)
		}
	}
}

// setEveryString puts s into every string of doc that is drawn.
func setEveryString(doc *Document, s string) {
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
				b.Pairs[k] = Pair{Key: s, Value: s}
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
				b.Signatures[k] = Signature{Role: s, Name: s, Date: s, Sign: s}
			}
		}
	}
}
