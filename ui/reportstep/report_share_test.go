package reportstep

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/desktop"
	"github.com/pomi-planner/pomi/locales"
)

// fakeDesktop gives v's session a Linux desktop whose programs fail when
// their command contains one of fail, in place of the real one, and
// returns the commands it was asked to run.
func fakeDesktop(v *view, fail ...string) *[]desktop.Command {
	sys, ran := uitest.FakeDesktop(fail...)
	v.s.Deps.Desktop = sys
	return ran
}

// exported is the report step of the example company after a
// successful export, with branding saved in the settings.
func exported(t *testing.T, ui, report string) *view {
	t.Helper()
	v, _, st, _ := onExample(t, ui, t.TempDir())
	settings, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	settings.Branding.AdvisorName = "Börje Åström"
	settings.Branding.Organisation = "Almi Företagspartner Skåne"
	if err := st.SaveSettings(context.Background(), settings); err != nil {
		t.Fatal(err)
	}
	if report == "en" {
		v.language.SetSelected("English")
	}
	v.Export()
	if v.saved == "" || !v.print.Visible() || !v.mail.Visible() {
		t.Fatalf("no plan saved, or no buttons: %q", v.Problem.Text)
	}
	return v
}

func TestReportEmailWithoutAMailProgramSavesADraft(t *testing.T) {
	v := exported(t, "sv", "sv")
	ran := fakeDesktop(v, "xdg-email")
	test.Tap(v.mail)
	eml := strings.TrimSuffix(v.saved, ".pdf") + ".eml"
	want := "Inget e-postprogram svarade, så ett utkast sparades bredvid PDF-filen: " + eml
	if v.shareNote.Text != want || !v.shareNote.Visible() || v.shareNote.Importance != widget.WarningImportance {
		t.Errorf("note %q (shown %v), want %q", v.shareNote.Text, v.shareNote.Visible(), want)
	}
	if len(*ran) != 2 || (*ran)[0].Args[0] != "xdg-email" || (*ran)[1].Args[0] != "dbus-send" {
		t.Errorf("ran %q", *ran)
	}
	subject, body := readDraft(t, eml, "giulia@mollevangenspasta.se")
	if subject != "Handlingsplan för "+uitest.ExampleCompany {
		t.Errorf("subject %q", subject)
	}
	for _, s := range []string{"Hej Giulia!", "Här är handlingsplanen från vårt möte den 10 november 2026.", "Vänliga hälsningar\nBörje Åström\nAlmi Företagspartner Skåne"} {
		if !strings.Contains(body, s) {
			t.Errorf("the body lacks %q:\n%s", s, body)
		}
	}
	if v.mail.Disabled() || v.print.Disabled() {
		t.Error("the buttons stayed disabled")
	}
}

// readDraft parses the .eml and returns its decoded subject and
// its body part as sent (quoted-printable decoded).
func readDraft(t *testing.T, path, to string) (string, string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	msg, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := msg.Header.AddressList("To"); len(got) != 1 || got[0].Address != to {
		t.Errorf("To %v, want %s", got, to)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	part, err := multipart.NewReader(msg.Body, params["boundary"]).NextPart() // decodes quoted-printable
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(part)
	if err != nil {
		t.Fatal(err)
	}
	return subject, strings.ReplaceAll(string(body), "\r\n", "\n")
}

func TestReportEmailIsInTheReportsLanguage(t *testing.T) {
	v := exported(t, "sv", "en")
	fakeDesktop(v)
	draft := draft(locales.MustNew(v.savedLang), v.s.Company(), v.s.Assessment().Date,
		app.Branding{AdvisorName: "Anna Berg", Organisation: "Business Sweden"}, v.saved, uitest.Today)
	if draft.Subject != "Action plan for "+uitest.ExampleCompany || draft.To != "giulia@mollevangenspasta.se" || draft.Attachment != v.saved {
		t.Errorf("draft %+v", draft)
	}
	want := "Dear Giulia,\n\nHere is the action plan from our meeting on 10 November 2026. You will find it in the attached PDF file.\n\nKind regards\nAnna Berg\nBusiness Sweden"
	if draft.Body != want {
		t.Errorf("body\n%s\nwant\n%s", draft.Body, want)
	}
	test.Tap(v.mail)
	if v.shareNote.Text != "Ett nytt mejl med planen bifogad öppnades i ditt e-postprogram." {
		t.Errorf("note %q, want it in the screen's language", v.shareNote.Text)
	}
}

func TestReportEmailWithoutContactOrBranding(t *testing.T) {
	loc := locales.MustNew("sv")
	d := draft(loc, &app.Company{Name: "Testbolaget AB"}, "inte ett datum", app.Branding{}, "/x.pdf", uitest.Today)
	if d.To != "" || !strings.HasPrefix(d.Body, "Hej!\n\nHär är handlingsplanen") || !strings.HasSuffix(d.Body, "Vänliga hälsningar") {
		t.Errorf("draft %+v", d)
	}
}

func TestReportPrintFallsBackToTheViewerAndSaysSo(t *testing.T) {
	v := exported(t, "sv", "sv")
	ran := fakeDesktop(v, "lp ")
	test.Tap(v.print)
	if v.shareNote.Text != "Utskriften gick inte att starta, så planen öppnades i stället. Skriv ut den därifrån." {
		t.Errorf("note %q", v.shareNote.Text)
	}
	if got := *ran; len(got) != 2 || got[1].Args[0] != "xdg-open" || got[1].Args[1] != v.saved {
		t.Errorf("ran %q", got)
	}
	fakeDesktop(v)
	test.Tap(v.print)
	if v.shareNote.Text != "Planen skickades till skrivaren." || v.shareNote.Importance != widget.SuccessImportance {
		t.Errorf("note %q", v.shareNote.Text)
	}
	v.Export() // a new plan: the note was about the old one
	if v.shareNote.Visible() {
		t.Error("the note stayed after a new export")
	}
}

func TestReportOpenAndShowUseThePlansPath(t *testing.T) {
	v := exported(t, "en", "en")
	ran := fakeDesktop(v)
	test.Tap(v.open)
	test.Tap(v.reveal)
	if got := *ran; len(got) != 2 || got[0].Args[1] != v.saved || !strings.Contains(got[1].String(), ".pdf") {
		t.Errorf("ran %q", got)
	}
	if v.shareNote.Visible() {
		t.Errorf("a note after success: %q", v.shareNote.Text)
	}
	fakeDesktop(v, "dbus-send", "xdg-open")
	test.Tap(v.reveal)
	if want := "The folder could not be shown. The file is in " + filepath.Dir(v.saved); v.shareNote.Text != want {
		t.Errorf("note %q, want %q", v.shareNote.Text, want)
	}
	if err := os.Remove(v.saved); err != nil {
		t.Fatal(err)
	}
	test.Tap(v.open)
	if v.shareNote.Text != "The PDF file is no longer where it was saved. Export the plan again." || v.shareNote.Importance != widget.DangerImportance {
		t.Errorf("note %q", v.shareNote.Text)
	}
}

// TestReportSharedMarkup is the step after a plan was saved and e-mailing
// fell back to a draft file: the four buttons and the note under them.
func TestReportSharedMarkup(t *testing.T) {
	v, _, _, w := onExample(t, "sv", "/home/radgivare/Dokument")
	pdf := "/home/radgivare/Dokument/POMI Planner/" + uitest.ExampleCompany + " 2026-11-10 handlingsplan.pdf"
	v.showOutcome(pdf, nil, nil)
	v.showShareNote(shareNote{id: "ui.share.mail_draft", data: map[string]any{"Path": strings.TrimSuffix(pdf, ".pdf") + ".eml"}, importance: widget.WarningImportance})
	test.AssertRendersToMarkup(t, "report_shared.xml", w.Canvas())
}

// fakeWindows is fakeDesktop on Windows, where mail names the mail
// program registered for Simple MAPI ("" for none); it returns the desktop
// too, so that a test can change its runner.
func fakeWindows(v *view, mail string, fail ...string) (*desktop.Desktop, *[]desktop.Command) {
	sys, ran := uitest.FakeDesktop(fail...)
	sys.GOOS = "windows"
	sys.MailClient = func() (string, bool) { return mail, mail != "" }
	v.s.Deps.Desktop = sys
	return sys, ran
}

// Without a mail program that takes attachments, the note says the new
// e-mail has no attachment and offers the plan's folder.
func TestReportEmailWithoutAttachmentSaysSoAndOffersTheFolder(t *testing.T) {
	v := exported(t, "sv", "sv")
	_, ran := fakeWindows(v, "")
	test.Tap(v.mail)
	want := "Ett nytt mejl öppnades, men utan planen som bilaga: ditt e-postprogram kan inte ta emot bilagor på det här sättet. Bifoga PDF-filen från mappen som öppnades."
	if v.shareNote.Text != want || !v.shareNote.Visible() || v.shareNote.Importance != widget.WarningImportance {
		t.Errorf("note %q (shown %v), want %q", v.shareNote.Text, v.shareNote.Visible(), want)
	}
	if !v.noteActions.Visible() || v.noteReveal.Text != "Visa i mappen" || v.noteReveal.Disabled() {
		t.Errorf("the folder button: shown %v, %q", v.noteActions.Visible(), v.noteReveal.Text)
	}
	if got := *ran; len(got) != 2 || got[0].Native != "ShellExecuteW" || !strings.HasPrefix(got[0].Args[1], "mailto:giulia@mollevangenspasta.se?subject=Handlingsplan%20f%C3%B6r%20") ||
		got[1].Args[0] != "explorer.exe" || got[1].Args[1] != "/select,"+v.saved {
		t.Errorf("ran %q", got)
	}
	test.Tap(v.noteReveal)
	if got := *ran; len(got) != 3 || got[2].Args[1] != "/select,"+v.saved {
		t.Errorf("the button ran %q", got[2:])
	}
	if v.shareNote.Text != want || !v.noteActions.Visible() {
		t.Errorf("the note went after showing the folder: %q", v.shareNote.Text)
	}
	v.Export() // a new plan: the note and its button were about the old one
	if v.shareNote.Visible() || v.noteActions.Visible() {
		t.Error("the note or its button stayed after a new export")
	}
}

// When the folder could not be shown either, the note says where it is.
func TestReportEmailWithoutAttachmentNamesTheFolderItCouldNotShow(t *testing.T) {
	v := exported(t, "en", "en")
	fakeWindows(v, "", "explorer.exe")
	test.Tap(v.mail)
	want := "A new email was opened, but without the plan attached: your email program cannot take attachments this way. Attach the PDF file yourself; it is in " + filepath.Dir(v.saved)
	if v.shareNote.Text != want || !v.noteActions.Visible() || v.noteReveal.Text != "Show in folder" {
		t.Errorf("note %q, button shown %v %q; want %q", v.shareNote.Text, v.noteActions.Visible(), v.noteReveal.Text, want)
	}
}

// With a registered mail program MAPI attaches the plan, and the note
// says so; a message the user closed is said to be closed.
func TestReportEmailThroughMAPIAndCancelled(t *testing.T) {
	v := exported(t, "en", "en")
	sys, ran := fakeWindows(v, "Microsoft Outlook")
	test.Tap(v.mail)
	if v.shareNote.Text != "A new email with the plan attached was opened in your email program." || v.noteActions.Visible() {
		t.Errorf("note %q, folder button %v", v.shareNote.Text, v.noteActions.Visible())
	}
	if got := *ran; len(got) != 1 || got[0].Native != "MAPISendMailW" || got[0].Args[3] != v.saved {
		t.Errorf("ran %q", got)
	}
	sys.Run = func(desktop.Command) error { return desktop.ErrCancelled }
	test.Tap(v.mail)
	if v.shareNote.Text != "The email was closed without being sent." || v.shareNote.Importance != widget.MediumImportance {
		t.Errorf("note %q", v.shareNote.Text)
	}
}
