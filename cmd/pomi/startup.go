package main

import (
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"github.com/pomi-planner/pomi/applog"
	"github.com/pomi-planner/pomi/locales"
)

// showError shows a start-up failure to the user: a message box on
// Windows, stderr elsewhere. Tests replace it.
var showError = applog.ShowError

// startupFailed explains, in the user's language, why the window could not
// be opened, instead of leaving a process without a window (what Fyne does
// after it logs the failure), and returns the exit code.
func (l *appLog) startupFailed(f applog.StartupFailure) int {
	log.Printf("pomi: the window could not be opened (%s): %s", f.Reason, f.Cause)
	title, body := startupMessage(localizer(l.lang), f, l.path())
	logErr("show the start-up failure", showError(title, body))
	return exitFailure
}

// startupMessage is the title and text for a window that could not be
// opened: what to do about a missing OpenGL 2.1, else the cause; and where
// the log file is, when there is one.
func startupMessage(loc *locales.Localizer, f applog.StartupFailure, logPath string) (title, body string) {
	var parts []string
	if f.OpenGL() {
		parts = append(parts, loc.T("ui.crash.opengl"))
	} else {
		parts = append(parts, loc.T("ui.crash.window"))
		if f.Cause != "" {
			parts = append(parts, loc.Tf("ui.crash.cause", map[string]any{"Cause": f.Cause}))
		}
	}
	if logPath != "" {
		parts = append(parts, loc.Tf("ui.crash.log_at", map[string]any{"Path": logPath}))
	}
	return loc.T("ui.crash.start_title"), strings.Join(parts, "\n\n")
}

// windowOpened reports whether Show gave w a native window. When GLFW only
// logs a platform error (say, opengl32.dll cannot be loaded), Fyne gets no
// error to log and keeps a window without one, so the log alone cannot
// tell; the native handle can. A window that is not a NativeWindow counts
// as open.
func windowOpened(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true
	}
	opened := true
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.WindowsWindowContext:
			opened = c.HWND != 0
		case driver.X11WindowContext:
			opened = c.WindowHandle != 0
		case driver.WaylandWindowContext:
			opened = c.WaylandSurface != 0
		case driver.MacWindowContext:
			opened = c.NSWindow != 0
		}
	})
	return opened
}
