// Package desktop hands a finished file to the operating system: open it,
// show it in its folder, print it, or put it in a new e-mail. Each action
// is a list of commands built per platform by pure functions (tested for
// Windows, macOS and Linux on any machine) and tried in order by a runner,
// so a missing program or a refusal falls back to the next way and, for
// e-mail, to a mailto: link without the attachment, then to an .eml draft
// beside the file; the Outcome says which way it went.
package desktop

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Draft is an e-mail to open in the user's mail program.
type Draft struct {
	// To is the recipient's address; empty leaves it for the user.
	To      string
	Subject string
	Body    string
	// Attachment is the path of the file to attach.
	Attachment string
}

// Way says how an action was done in the end.
type Way int

const (
	// ViaSystem is the usual way: the viewer, printer or mail program.
	ViaSystem Way = iota
	// ViaViewer means printing did not start, so the file was opened in
	// its viewer to be printed from there.
	ViaViewer
	// ViaDraftFile means no mail program answered, so an .eml draft was
	// written beside the attachment and shown in its folder.
	ViaDraftFile
	// ViaMailLinkNoAttachment means no mail program could take the
	// attachment, so a new message was opened through a mailto: link
	// without it, and the attachment was shown in its folder to be
	// attached by hand.
	ViaMailLinkNoAttachment
)

// Outcome is what Print and Email did.
type Outcome struct {
	Way Way
	// File is the .eml draft written with ViaDraftFile, or the file to
	// attach by hand with ViaMailLinkNoAttachment.
	File string
	// Shown is true when File's folder was shown in the file manager.
	Shown bool
	// Tried is why the earlier ways failed, for the log; nil when the
	// first one worked.
	Tried error
	// Cancelled is true when the mail program reported that the user
	// closed the message without sending it.
	Cancelled bool
}

// ErrCancelled is returned by a runner when the user cancelled the
// program's own dialog; it is no reason to try another way.
var ErrCancelled = errors.New("cancelled by the user")

// Runner runs one command and says whether it did its job.
type Runner func(Command) error

// Desktop does the actions for one operating system through a runner.
type Desktop struct {
	// GOOS chooses the commands: "windows", "darwin", anything else is
	// treated as a freedesktop system (Linux, BSD).
	GOOS string
	Run  Runner
	Now  func() time.Time
	// MailClient names the mail program registered for Simple MAPI
	// (Windows), and says whether there is one that takes attachments;
	// nil means none.
	MailClient func() (string, bool)
}

// System is the desktop the program runs on.
var System = &Desktop{GOOS: runtime.GOOS, Run: RunCommand, Now: time.Now, MailClient: RegisteredMailClient}

// Open opens path in the program the system uses for it.
func (d *Desktop) Open(path string) error {
	path, err := existing(path)
	if err != nil {
		return err
	}
	return d.first(openCommands(d.GOOS, path))
}

// ShowInFolder opens path's folder in the file manager, with the file
// selected where the file manager can do that.
func (d *Desktop) ShowInFolder(path string) error {
	path, err := existing(path)
	if err != nil {
		return err
	}
	return d.first(showCommands(d.GOOS, path))
}

// Print sends path to the default printer. If that fails the file is
// opened in its viewer instead (Way ViaViewer); the error is only for when
// neither worked.
func (d *Desktop) Print(path string) (Outcome, error) {
	path, err := existing(path)
	if err != nil {
		return Outcome{}, err
	}
	printErr := d.first(printCommands(d.GOOS, path))
	if printErr == nil || errors.Is(printErr, ErrCancelled) {
		return Outcome{Way: ViaSystem, Cancelled: printErr != nil}, nil
	}
	if err := d.first(openCommands(d.GOOS, path)); err != nil {
		return Outcome{Tried: printErr}, errors.Join(printErr, err)
	}
	return Outcome{Way: ViaViewer, Tried: printErr}, nil
}

// first runs the commands in order until one works; the error joins why
// each failed. A cancellation stops the list.
func (d *Desktop) first(cmds []Command) error {
	var errs []error
	for _, c := range cmds {
		err := d.Run(c)
		if err == nil || errors.Is(err, ErrCancelled) {
			return err
		}
		errs = append(errs, fmt.Errorf("%s: %w", c, err))
	}
	return errors.Join(errs...)
}

// existing is path made absolute, so no program mistakes it for an option
// or a path relative to its own folder, once it is known to exist.
func existing(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(abs); err != nil {
		return "", err // fs.ErrNotExist says the file is gone
	}
	return abs, nil
}

// Open opens path on this system; see Desktop.Open.
func Open(path string) error { return System.Open(path) }

// ShowInFolder shows path in its folder on this system; see Desktop.ShowInFolder.
func ShowInFolder(path string) error { return System.ShowInFolder(path) }

// Print prints path on this system; see Desktop.Print.
func Print(path string) (Outcome, error) { return System.Print(path) }
