// Command pomi is POMI Planner's desktop app. It only wires: it is the one
// place that imports Fyne's app package; the screens live in ui/.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui"
)

//go:embed Icon.png
var icon []byte

func main() {
	langFlag := flag.String("lang", "", "language of the window: sv or en (default: the saved choice, else the system's)")
	dataDir := flag.String("data-dir", "", "data folder (default: $"+store.DataDirEnv+" or the user's config folder)")
	flag.Parse()
	d, err := ref.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pomi:", err)
		os.Exit(1)
	}
	dir, dirErr := store.ResolveDir(*dataDir, os.Getenv)
	repo, openErr := openStore(dir, dirErr)
	a := fyneapp.NewWithID("se.pomiplanner.app")
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	w := a.NewWindow("POMI Planner")
	var sh *ui.Shell
	if repo != nil {
		sh = ui.NewShell(w, d, windowLanguage(*langFlag, repo), repo, nil)
	} else {
		sh = ui.NewShell(w, d, windowLanguage(*langFlag, nil), nil, openErr)
	}
	if dirErr == nil {
		sh.EnableRecovery(dir, func() (ui.Store, error) {
			s, err := openStore(dir, nil)
			if err != nil {
				return nil, err
			}
			repo = s
			return s, nil
		})
	}
	ui.RestoreWindowSize(w, a.Preferences())
	stopFollowing := ui.FollowFocus(w)
	w.ShowAndRun()
	stopFollowing()
	if repo != nil {
		repo.Close()
	}
}

// windowLanguage is the flag's language, else the one saved in Settings,
// else the system's: the locale variables where they are set (Linux), else
// what the OS says (Windows and macOS set no LANG).
func windowLanguage(flagLang string, repo *store.Store) string {
	if flagLang != "" {
		return flagLang
	}
	if repo != nil {
		if st, err := repo.Settings(context.Background()); err == nil && locales.Supported(st.UILanguage) {
			return st.UILanguage
		}
	}
	if os.Getenv("LC_ALL")+os.Getenv("LC_MESSAGES")+os.Getenv("LANG") != "" {
		return locales.FromEnvironment(os.Getenv)
	}
	return locales.Match(lang.SystemLocale().String())
}

// openStore opens the database in the data folder; the error says why not,
// and its detail goes to stderr (the log file comes with packaging).
func openStore(dir string, dirErr error) (*store.Store, error) {
	err := dirErr
	if err == nil {
		var s *store.Store
		if s, err = store.Open(context.Background(), dir); err == nil {
			return s, nil
		}
	}
	fmt.Fprintln(os.Stderr, "pomi: open database:", err)
	return nil, err
}
