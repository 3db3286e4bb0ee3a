package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app/store"
)

// reportStepUseFolder points the Documents folder at dir for one test.
func reportStepUseFolder(t *testing.T, dir string) {
	t.Helper()
	old := reportStepDocumentsDir
	reportStepDocumentsDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { reportStepDocumentsDir = old })
}

func reportOnExample(t *testing.T, lang, docs string) (*reportStepView, *Session, *store.Store, fyne.Window) {
	t.Helper()
	reportStepUseFolder(t, docs)
	s, st, w := openTestSession(t, lang, true, exampleCompany)
	v := newReportStepView(s)
	w.SetContent(v.Content())
	return v, s, st, w
}

func TestReportExportWritesThePlanInEachLanguage(t *testing.T) {
	for _, tc := range []struct{ ui, report, file string }{
		{"sv", "sv", exampleCompany + " 2026-11-10 handlingsplan.pdf"},
		{"sv", "en", exampleCompany + " 2026-11-10 action plan.pdf"},
	} {
		t.Run(tc.report, func(t *testing.T) {
			docs := t.TempDir()
			v, _, _, _ := reportOnExample(t, tc.ui, docs)
			if v.reportLanguage() != tc.ui {
				t.Fatalf("report language defaults to %s", v.reportLanguage())
			}
			if tc.report != tc.ui {
				v.language.SetSelected("English")
			}
			if v.fileName.Text != tc.file {
				t.Errorf("file name %q, want %q", v.fileName.Text, tc.file)
			}
			v.Export()
			path := filepath.Join(docs, reportStepFolderName, tc.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no plan written: %v (problem %q)", err, v.problem.Text)
			}
			if !bytes.HasPrefix(raw, []byte("%PDF-")) {
				t.Fatal("the file is not a PDF")
			}
			if !v.result.Visible() || !strings.Contains(v.result.Text, path) || !v.buttons.Visible() || v.busy {
				t.Errorf("result %q shown %v, busy %v", v.result.Text, v.result.Visible(), v.busy)
			}
			reportStepPDFHas(t, path, exampleCompany)
		})
	}
}

// reportStepPDFHas checks the PDF's text with pdftotext, when installed.
func reportStepPDFHas(t *testing.T, path, want string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed; text not checked")
		return
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("the PDF does not say %q", want)
	}
}

func TestReportFileNamesAreSafeOnWindows(t *testing.T) {
	for in, want := range map[string]string{
		`A/B: "Bästa" <AB>?`:     "A-B- -Bästa- -AB--",
		"Punkt AB. ":             "Punkt AB",
		"Tab\tbolaget\nAB":       "Tab bolaget AB",
		`C:\Users\x|y*z`:         "C--Users-x-y-z",
		strings.Repeat("å", 300): strings.Repeat("å", 150),
	} {
		if got := reportStepSafeName(in); got != want {
			t.Errorf("reportStepSafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReportABrokenLogoIsRefusedAndAGoodOneStored(t *testing.T) {
	v, s, st, _ := reportOnExample(t, "sv", t.TempDir())
	v.UseLogo([]byte("GIF89a not a logo"))
	if v.logoNote.Text != "Filen är inte en PNG- eller JPEG-bild som går att läsa. Välj en annan fil." {
		t.Errorf("a broken logo says %q", v.logoNote.Text)
	}
	if logo, _ := st.Logo(context.Background(), s.CompanyID()); logo != nil || v.logoImage.Visible() {
		t.Fatal("a broken logo was stored or shown")
	}
	v.UseLogo(reportStepTestPNG(t))
	logo, _ := st.Logo(context.Background(), s.CompanyID())
	if len(logo) == 0 || !v.logoImage.Visible() || v.logoDrop.Disabled() {
		t.Fatalf("a good logo: stored %d bytes, shown %v", len(logo), v.logoImage.Visible())
	}
	v.Export()
	if v.warnings.Visible() || !v.result.Visible() {
		t.Errorf("export with a logo: warnings %q, problem %q", v.warnings.Text, v.problem.Text)
	}
	test.Tap(v.logoDrop)
	if logo, _ := st.Logo(context.Background(), s.CompanyID()); logo != nil || v.logoImage.Visible() {
		t.Error("the logo was not removed")
	}
}

func reportStepTestPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			img.Set(x, y, color.NRGBA{R: 200, G: uint8(x * 6), B: 40, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReportAFolderThatCannotBeMadeSaysSo(t *testing.T) {
	docs := t.TempDir()
	blocker := filepath.Join(docs, "fil")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	v, _, _, _ := reportOnExample(t, "sv", docs)
	v.setFolder(filepath.Join(blocker, "under"))
	v.Export()
	if !v.problem.Visible() || !strings.HasPrefix(v.problem.Text, "Planen gick inte att spara där.") || v.result.Visible() {
		t.Errorf("problem %q shown %v", v.problem.Text, v.problem.Visible())
	}
}

func TestReportMarkup(t *testing.T) {
	_, _, _, w := reportOnExample(t, "sv", "/home/radgivare/Dokument")
	test.AssertRendersToMarkup(t, "report.xml", w.Canvas())
}
