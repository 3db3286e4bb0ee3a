package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/ui/shell"

	"fyne.io/fyne/v2"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/applog"
	"github.com/pomi-planner/pomi/locales"
)

// Exit codes besides 0.
const (
	exitFailure   = 1 // the window could not be opened, or reference data is broken
	exitPanicked  = 2 // like an unrecovered Go panic
	crashTestEnv  = "POMI_CRASH_TEST"
	crashTestWait = 1500 * time.Millisecond
)

// panicked handles a panic that reached main: before the window is open a
// panic that speaks of OpenGL (go-gl/glfw panics on some context errors) is
// explained like a window that could not be created; any other panic is
// logged and written to a crash report that the next start offers. Panics
// on other goroutines (ui's background work) cannot be recovered here; the
// runtime's own report of them is captured by applog.CaptureFatal instead.
func (l *appLog) panicked(value any, stack []byte) int {
	if !l.shown {
		if f, failed := l.watch.Failed(); failed {
			return l.startupFailed(f)
		}
		if text := fmt.Sprint(value); applog.IsOpenGLFailure(text) {
			return l.startupFailed(applog.StartupFailure{Reason: "panic", Cause: text})
		}
	}
	log.Printf("pomi: panic: %v", value)
	if l.dir() == "" {
		log.Printf("pomi: no folder for a crash report; the stack:\n%s", stack)
		return exitPanicked
	}
	report, err := applog.WriteCrashReport(l.dir(), value, stack, time.Now())
	if err != nil {
		log.Printf("pomi: write the crash report: %v; the stack:\n%s", err, stack)
		return exitPanicked
	}
	log.Printf("pomi: crash report written to %s", report)
	return exitPanicked
}

// offerCrashRestore shows the crash notice when earlier runs left crash
// reports nobody has seen: it names the newest and marks them all seen, so
// the next start is quiet. The restore is offered only with an open
// database and backups to restore (the recovery screen offers its own).
func offerCrashRestore(w fyne.Window, sh *shell.Shell, logDir, dataDir string, storeOpen bool) {
	if logDir == "" {
		return
	}
	pending, err := applog.PendingCrashReports(logDir)
	logErr("list crash reports", err)
	if len(pending) == 0 {
		return
	}
	newest := ""
	for _, p := range pending {
		seen, err := applog.MarkSeen(p)
		logErr("mark crash report seen", err)
		newest = seen
	}
	backups := storeOpen && hasBackups(dataDir)
	shell.ShowCrashNotice(w, localizer(sh.Language()), newest, backups, sh.ShowBackups, nil)
}

// hasBackups reports whether the data folder has a backup to restore.
func hasBackups(dataDir string) bool {
	list, err := backups.List(backups.Dir(filepath.Join(dataDir, store.DatabaseName)))
	logErr("list backups", err)
	return len(list) > 0
}

// localizer is lang's localizer, the default language's when lang has none.
func localizer(lang string) *locales.Localizer {
	if loc, err := locales.New(lang); err == nil {
		return loc
	}
	return locales.MustNew(locales.Default)
}

// startCrashTest panics on purpose once the window is up, for checking the
// crash report and the notice at the next start by hand and in scripts:
// POMI_CRASH_TEST=main panics on the UI thread (recovered by main),
// POMI_CRASH_TEST=background on another goroutine (the runtime's crash
// output, collected at the next start).
func startCrashTest(mode string) {
	switch mode {
	case "main":
		time.AfterFunc(crashTestWait, func() { fyne.Do(func() { panic("crash test (" + crashTestEnv + "=main)") }) })
	case "background":
		time.AfterFunc(crashTestWait, func() { panic("crash test (" + crashTestEnv + "=background)") })
	case "":
	default:
		fmt.Fprintf(os.Stderr, "pomi: %s=%q: use main or background\n", crashTestEnv, mode)
	}
}
