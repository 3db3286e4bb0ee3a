package reportstep

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app/store"
)

// useFolder points s's Documents folder at dir.
func useFolder(s *session.Session, dir string) {
	s.Deps.DocumentsDir = func() (string, error) { return dir, nil }
}

func onExample(t *testing.T, lang, docs string) (*view, *session.Session, *store.Store, fyne.Window) {
	t.Helper()
	s, st, w := uitest.OpenSession(t, lang, true, uitest.ExampleCompany)
	useFolder(s, docs)
	v := NewView(s)
	w.SetContent(v.Content())
	return v, s, st, w
}

func TestReportExportWritesThePlanInEachLanguage(t *testing.T) {
	for _, tc := range []struct{ ui, report, file string }{
		{"sv", "sv", uitest.ExampleCompany + " 2026-11-10 handlingsplan.pdf"},
		{"sv", "en", uitest.ExampleCompany + " 2026-11-10 action plan.pdf"},
	} {
		t.Run(tc.report, func(t *testing.T) {
			docs := t.TempDir()
			v, _, _, _ := onExample(t, tc.ui, docs)
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
			path := filepath.Join(docs, FolderName, tc.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no plan written: %v (problem %q)", err, v.Problem.Text)
			}
			if !bytes.HasPrefix(raw, []byte("%PDF-")) {
				t.Fatal("the file is not a PDF")
			}
			if !v.Result.Visible() || !strings.Contains(v.Result.Text, path) || !v.buttons.Visible() || v.busy {
				t.Errorf("result %q shown %v, busy %v", v.Result.Text, v.Result.Visible(), v.busy)
			}
			uitest.PDFHas(t, path, uitest.ExampleCompany)
		})
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
		if got := safeName(in); got != want {
			t.Errorf("reportStepSafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReportABrokenLogoIsRefusedAndAGoodOneStored(t *testing.T) {
	v, s, st, _ := onExample(t, "sv", t.TempDir())
	v.UseLogo([]byte("GIF89a not a logo"))
	if v.LogoNote.Text != "Filen är inte en PNG- eller JPEG-bild som går att läsa. Välj en annan fil." {
		t.Errorf("a broken logo says %q", v.LogoNote.Text)
	}
	if logo, _ := st.Logo(context.Background(), s.CompanyID()); logo != nil || v.logoImage.Visible() {
		t.Fatal("a broken logo was stored or shown")
	}
	v.UseLogo(uitest.PNG(t))
	logo, _ := st.Logo(context.Background(), s.CompanyID())
	if len(logo) == 0 || !v.logoImage.Visible() || v.logoDrop.Disabled() {
		t.Fatalf("a good logo: stored %d bytes, shown %v", len(logo), v.logoImage.Visible())
	}
	v.Export()
	if v.warnings.Visible() || !v.Result.Visible() {
		t.Errorf("export with a logo: warnings %q, problem %q", v.warnings.Text, v.Problem.Text)
	}
	test.Tap(v.logoDrop)
	if logo, _ := st.Logo(context.Background(), s.CompanyID()); logo != nil || v.logoImage.Visible() {
		t.Error("the logo was not removed")
	}
}

func TestReportAFolderThatCannotBeMadeSaysSo(t *testing.T) {
	docs := t.TempDir()
	blocker := filepath.Join(docs, "fil")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	v, _, _, _ := onExample(t, "sv", docs)
	v.SetFolder(filepath.Join(blocker, "under"))
	v.Export()
	if !v.Problem.Visible() || !strings.HasPrefix(v.Problem.Text, "Planen gick inte att spara där.") || v.Result.Visible() {
		t.Errorf("problem %q shown %v", v.Problem.Text, v.Problem.Visible())
	}
}

func TestReportMarkup(t *testing.T) {
	_, _, _, w := onExample(t, "sv", "/home/radgivare/Dokument")
	test.AssertRendersToMarkup(t, "report.xml", w.Canvas())
}
