package ui

// What the window says about faults, in both languages, for
// docs/reliability.md: a database that cannot be opened (another copy, a
// newer app, a damaged file, a folder that is a file), an invalid org.nr,
// hostile text typed into the profile, logos that cannot be used and a plan
// that cannot be saved.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// storeFault is one way the database fails to open: its folder, the error,
// the message the recovery screen shows and whether it offers a restore.
type storeFault struct {
	dir     string
	err     error
	msgID   string
	restore bool
}

// storeFaults makes each way the database can fail to open, each in its own
// folder.
func storeFaults(t *testing.T) map[string]storeFault {
	t.Helper()
	ctx := context.Background()
	open := func(dir string) error {
		s, err := store.Open(ctx, dir)
		if err == nil {
			s.Close()
			t.Fatalf("%s opened", dir)
		}
		return err
	}
	faults := map[string]storeFault{}

	locked := t.TempDir()
	held, err := store.Open(ctx, locked)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { held.Close() })
	if _, err := held.BackupNow(ctx, "manual"); err != nil { // a backup that must not be offered
		t.Fatal(err)
	}
	faults["another copy runs"] = storeFault{locked, open(locked), "ui.store.locked", false}

	newer := t.TempDir()
	s, err := store.Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(ctx, "manual"); err != nil { // a backup that must not be offered
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", filepath.Join(newer, store.DatabaseName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	faults["written by a newer app"] = storeFault{newer, open(newer), "ui.store.newer", false}

	damaged, damagedErr := recoveryDamaged(t) // with a backup
	faults["damaged, with a backup"] = storeFault{damaged, damagedErr, "ui.recovery.corrupt", true}

	bare := t.TempDir()
	if err := os.WriteFile(filepath.Join(bare, store.DatabaseName), []byte("inte en databas"), 0o600); err != nil {
		t.Fatal(err)
	}
	faults["damaged, no backup"] = storeFault{bare, open(bare), "ui.store.corrupt", false}

	// Gone beside its backups (a killed restore, a sync client): refused,
	// said so, and the backups offered (issue 12, finding 2).
	missing := t.TempDir()
	s, err = store.Open(ctx, missing)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, f := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(filepath.Join(missing, store.DatabaseName+f)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	faults["missing, with a backup"] = storeFault{missing, open(missing), "ui.recovery.missing", true}

	// Gone on the first day, before any backup: the folder's mark says a
	// database was made, so this is no first start either.
	lost := t.TempDir()
	if s, err = store.Open(ctx, lost); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(filepath.Join(lost, store.DatabaseName))
	faults["missing, no backup"] = storeFault{lost, open(lost), "ui.recovery.missing_none", false}

	file := filepath.Join(t.TempDir(), "POMI Planner")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	faults["the folder is a file"] = storeFault{file, open(file), "ui.store.failed", false}
	return faults
}

func TestEveryStoreFaultIsExplainedInBothLanguages(t *testing.T) {
	test.NewTempApp(t)
	for name, f := range storeFaults(t) {
		for _, lang := range locales.Languages() {
			loc := locales.MustNew(lang)
			w := test.NewTempWindow(t, NewRecoveryScreen(loc, f.err, f.dir, func() {}))
			want := loc.T(f.msgID)
			if strings.HasPrefix(want, "ui.") || !containsText(w.Content(), want) {
				t.Errorf("%s, %s: the screen does not say %q", name, lang, want)
			}
			if !containsText(w.Content(), f.dir) {
				t.Errorf("%s, %s: the screen does not show the data folder", name, lang)
			}
			if got := len(recoveryButtons(w.Content(), loc.T("ui.recovery.restore"))) > 0; got != f.restore {
				t.Errorf("%s, %s: restore offered %v, want %v", name, lang, got, f.restore)
			}
			if len(recoveryButtons(w.Content(), loc.T("ui.recovery.retry"))) != 1 {
				t.Errorf("%s, %s: no way to try again", name, lang)
			}
		}
	}
}

func TestAnInvalidOrgNrIsExplainedInBothLanguagesAndNotStored(t *testing.T) {
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		v, s, st, _ := profileOnSession(t, lang, false, "Orgnr "+lang)
		e, note := v.entries["org_nr"], v.notes["org_nr"]
		e.SetText("556036-0793")
		for in, id := range map[string]string{
			"556036-079":    "error.orgnr_format",
			"55603607AB":    "error.orgnr_format",
			"556036-0794":   "error.orgnr_checksum",
			"16556036-0794": "error.orgnr_checksum",
		} {
			e.SetText(in)
			e.FocusLost() // the reason shows once the user leaves the field
			if want := loc.T(id); note.Text != want || e.Validate() == nil {
				t.Errorf("%s %q: the note says %q, want %q", lang, in, note.Text, want)
			}
		}
		if got := profileStored(t, s, st).OrgNr; got != "556036-0793" {
			t.Errorf("%s: stored org.nr %q, want the last valid one", lang, got)
		}
	}
}

// Emoji and other characters the PDF cannot show, typed into the profile,
// are saved as typed and the plan made from them is a valid PDF.
func TestHostileTextTypedIntoTheProfileReachesThePlanSafely(t *testing.T) {
	docs := t.TempDir()
	reportStepUseFolder(t, docs)
	v, s, st, _ := profileOnSession(t, "sv", false, "Start AB")
	name := "Raket 🚀 Snickeri\u202e AB\u200b"
	v.entries["name"].SetText(name)
	v.entries["industry"].SetText("Möbler 😀 och 漢字")
	if got := profileStored(t, s, st); got.Name != name {
		t.Fatalf("stored name %q", got.Name)
	}
	// A pasted bell or NUL cannot be stored: the field says so and the
	// last good name stays.
	for _, bad := range []string{"Namn\aAB", "Namn\x00AB", "Namn\x1b[31mAB"} {
		e := v.entries["name"]
		e.SetText(bad)
		e.FocusLost()
		if want := "Texten innehåller tecken som inte kan sparas."; v.notes["name"].Text != want {
			t.Errorf("%q: the note says %q, want %q", bad, v.notes["name"].Text, want)
		}
	}
	if got := profileStored(t, s, st); got.Name != name {
		t.Fatalf("stored name %q after control characters", got.Name)
	}
	v.entries["name"].SetText(name)
	rv := newReportStepView(s)
	rv.Export()
	if !rv.result.Visible() {
		t.Fatalf("no plan: %q", rv.problem.Text)
	}
	pdfs, _ := filepath.Glob(filepath.Join(docs, reportStepFolderName, "*.pdf"))
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
	reportStepPDFHas(t, pdfs[0], "Raket")
}

func TestLogosAndPlansThatCannotBeUsedAreExplainedInBothLanguages(t *testing.T) {
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		docs := t.TempDir()
		v, s, st, _ := reportOnExample(t, lang, docs)
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
			if want := loc.T(c.id); v.logoNote.Text != want {
				t.Errorf("%s, logo %s: says %q, want %q", lang, what, v.logoNote.Text, want)
			}
		}
		if logo, _ := st.Logo(context.Background(), s.CompanyID()); logo != nil {
			t.Errorf("%s: a refused logo was stored", lang)
		}
		blocker := filepath.Join(docs, "fil")
		os.WriteFile(blocker, []byte("x"), 0o600)
		v.setFolder(blocker)
		v.Export()
		if want := loc.T("report.error.write"); !v.problem.Visible() || v.problem.Text != want || v.result.Visible() {
			t.Errorf("%s: a folder that is a file says %q, want %q", lang, v.problem.Text, want)
		}
		if got, _ := os.ReadFile(blocker); string(got) != "x" {
			t.Errorf("%s: the file in the way was changed", lang)
		}
	}
}

// hugeClaimPNG is a valid 40×20 PNG whose header claims 65,536×65,536 pixels.
func hugeClaimPNG(t *testing.T) []byte {
	t.Helper()
	out := append([]byte(nil), reportStepTestPNG(t)...)
	// 8 bytes signature, 4 length, 4 "IHDR", then width and height; the
	// chunk's checksum covers "IHDR" and its 13 bytes of data.
	copy(out[16:24], []byte{0, 1, 0, 0, 0, 1, 0, 0})
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}
