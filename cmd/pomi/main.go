// Command pomi is POMI Planner's desktop app. It only wires: it is the one
// place that imports Fyne's app package; the screens live in ui/.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui"
)

//go:embed Icon.png
var icon []byte

func main() {
	lang := flag.String("lang", locales.FromEnvironment(os.Getenv), "language of the window: sv or en")
	flag.Parse()
	d, err := ref.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pomi:", err)
		os.Exit(1)
	}
	a := fyneapp.NewWithID("se.pomiplanner.app")
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	w := a.NewWindow("POMI Planner")
	ui.NewShell(w, d, *lang)
	w.Resize(fyne.NewSize(1000, 680))
	w.ShowAndRun()
}
