package reportstep

// What the report step says about hostile text, logos that cannot be used
// and a plan that cannot be saved, in both languages, for docs/reliability.md.

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
	"github.com/pomi-planner/pomi/ui/profile"
)

// Emoji and other characters the PDF cannot show, typed into the profile,
// are saved as typed and the plan made from them is a valid PDF.
func TestHostileTextTypedIntoTheProfileReachesThePlanSafely(t *testing.T) {
	docs := t.TempDir()
	s, st, w := uitest.OpenSession(t, "sv", false, "Start AB")
	useFolder(s, docs)
	v := profile.Step().Build(s).(*profile.View)
	w.SetContent(v.Content())
	name := "Raket 🚀 Snickeri\u202e AB\u200b"
	v.Entries["name"].SetText(name)
	v.Entries["industry"].SetText("Möbler 😀 och 漢字")
	if got := uitest.StoredCompany(t, s, st); got.Name != name {
		t.Fatalf("stored name %q", got.Name)
	}
	// A pasted bell or NUL cannot be stored: the field says so and the
	// last good name stays.
	for _, bad := range []string{"Namn\aAB", "Namn\x00AB", "Namn\x1b[31mAB"} {
		e := v.Entries["name"]
		e.SetText(bad)
		e.FocusLost()
		if want := "Texten innehåller tecken som inte kan sparas."; v.Notes["name"].Text != want {
			t.Errorf("%q: the note says %q, want %q", bad, v.Notes["name"].Text, want)
		}
	}
	if got := uitest.StoredCompany(t, s, st); got.Name != name {
		t.Fatalf("stored name %q after control characters", got.Name)
	}
	v.Entries["name"].SetText(name)
	rv := NewView(s)
	rv.Export()
	if !rv.Result.Visible() {
		t.Fatalf("no plan: %q", rv.Problem.Text)
	}
	pdfs, _ := filepath.Glob(filepath.Join(docs, FolderName, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("plans written: %v", pdfs)
	}
	raw, _ := os.ReadFile(pdfs[0])
	if !bytes.HasPrefix(raw, []byte("%PDF-")) || !bytes.Contains(raw[len(raw)-16:], []byte("%%EOF")) {
		t.Fatal("not a whole PDF")
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", pdfs[0]).CombinedOutput(); err != nil {
			t.Errorf("qpdf: %v\n%s", err, out)
		}
	}
	uitest.PDFHas(t, pdfs[0], "Raket")
}

func TestLogosAndPlansThatCannotBeUsedAreExplainedInBothLanguages(t *testing.T) {
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		docs := t.TempDir()
		v, s, st, _ := onExample(t, lang, docs)
		for what, c := range map[string]struct {
			logo []byte
			id   string
		}{
			"broken":      {[]byte("\x89PNG\r\n\x1a\n trasig"), "ui.reportstep.logo_format"},
			"over 5 MB":   {make([]byte, report.MaxLogoBytes+1), "ui.reportstep.logo_too_large"},
			"a PDF":       {[]byte("%PDF-1.7\n"), "ui.reportstep.logo_format"},
			"no bytes":    {nil, "ui.reportstep.logo_format"},
			"claims huge": {hugeClaimPNG(t), "ui.reportstep.logo_too_large"},
		} {
			v.UseLogo(c.logo)
			if want := loc.T(c.id); v.LogoNote.Text != want {
				t.Errorf("%s, logo %s: says %q, want %q", lang, what, v.LogoNote.Text, want)
			}
		}
		if logo, _ := st.Logo(context.Background(), s.CompanyID()); logo != nil {
			t.Errorf("%s: a refused logo was stored", lang)
		}
		blocker := filepath.Join(docs, "fil")
		os.WriteFile(blocker, []byte("x"), 0o600)
		v.SetFolder(blocker)
		v.Export()
		if want := loc.T("report.error.write"); !v.Problem.Visible() || v.Problem.Text != want || v.Result.Visible() {
			t.Errorf("%s: a folder that is a file says %q, want %q", lang, v.Problem.Text, want)
		}
		if got, _ := os.ReadFile(blocker); string(got) != "x" {
			t.Errorf("%s: the file in the way was changed", lang)
		}
	}
}

// hugeClaimPNG is a valid 40×20 PNG whose header claims 65,536×65,536 pixels.
func hugeClaimPNG(t *testing.T) []byte {
	t.Helper()
	out := append([]byte(nil), uitest.PNG(t)...)
	// 8 bytes signature, 4 length, 4 "IHDR", then width and height; the
	// chunk's checksum covers "IHDR" and its 13 bytes of data.
	copy(out[16:24], []byte{0, 1, 0, 0, 0, 1, 0, 0})
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}
