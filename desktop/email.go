package desktop

import (
	"errors"
	"fmt"
	"net/mail"
)

// errNoMailClient is why the mail program was not asked through Simple
// MAPI: none that takes attachments is registered.
var errNoMailClient = errors.New("no Simple MAPI mail program registered")

// Email opens a new message in the user's mail program with the draft's
// attachment. Where no mail program takes the attachment, it opens a new
// message through a mailto: link and shows the attachment in its folder
// (ViaMailLinkNoAttachment); where that fails too, it writes an .eml
// draft beside the attachment and shows it in its folder (ViaDraftFile).
func (d *Desktop) Email(draft Draft) (Outcome, error) {
	path, err := existing(draft.Attachment)
	if err != nil {
		return Outcome{}, err
	}
	draft.Attachment = path
	// A recipient that is no address makes MAPI and xdg-email refuse the
	// whole message; without it the user types one in the draft.
	if to, err := mail.ParseAddress(draft.To); err == nil {
		draft.To = to.Address
	} else {
		draft.To = ""
	}
	mailErr := errNoMailClient
	if cmds := emailCommands(d.GOOS, draft, d.hasMailClient()); len(cmds) > 0 {
		mailErr = d.first(cmds)
	}
	if mailErr == nil || errors.Is(mailErr, ErrCancelled) {
		return Outcome{Way: ViaSystem, Cancelled: mailErr != nil}, nil
	}
	if cmds := mailLinkCommands(d.GOOS, draft); len(cmds) > 0 {
		linkErr := d.first(cmds)
		if linkErr == nil {
			return d.shown(Outcome{Way: ViaMailLinkNoAttachment, File: path, Tried: mailErr}), nil
		}
		mailErr = errors.Join(mailErr, linkErr)
	}
	eml := draftPath(path)
	if err := writeDraftFile(eml, draft, d.Now()); err != nil {
		return Outcome{Tried: mailErr}, errors.Join(mailErr, fmt.Errorf("write the draft %s: %w", eml, err))
	}
	return d.shown(Outcome{Way: ViaDraftFile, File: eml, Tried: mailErr}), nil
}

// shown is out after showing its file in its folder; a failure to show
// it goes to Tried, since the file is there anyway.
func (d *Desktop) shown(out Outcome) Outcome {
	err := d.ShowInFolder(out.File)
	if err != nil {
		out.Tried = errors.Join(out.Tried, fmt.Errorf("show %s in its folder: %w", out.File, err))
	}
	out.Shown = err == nil
	return out
}

// hasMailClient says whether a mail program is registered to take
// attachments through Simple MAPI; only Windows asks.
func (d *Desktop) hasMailClient() bool {
	if d.GOOS != "windows" || d.MailClient == nil {
		return false
	}
	_, ok := d.MailClient()
	return ok
}

// Email puts the draft in a new message on this system; see Desktop.Email.
func Email(d Draft) (Outcome, error) { return System.Email(d) }
