package reportstep

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/desktop"
	"github.com/pomi-planner/pomi/locales"
)

// shareNote is what came of handing the plan to the system: a message id
// with its data, and how it should look.
type shareNote struct {
	id         string
	data       map[string]any
	importance widget.Importance
	// reveal offers the button that shows the plan in its folder.
	reveal bool
	// keep leaves the note shown before as it is.
	keep bool
}

// shareButtons makes the buttons shown once the plan is saved.
func (v *view) shareButtons() fyne.CanvasObject {
	loc := v.s.Loc
	v.open = widget.NewButtonWithIcon(loc.T("ui.reportstep.open"), theme.FileIcon(), v.OpenSaved)
	v.reveal = widget.NewButtonWithIcon(loc.T("ui.reportstep.show_folder"), theme.FolderIcon(), v.RevealSaved)
	v.print = widget.NewButtonWithIcon(loc.T("ui.share.print"), theme.DocumentPrintIcon(), v.PrintSaved)
	v.mail = widget.NewButtonWithIcon(loc.T("ui.share.email"), theme.MailSendIcon(), v.EmailSaved)
	v.shareNote = widget.NewLabel("")
	v.shareNote.Wrapping = fyne.TextWrapWord
	v.shareNote.Hide()
	v.noteReveal = widget.NewButtonWithIcon(loc.T("ui.reportstep.show_folder"), theme.FolderIcon(), v.revealFromNote)
	v.noteActions = container.NewHBox(v.noteReveal)
	v.noteActions.Hide()
	v.buttons = container.NewVBox(container.NewHBox(v.open, v.reveal, v.print, v.mail), v.shareNote, v.noteActions)
	return v.buttons
}

// OpenSaved opens the saved plan in the system's PDF viewer.
func (v *view) OpenSaved() {
	path, sys := v.saved, v.s.Deps.Desktop
	v.share(func() shareNote {
		if err := sys.Open(path); err != nil {
			return shareFailed("open the plan", err, "ui.share.open_failed", nil)
		}
		return shareNote{}
	})
}

// RevealSaved shows the saved plan in its folder.
func (v *view) RevealSaved() { v.revealSaved(false) }

// revealFromNote shows the saved plan in its folder from the note that
// asks to attach it by hand; the note stays while the user does that.
func (v *view) revealFromNote() { v.revealSaved(true) }

func (v *view) revealSaved(keepNote bool) {
	path, sys := v.saved, v.s.Deps.Desktop
	v.share(func() shareNote {
		if err := sys.ShowInFolder(path); err != nil {
			return shareFailed("show the plan in its folder", err, "ui.share.show_failed",
				map[string]any{"Folder": filepath.Dir(path)})
		}
		return shareNote{keep: keepNote}
	})
}

// PrintSaved prints the saved plan, or opens it to print from the viewer.
func (v *view) PrintSaved() {
	path, sys := v.saved, v.s.Deps.Desktop
	v.share(func() shareNote {
		out, err := sys.Print(path)
		kit.LogError("print the plan (first try)", out.Tried)
		switch {
		case err != nil:
			return shareFailed("print the plan", err, "ui.share.print_failed", nil)
		case out.Cancelled:
			return shareNote{}
		case out.Way == desktop.ViaViewer:
			return shareNote{id: "ui.share.print_viewer", importance: widget.WarningImportance}
		}
		return shareNote{id: "ui.share.printed", importance: widget.SuccessImportance}
	})
}

// EmailSaved opens a new e-mail with the plan attached, written in the
// plan's language to the company's contact; where no mail program takes
// the attachment, one without it and the plan's folder, and where no mail
// program answers, a draft file saved beside the plan. The note says which.
func (v *view) EmailSaved() {
	path, lang := v.saved, v.savedLang
	c, date := session.Clone(*v.s.Company()), v.s.Assessment().Date
	st, sys, today := v.s.Store, v.s.Deps.Desktop, v.s.Deps.Now()
	v.share(func() shareNote {
		settings, err := st.Settings(context.Background())
		if err != nil {
			kit.LogError("read the branding for the e-mail", err) // the e-mail is still worth writing
			settings = &app.Settings{}
		}
		loc, err := locales.New(lang)
		if err != nil {
			loc = v.s.Loc
		}
		out, err := sys.Email(draft(loc, &c, date, settings.Branding, path, today))
		kit.LogError("e-mail the plan (first try)", out.Tried)
		if err != nil {
			return shareFailed("e-mail the plan", err, "ui.share.mail_failed", nil)
		}
		return mailNote(out)
	})
}

// mailNote says what came of e-mailing the plan: attached in a
// new message, closed by the user, in a new message without the
// attachment, or in a draft file.
func mailNote(out desktop.Outcome) shareNote {
	switch {
	case out.Cancelled:
		return shareNote{id: "ui.share.mail_cancelled", importance: widget.MediumImportance}
	case out.Way == desktop.ViaDraftFile:
		return shareNote{id: "ui.share.mail_draft", data: map[string]any{"Path": out.File}, importance: widget.WarningImportance}
	case out.Way == desktop.ViaMailLinkNoAttachment && out.Shown:
		return shareNote{id: "ui.share.mail_link", importance: widget.WarningImportance, reveal: true}
	case out.Way == desktop.ViaMailLinkNoAttachment:
		return shareNote{id: "ui.share.mail_link_folder", data: map[string]any{"Folder": filepath.Dir(out.File)},
			importance: widget.WarningImportance, reveal: true}
	}
	return shareNote{id: "ui.share.mailed", importance: widget.SuccessImportance}
}

// share runs an action off the UI thread with the buttons disabled, so a
// second tap cannot print twice, then shows its note (or none).
func (v *view) share(work func() shareNote) {
	if v.saved == "" {
		return
	}
	v.setShareBusy(true)
	var note shareNote
	v.s.Deps.Async(func() { note = work() }, func() {
		v.setShareBusy(false)
		v.showShareNote(note)
	})
}

func (v *view) setShareBusy(busy bool) {
	for _, b := range []*widget.Button{v.open, v.reveal, v.print, v.mail, v.noteReveal} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (v *view) showShareNote(n shareNote) {
	if n.keep {
		return
	}
	if n.reveal {
		v.noteActions.Show()
	} else {
		v.noteActions.Hide()
	}
	if n.id == "" {
		v.shareNote.Hide()
	} else {
		v.shareNote.Importance = n.importance
		v.shareNote.SetText(v.s.Loc.Tf(n.id, n.data))
		v.shareNote.Show()
	}
	v.relayout()
}

// shareFailed logs err and says in one sentence what failed, or
// that the file is gone.
func shareFailed(what string, err error, id string, data map[string]any) shareNote {
	kit.LogError(what, err)
	if errors.Is(err, fs.ErrNotExist) {
		id, data = "ui.share.missing", nil
	}
	return shareNote{id: id, data: data, importance: widget.DangerImportance}
}

// draft is the e-mail for a plan in loc's language: to the
// company's contact, greeting them by first name, signed with the
// advisor's name and organisation from the branding; it is dated today
// when the assessment's date is not one.
func draft(loc *locales.Localizer, c *app.Company, date string, b app.Branding, pdf string, today time.Time) desktop.Draft {
	greeting := loc.T("ui.share.mail.greeting")
	if first := strings.Fields(c.Contact.Name); len(first) > 0 {
		greeting = loc.Tf("ui.share.mail.greeting_name", map[string]any{"Name": first[0]})
	}
	day, err := validate.ParseDate(date)
	if err != nil {
		day = today
	}
	lines := []string{greeting, "", loc.Tf("ui.share.mail.body", map[string]any{"Date": loc.DateLong(day)}), "", loc.T("ui.share.mail.regards")}
	for _, s := range []string{b.AdvisorName, b.AdvisorTitle, b.Organisation} {
		if s = strings.TrimSpace(s); s != "" {
			lines = append(lines, s)
		}
	}
	return desktop.Draft{
		To:         strings.TrimSpace(c.Contact.Email),
		Subject:    loc.Tf("ui.share.mail.subject", map[string]any{"Company": strings.TrimSpace(c.Name)}),
		Body:       strings.Join(lines, "\n"),
		Attachment: pdf,
	}
}
