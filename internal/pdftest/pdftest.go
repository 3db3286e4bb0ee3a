// Package pdftest checks PDFs in tests: it validates a PDF with pdfcpu and
// reads it back with the poppler and qpdf tools (pdftotext, pdfinfo,
// pdffonts, qpdf), skipping a test when a tool is not installed. The report
// packages' tests share it.
package pdftest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// configMu serialises pdfcpu's default configuration: its first call loads
// (and, in a fresh home folder, writes) a package-level configuration
// without a lock, which parallel tests would race on.
var configMu sync.Mutex

// init loads pdfcpu's default configuration before any test runs, so that
// later calls, also those inside pdfcpu's api functions given no
// configuration, only read it.
func init() { Config() }

// Config returns a copy of pdfcpu's default configuration, safe to call
// from parallel tests.
func Config() *model.Configuration {
	configMu.Lock()
	defer configMu.Unlock()
	return model.NewDefaultConfiguration()
}

// File writes pdf to a temp dir, validates it strictly with pdfcpu and
// returns its path. With RENDER_DIR set, a copy is kept there, named after
// the test.
func File(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	conf := Config()
	conf.ValidationMode = model.ValidationStrict // relaxed would pass fpdf's /Count 0 outline quirk
	if err := api.ValidateFile(path, conf); err != nil {
		t.Fatalf("pdfcpu validate: %v", err)
	}
	if dir := os.Getenv("RENDER_DIR"); dir != "" { // keep the PDFs to look at
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".pdf"
		_ = os.WriteFile(filepath.Join(dir, name), pdf, 0o644)
	}
	return path
}

// Tool runs a poppler or qpdf command on the PDF; the test is skipped when
// the tool is missing (CI installs them).
func Tool(t testing.TB, name string, args ...string) string {
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

// PageTexts extracts the text of every page, in layout mode, one string per
// page (pdftotext ends each page with a form feed).
func PageTexts(t testing.TB, path string) []string {
	t.Helper()
	out := Tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	pages := strings.Split(out, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Info returns pdfinfo's fields by name ("Pages", "Title", "Page size").
func Info(t testing.TB, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(Tool(t, "pdfinfo", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// PageCount is pdfinfo's page count.
func PageCount(t testing.TB, path string) int {
	t.Helper()
	n, err := strconv.Atoi(Info(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo Pages: %v", err)
	}
	return n
}

var spaces = regexp.MustCompile(`\s+`)

// Flat collapses runs of white space so wrapped or column-laid text can be
// searched for.
func Flat(s string) string { return spaces.ReplaceAllString(s, " ") }

// PNG makes a w×h 8-bit PNG: a block of colour c with a lighter bar, enough
// to see orientation and aspect on a rendered page.
func PNG(t testing.TB, w, h int, c color.NRGBA) []byte {
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

// AssertFontsEmbedded checks with pdffonts that every font is an embedded
// subset of Noto Sans.
func AssertFontsEmbedded(t testing.TB, path string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(Tool(t, "pdffonts", path)), "\n")
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
