package kit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// RunAsync is how screens run database and PDF work: off the UI thread, with
// the result applied through fyne.Do. Tests make it synchronous, because the
// test driver's fyne.Do runs on the calling goroutine.
var RunAsync = Background

// BusyDelay is how long work may take before the window shows that it is
// working: anything quicker would only flicker.
const BusyDelay = 200 * time.Millisecond

// OnUIThread runs fn on the UI thread; a test swaps in its own loop.
var OnUIThread = fyne.Do

// Busy is the window's working indicator, nil until the shell makes one.
var Busy *busyIndicator

// Background runs work on a goroutine and done on the UI thread, and shows
// the working indicator while work takes longer than busyDelay.
func Background(work func(), done func()) {
	finished, shown := false, false // both only touched on the UI thread
	timer := time.AfterFunc(BusyDelay, func() {
		OnUIThread(func() {
			if !finished && Busy != nil {
				shown = true
				Busy.add(1)
			}
		})
	})
	go func() {
		work()
		timer.Stop()
		OnUIThread(func() {
			finished = true
			if shown {
				Busy.add(-1)
			}
			done()
		})
	}()
}

// busyIndicator is an endless progress bar shown while any slow work runs.
type busyIndicator struct {
	Bar   *widget.ProgressBarInfinite
	count int
}

func NewBusyIndicator() *busyIndicator {
	b := &busyIndicator{Bar: widget.NewProgressBarInfinite()}
	b.Bar.Hide()
	b.Bar.Stop()
	return b
}

// add counts work started (1) or finished (-1); the bar shows while any runs.
func (b *busyIndicator) add(n int) {
	b.count += n
	if b.count > 0 {
		b.Bar.Show()
		b.Bar.Start()
		return
	}
	b.count = 0
	b.Bar.Stop()
	b.Bar.Hide()
}
