package desktop

import (
	"errors"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeRunner records the commands run and fails those whose text contains
// one of fail.
type fakeRunner struct {
	ran  []Command
	fail []string
	err  error // what a failing command returns; a plain error if nil
}

func (f *fakeRunner) run(c Command) error {
	f.ran = append(f.ran, c)
	for _, s := range f.fail {
		if strings.Contains(c.String(), s) {
			if f.err != nil {
				return f.err
			}
			return errors.New("exit status 1")
		}
	}
	return nil
}

func (f *fakeRunner) programs() []string {
	var out []string
	for _, c := range f.ran {
		if c.Native != "" {
			out = append(out, c.Native+" "+c.Args[0])
		} else {
			out = append(out, c.Args[0])
		}
	}
	return out
}

func fakeDesktop(goos string, fail ...string) (*Desktop, *fakeRunner) {
	f := &fakeRunner{fail: fail}
	return &Desktop{
		GOOS: goos, Run: f.run, Now: func() time.Time { return time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC) },
		MailClient: func() (string, bool) { return "Microsoft Outlook", true },
	}, f
}

func TestPrintFallsBackToTheViewer(t *testing.T) {
	path, _ := testPDF(t)
	for goos, want := range map[string]string{
		"linux":   "lp,xdg-open",
		"darwin":  "lp,open",
		"windows": "ShellExecuteW print,ShellExecuteW open",
	} {
		d, f := fakeDesktop(goos, "lp", "print")
		out, err := d.Print(path)
		if err != nil || out.Way != ViaViewer || out.Tried == nil {
			t.Errorf("%s: print → %+v, %v", goos, out, err)
		}
		if got := strings.Join(f.programs(), ","); got != want {
			t.Errorf("%s: ran %s, want %s", goos, got, want)
		}
		if last := f.ran[len(f.ran)-1]; last.Args[len(last.Args)-1] != path {
			t.Errorf("%s: the viewer got %q", goos, last.Args)
		}
	}
}

func TestPrintThatWorksOpensNothingElse(t *testing.T) {
	path, _ := testPDF(t)
	d, f := fakeDesktop("linux")
	if out, err := d.Print(path); err != nil || out.Way != ViaSystem || out.Tried != nil || len(f.ran) != 1 {
		t.Errorf("print → %+v, %v after %v", out, err, f.programs())
	}
	d, _ = fakeDesktop("linux", "lp", "xdg-open")
	if _, err := d.Print(path); err == nil || !strings.Contains(err.Error(), "lp ") || !strings.Contains(err.Error(), "xdg-open ") {
		t.Errorf("print and open both failing: %v", err)
	}
}

func TestEmailFallsBackToADraftShownInItsFolder(t *testing.T) {
	for goos, show := range map[string]string{"linux": "dbus-send", "darwin": "open", "windows": "explorer.exe"} {
		path, pdf := testPDF(t)
		d, f := fakeDesktop(goos, "xdg-email", "osascript", "MAPISendMailW", "mailto:")
		draft := Draft{To: "agneta@mollevangen.se", Subject: testSubject, Body: testBody, Attachment: path}
		out, err := d.Email(draft)
		eml := strings.TrimSuffix(path, ".pdf") + ".eml"
		if err != nil || out.Way != ViaDraftFile || out.File != eml || out.Tried == nil {
			t.Fatalf("%s: email → %+v, %v", goos, out, err)
		}
		if got := f.programs(); len(got) < 2 || got[len(got)-1] != show {
			t.Errorf("%s: ran %v, want the mail program, then %s", goos, got, show)
		}
		if shown := f.ran[len(f.ran)-1].String(); !strings.Contains(shown, ".eml") || !out.Shown {
			t.Errorf("%s: showed %s, not the draft", goos, shown)
		}
		draftHasPDF(t, eml, len(pdf))
	}
}

// draftHasPDF checks that the .eml file is a mail with the subject and an
// attachment about as large as the PDF in base64.
func draftHasPDF(t *testing.T, eml string, pdfSize int) {
	t.Helper()
	f, err := os.Open(eml)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	msg, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("X-Unsent") != "1" {
		t.Error("the draft is not marked unsent")
	}
	if st, _ := f.Stat(); st.Size() < int64(pdfSize)*4/3 {
		t.Errorf("the draft has %d bytes for a %d byte PDF", st.Size(), pdfSize)
	}
}

func TestEmailThatWorksOrIsCancelledWritesNoDraft(t *testing.T) {
	path, _ := testPDF(t)
	d, f := fakeDesktop("windows")
	out, err := d.Email(Draft{Subject: "S", Attachment: path})
	if err != nil || out.Way != ViaSystem || out.Cancelled || len(f.ran) != 1 {
		t.Errorf("email → %+v, %v after %v", out, err, f.programs())
	}
	d, f = fakeDesktop("windows", "MAPI")
	f.err = ErrCancelled
	out, err = d.Email(Draft{Subject: "S", Attachment: path})
	if err != nil || out.Way != ViaSystem || !out.Cancelled || len(f.ran) != 1 {
		t.Errorf("cancelled email → %+v, %v after %v", out, err, f.programs())
	}
	if _, err := os.Stat(draftPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a draft file was written: %v", err)
	}
}

func TestEmailDraftThatCannotBeWrittenIsAnError(t *testing.T) {
	path, _ := testPDF(t)
	if err := os.Mkdir(draftPath(path), 0o755); err != nil { // a folder where the draft would go
		t.Fatal(err)
	}
	d, _ := fakeDesktop("linux", "xdg-email")
	if out, err := d.Email(Draft{Attachment: path}); err == nil || out.Way == ViaDraftFile {
		t.Errorf("email → %+v, %v", out, err)
	}
}

func TestAMissingFileRunsNothing(t *testing.T) {
	gone := filepath.Join(t.TempDir(), "borta.pdf")
	d, f := fakeDesktop("linux")
	errs := []error{d.Open(gone), d.ShowInFolder(gone)}
	_, err := d.Print(gone)
	errs = append(errs, err)
	_, err = d.Email(Draft{Attachment: gone})
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("action %d on a missing file: %v", i, err)
		}
	}
	if len(f.ran) != 0 {
		t.Errorf("ran %v", f.programs())
	}
}

func TestShowInFolderFallsBackToOpeningTheFolder(t *testing.T) {
	path, _ := testPDF(t)
	d, f := fakeDesktop("linux", "dbus-send")
	if err := d.ShowInFolder(path); err != nil {
		t.Fatal(err)
	}
	if got := f.ran[len(f.ran)-1].Args; len(f.ran) != 2 || got[0] != "xdg-open" || got[1] != filepath.Dir(path) {
		t.Errorf("ran %q", f.ran)
	}
}

func TestARelativePathIsMadeAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("-n.pdf", []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, f := fakeDesktop("darwin")
	if err := d.Open("-n.pdf"); err != nil {
		t.Fatal(err)
	}
	if got := f.ran[0].Args[1]; got != filepath.Join(dir, "-n.pdf") {
		t.Errorf("open got %q", got)
	}
}

func TestEmailDropsARecipientThatIsNoAddress(t *testing.T) {
	path, _ := testPDF(t)
	for to, want := range map[string]string{"giulia@mollevangenspasta.se": "giulia@mollevangenspasta.se", "Giulia <g@p.se>": "g@p.se", "ring Giulia": ""} {
		d, f := fakeDesktop("linux")
		if _, err := d.Email(Draft{To: to, Subject: "S", Attachment: path}); err != nil {
			t.Fatal(err)
		}
		args := f.ran[0].Args
		if last := args[len(args)-1]; (want == "" && last != path) || (want != "" && last != want) {
			t.Errorf("To %q: xdg-email ends with %q", to, last)
		}
	}
}
