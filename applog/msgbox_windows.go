//go:build windows

package applog

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// MessageBoxW flags: an OK button, the error icon, and a box that stays on
// top, because there is no window of the app's own to belong to.
const (
	mbOK            = 0x00000000
	mbIconError     = 0x00000010
	mbSetForeground = 0x00010000
	mbTopMost       = 0x00040000
)

var procMessageBoxW = windows.NewLazySystemDLL("user32.dll").NewProc("MessageBoxW")

// ShowError shows a native message box with title and text and waits until
// the user closes it. A GUI program started from Explorer has no console,
// so this is the only way to tell the user why nothing opens.
func ShowError(title, text string) error {
	t, err := windows.UTF16PtrFromString(title)
	if err != nil {
		return fmt.Errorf("message box title: %w", err)
	}
	m, err := windows.UTF16PtrFromString(text)
	if err != nil {
		return fmt.Errorf("message box text: %w", err)
	}
	if err := procMessageBoxW.Find(); err != nil {
		return fmt.Errorf("find MessageBoxW: %w", err)
	}
	r, _, callErr := procMessageBoxW.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)),
		mbOK|mbIconError|mbSetForeground|mbTopMost)
	if r == 0 {
		return fmt.Errorf("MessageBoxW: %w", callErr)
	}
	return nil
}
