package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// runAsync is how screens run database and PDF work: off the UI thread, with
// the result applied through fyne.Do. Tests make it synchronous, because the
// test driver's fyne.Do runs on the calling goroutine.
var runAsync = background

// busyDelay is how long work may take before the window shows that it is
// working: anything quicker would only flicker.
const busyDelay = 200 * time.Millisecond

// onUIThread runs fn on the UI thread; a test swaps in its own loop.
var onUIThread = fyne.Do

// busy is the window's working indicator, nil until the shell makes one.
var busy *busyIndicator

// background runs work on a goroutine and done on the UI thread, and shows
// the working indicator while work takes longer than busyDelay.
func background(work func(), done func()) {
	finished, shown := false, false // both only touched on the UI thread
	timer := time.AfterFunc(busyDelay, func() {
		onUIThread(func() {
			if !finished && busy != nil {
				shown = true
				busy.add(1)
			}
		})
	})
	go func() {
		work()
		timer.Stop()
		onUIThread(func() {
			finished = true
			if shown {
				busy.add(-1)
			}
			done()
		})
	}()
}

// busyIndicator is an endless progress bar shown while any slow work runs.
type busyIndicator struct {
	bar   *widget.ProgressBarInfinite
	count int
}

func newBusyIndicator() *busyIndicator {
	b := &busyIndicator{bar: widget.NewProgressBarInfinite()}
	b.bar.Hide()
	b.bar.Stop()
	return b
}

// add counts work started (1) or finished (-1); the bar shows while any runs.
func (b *busyIndicator) add(n int) {
	b.count += n
	if b.count > 0 {
		b.bar.Show()
		b.bar.Start()
		return
	}
	b.count = 0
	b.bar.Stop()
	b.bar.Hide()
}
