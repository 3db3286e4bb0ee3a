// Command pomi is POMI Planner's desktop app. It only wires: it is the one
// place that imports Fyne's app package; the screens live in ui/. It also
// keeps the app's safety net: the log file, a crash report for a panic, the
// notice about it at the next start, and a readable message when the
// window cannot be opened (no OpenGL).
//
// POMI_CRASH_TEST=main or =background makes it panic on purpose 1.5 s after
// the window shows, to try the crash report and notice (see startCrashTest).
package main

import (
	"context"
	_ "embed"
	"flag"
	"log"
	"os"
	"runtime/debug"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/shell"
	"github.com/pomi-planner/pomi/ui/widgets"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

//go:embed Icon.png
var icon []byte

func main() {
	holdRunningMarker() // Windows: tells the installer the app is open (running_windows.go)
	if code := run(); code != 0 {
		os.Exit(code)
	}
}

// run starts the app and returns the exit code once the window has closed.
// A panic on the main goroutine, which runs the UI (Fyne's event loop
// runs inside a.Run), ends here and becomes a crash report.
func run() (code int) {
	langFlag := flag.String("lang", "", "language of the window: sv or en (default: the saved choice, else the system's)")
	dataDir := flag.String("data-dir", "", "data folder (default: $"+store.DataDirEnv+" or the user's config folder)")
	flag.Parse()
	dir, dirErr := store.ResolveDir(*dataDir, os.Getenv)
	logs := startLogging(dir, dirErr)
	defer logs.close()
	logs.lang = windowLanguage(*langFlag, nil)
	defer func() {
		if v := recover(); v != nil {
			code = logs.panicked(v, debug.Stack())
		}
	}()
	return runWindow(logs, *langFlag, dir, dirErr)
}

// runWindow opens the database and the window and runs the app until the
// window closes.
func runWindow(logs *appLog, langFlag, dir string, dirErr error) int {
	d, err := ref.Load()
	if err != nil {
		logErr("load reference data", err)
		return exitFailure
	}
	repo, openErr := openStore(dir, dirErr)
	saved := savedSettings(repo)
	logs.lang = windowLanguage(langFlag, saved)
	a := fyneapp.NewWithID("se.pomiplanner.app")
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	if saved != nil {
		shell.ApplyAccent(saved.Branding.PrimaryColor) // before the window: no redraw later
	}
	w := a.NewWindow("POMI Planner")
	var sh *shell.Shell
	if repo != nil {
		sh = shell.NewShell(w, kit.NewDeps(), d, logs.lang, repo, nil, store.Maintenance{})
	} else {
		sh = shell.NewShell(w, kit.NewDeps(), d, logs.lang, nil, openErr, store.Maintenance{})
	}
	logs.lang = sh.Language()
	if dirErr == nil {
		sh.EnableRecovery(dir, func() (kit.Store, error) {
			s, err := openStore(dir, nil)
			if err != nil {
				return nil, err
			}
			repo = s
			return s, nil
		})
	}
	shell.RestoreWindowSize(w, a.Preferences())
	stopFollowing := widgets.FollowFocus(w)
	// ShowAndRun, in two steps: Fyne reports a window it could not create
	// (no OpenGL) only in the log, and Run would then wait with no window.
	w.Show()
	if f, failed := logs.watch.Failure(windowOpened(w)); failed {
		closeStore(repo)
		return logs.startupFailed(f)
	}
	logs.shown = true
	sh.Maintain()
	offerCrashRestore(w, sh, logs.dir(), dir, repo != nil)
	startCrashTest(os.Getenv(crashTestEnv))
	a.Run()
	stopFollowing()
	closeStore(repo)
	return 0
}

func closeStore(repo *store.Store) {
	if repo != nil {
		logErr("close the database", repo.Close())
	}
}

// savedSettings reads the settings once at start, for the window's language
// and colour; nil without a database or when they cannot be read.
func savedSettings(repo *store.Store) *app.Settings {
	if repo == nil {
		return nil
	}
	st, err := repo.Settings(context.Background())
	if err != nil {
		logErr("read settings", err)
		return nil
	}
	return st
}

// windowLanguage is the flag's language, else the one saved in Settings,
// else the system's: the locale variables where they are set (Linux), else
// what the OS says (Windows and macOS set no LANG).
func windowLanguage(flagLang string, saved *app.Settings) string {
	if flagLang != "" {
		return flagLang
	}
	if saved != nil && locales.Supported(saved.UILanguage) {
		return saved.UILanguage
	}
	if os.Getenv("LC_ALL")+os.Getenv("LC_MESSAGES")+os.Getenv("LANG") != "" {
		return locales.FromEnvironment(os.Getenv)
	}
	return locales.Match(lang.SystemLocale().String())
}

// openStore opens the database in the data folder; the error says why not,
// and its detail goes to the log.
func openStore(dir string, dirErr error) (*store.Store, error) {
	err := dirErr
	if err == nil {
		var s *store.Store
		// The window shows first; the shell's Maintain then checks the
		// whole file and makes the day's backup, off the UI thread.
		if s, err = store.OpenQuick(context.Background(), dir); err == nil {
			for _, r := range s.Repairs() {
				log.Printf("pomi: %s", r)
			}
			return s, nil
		}
	}
	logErr("open database", err)
	return nil, err
}
