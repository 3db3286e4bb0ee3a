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

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui"
)

//go:embed Icon.png
var icon []byte

func main() {
	lang := flag.String("lang", locales.FromEnvironment(os.Getenv), "language of the window: sv or en")
	dataDir := flag.String("data-dir", "", "data folder (default: $"+store.DataDirEnv+" or the user's config folder)")
	flag.Parse()
	d, err := ref.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pomi:", err)
		os.Exit(1)
	}
	repo, openErr := openStore(*dataDir)
	if repo != nil {
		defer repo.Close()
	}
	a := fyneapp.NewWithID("se.pomiplanner.app")
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	w := a.NewWindow("POMI Planner")
	if repo != nil {
		ui.NewShell(w, d, *lang, repo, nil)
	} else {
		ui.NewShell(w, d, *lang, nil, openErr)
	}
	ui.RestoreWindowSize(w, a.Preferences())
	w.ShowAndRun()
}

// openStore opens the database in the data folder; the error says why not,
// and its detail goes to stderr (the log file comes with packaging).
func openStore(flagDir string) (*store.Store, error) {
	dir, err := store.ResolveDir(flagDir, os.Getenv)
	if err == nil {
		var s *store.Store
		if s, err = store.Open(context.Background(), dir); err == nil {
			return s, nil
		}
	}
	fmt.Fprintln(os.Stderr, "pomi: open database:", err)
	return nil, err
}
