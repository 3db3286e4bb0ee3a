package desktop

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// A registered MAPI program gets the message with the attachment.
func TestEmailOnWindowsWithAMailProgramUsesMAPI(t *testing.T) {
	path, _ := testPDF(t)
	d, f := fakeDesktop("windows")
	out, err := d.Email(Draft{To: "agneta@mollevangen.se", Subject: testSubject, Body: testBody, Attachment: path})
	if err != nil || out.Way != ViaSystem || out.Cancelled || out.Tried != nil {
		t.Fatalf("email → %+v, %v", out, err)
	}
	if got := strings.Join(f.programs(), ","); got != "MAPISendMailW agneta@mollevangen.se" {
		t.Errorf("ran %s", got)
	}
	if got := f.ran[0].Args[3]; got != path {
		t.Errorf("MAPI attached %q", got)
	}
}

// Without one, mapi32 could drop the attachment and say nothing, so a
// mailto: link opens the message and the PDF is shown to attach by hand.
func TestEmailOnWindowsWithoutAMailProgramOpensALinkAndShowsThePDF(t *testing.T) {
	for name, client := range map[string]func() (string, bool){
		"none registered": func() (string, bool) { return "", false },
		"Wine's bridge":   func() (string, bool) { return "Native Mail Client", false },
		"no func":         nil,
	} {
		path, _ := testPDF(t)
		d, f := fakeDesktop("windows")
		d.MailClient = client
		out, err := d.Email(Draft{To: "agneta@mollevangen.se", Subject: testSubject, Body: testBody, Attachment: path})
		if err != nil || out.Way != ViaMailLinkNoAttachment || out.File != path || !out.Shown || !errors.Is(out.Tried, errNoMailClient) {
			t.Fatalf("%s: email → %+v, %v", name, out, err)
		}
		if got := f.programs(); len(got) != 2 || got[0] != "ShellExecuteW open" || got[1] != "explorer.exe" {
			t.Errorf("%s: ran %v", name, got)
		}
		if link := f.ran[0].Args[1]; !strings.HasPrefix(link, "mailto:agneta@mollevangen.se?subject=") {
			t.Errorf("%s: opened %s", name, link)
		}
		if shown := f.ran[1].Args[1]; shown != "/select,"+path {
			t.Errorf("%s: showed %s, want the PDF", name, shown)
		}
		if _, err := os.Stat(draftPath(path)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: a draft file was written: %v", name, err)
		}
	}
}

// MAPI failing with a registered program also falls back to the link.
func TestEmailOnWindowsWhenMAPIFailsOpensALink(t *testing.T) {
	path, _ := testPDF(t)
	d, f := fakeDesktop("windows", "MAPISendMailW")
	out, err := d.Email(Draft{Subject: "S", Attachment: path})
	if err != nil || out.Way != ViaMailLinkNoAttachment || out.Tried == nil {
		t.Fatalf("email → %+v, %v", out, err)
	}
	if got := strings.Join(f.programs(), ","); got != "MAPISendMailW ,ShellExecuteW open,explorer.exe" {
		t.Errorf("ran %s", got)
	}
}

// The link refused too: the .eml draft, as before.
func TestEmailOnWindowsWhenTheLinkIsRefusedWritesADraft(t *testing.T) {
	path, pdf := testPDF(t)
	d, f := fakeDesktop("windows", "mailto:")
	d.MailClient = func() (string, bool) { return "", false }
	out, err := d.Email(Draft{Subject: testSubject, Body: testBody, Attachment: path})
	if err != nil || out.Way != ViaDraftFile || out.File != draftPath(path) || !out.Shown {
		t.Fatalf("email → %+v, %v", out, err)
	}
	if !errors.Is(out.Tried, errNoMailClient) || !strings.Contains(out.Tried.Error(), "mailto:") {
		t.Errorf("the reason for the log: %v", out.Tried)
	}
	if got := strings.Join(f.programs(), ","); got != "ShellExecuteW open,explorer.exe" {
		t.Errorf("ran %s", got)
	}
	draftHasPDF(t, out.File, len(pdf))
}

// A folder that cannot be shown is only for the log; the outcome says so.
func TestEmailLinkWhoseFolderCannotBeShown(t *testing.T) {
	path, _ := testPDF(t)
	d, _ := fakeDesktop("darwin", "osascript", "-R")
	out, err := d.Email(Draft{Subject: "S", Attachment: path})
	if err != nil || out.Way != ViaMailLinkNoAttachment || out.Shown || !strings.Contains(out.Tried.Error(), "in its folder") {
		t.Errorf("email → %+v, %v", out, err)
	}
}
