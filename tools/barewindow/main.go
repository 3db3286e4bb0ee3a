// Command barewindow is the baseline for POMI Planner's start-up benchmark:
// the least a Fyne app can show — one window titled "Bare Fyne window" with
// a label, the same size as POMI Planner's first window. It is built with the
// same flags as the app, so the difference between the two is the app's own
// work.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("se.pomiplanner.barewindow")
	w := a.NewWindow("Bare Fyne window")
	w.SetContent(widget.NewLabel("Hello from a bare Fyne window"))
	// POMI Planner's ui.DefaultWindowSize; not imported, so the baseline
	// links no code of the app.
	w.Resize(fyne.NewSize(1180, 700))
	w.ShowAndRun()
}
