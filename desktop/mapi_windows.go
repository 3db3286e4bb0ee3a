package desktop

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Simple MAPI, as declared in MAPI.h. ULONG is 32 bits on every Windows;
// Go lays these structs out as the C compiler does.
// Fields named _ are reserved or unused here; they keep the layout.
type mapiRecipDescW struct {
	_          uint32 // ulReserved
	recipClass uint32
	name       *uint16
	address    *uint16
	_          uint32  // ulEIDSize
	_          uintptr // lpEntryID
}

type mapiFileDescW struct {
	_        uint32 // ulReserved
	_        uint32 // flFlags
	position uint32
	pathName *uint16
	fileName *uint16
	_        uintptr // lpFileType
}

type mapiMessageW struct {
	reserved       uint32
	subject        *uint16
	noteText       *uint16
	messageType    *uint16
	dateReceived   *uint16
	conversationID *uint16
	flags          uint32
	originator     *mapiRecipDescW
	recipCount     uint32
	recips         *mapiRecipDescW
	fileCount      uint32
	files          *mapiFileDescW
}

const (
	mapiLogonUI   = 0x1
	mapiDialog    = 0x8
	mapiTo        = 1
	mapiUserAbort = 1
)

var procMAPISendMailW = windows.NewLazySystemDLL("mapi32.dll").NewProc("MAPISendMailW")

// sendMail shows a new message in the default mail program through
// MAPISendMailW (Windows 8 and later; the system's mapi32.dll passes it on
// to Outlook, Thunderbird or another client that registered). It waits
// for the dialog until Grace and counts a dialog still open as done.
func sendMail(d Draft) error {
	if err := procMAPISendMailW.Find(); err != nil {
		return fmt.Errorf("%w: %v", ErrNoProgram, err)
	}
	msg, err := mapiMessage(d)
	if err != nil {
		return err
	}
	return waitGrace(func() error {
		return onCOMThread(func() error {
			r, _, _ := procMAPISendMailW.Call(0, 0, uintptr(unsafe.Pointer(msg)), mapiLogonUI|mapiDialog, 0)
			runtime.KeepAlive(msg)
			switch r {
			case 0:
				return nil
			case mapiUserAbort:
				return ErrCancelled
			}
			return fmt.Errorf("MAPISendMailW returned MAPI error %d", r)
		})
	})
}

// mapiMessage builds the message; everything it points to is Go memory
// that stays reachable from it while the call runs.
func mapiMessage(d Draft) (*mapiMessageW, error) {
	var firstErr error
	str := func(s string) *uint16 {
		p, err := windows.UTF16PtrFromString(s)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("text for MAPI: %w", err)
		}
		return p
	}
	msg := &mapiMessageW{
		subject:   str(d.Subject),
		noteText:  str(strings.ReplaceAll(strings.ReplaceAll(d.Body, "\r\n", "\n"), "\n", "\r\n")),
		fileCount: 1,
		files: &mapiFileDescW{
			position: ^uint32(0), // no position in the text: attach at the end
			pathName: str(d.Attachment),
			fileName: str(filepath.Base(d.Attachment)),
		},
	}
	if d.To != "" {
		msg.recipCount = 1
		msg.recips = &mapiRecipDescW{recipClass: mapiTo, name: str(d.To), address: str("SMTP:" + d.To)}
	}
	return msg, firstErr
}
