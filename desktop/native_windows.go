package desktop

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"golang.org/x/sys/windows"
)

// callNative runs a Windows API call named by the command.
func callNative(c Command) error {
	switch {
	case c.Native == nativeShellExecute && len(c.Args) == 2:
		return shellExecute(c.Args[0], c.Args[1])
	case c.Native == nativeMAPISendMail && len(c.Args) == 4:
		return sendMail(Draft{To: c.Args[0], Subject: c.Args[1], Body: c.Args[2], Attachment: c.Args[3]})
	}
	return fmt.Errorf("%s: %w", c, errors.ErrUnsupported)
}

// shellExecute asks the shell to do verb ("open", "print") with the file
// or mailto: link, through the program registered for its type. Without
// one for the verb (Edge as the PDF viewer has no "print") it fails with
// SE_ERR_NOASSOC.
func shellExecute(verb, path string) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	var dir *uint16 // a mailto: link has no folder to start in
	if !strings.HasPrefix(path, "mailto:") {
		if dir, err = windows.UTF16PtrFromString(filepath.Dir(path)); err != nil {
			return err
		}
	}
	return waitGrace(func() error {
		return onCOMThread(func() error { return windows.ShellExecute(0, v, file, nil, dir, windows.SW_SHOWNORMAL) })
	})
}

// onCOMThread runs fn on a thread of its own with COM initialised, as the
// shell and mail programs' MAPI libraries expect. The thread is not
// unlocked, so Go ends it afterwards instead of reusing what COM and MAPI
// left on it.
func onCOMThread(fn func() error) error {
	runtime.LockOSThread()
	// S_FALSE: COM was initialised on this thread already; it still counts.
	err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE)
	if err == nil || errors.Is(err, syscall.Errno(windows.S_FALSE)) {
		defer windows.CoUninitialize()
	}
	return fn()
}

// sysProcAttr gives the program its command line as windowsCommandLine
// builds it, since Go's own quoting puts explorer's whole
// "/select,<path>" in quotes, which explorer does not understand.
func sysProcAttr(args []string) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{CmdLine: windowsCommandLine(args)}
}
