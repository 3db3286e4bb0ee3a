package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// autosave saves a working copy shortly after it changes, for the session
// and the settings alike: changed marks it changed and saves autosaveDelay
// after the last change, off the UI thread; saveNow saves at once in the
// background; flush saves at once and waits. take copies what to write (on
// the UI thread), write writes it (off it; it keeps writes in order), and
// done reports the outcome (on the UI thread). A failed save stays pending,
// so the next change or flush tries again.
type autosave[T any] struct {
	take  func() T
	write func(T) error
	done  func(T, error)
	dirty bool
	// inFlight counts writes begun and not yet done: a newer snapshot's
	// write may still wait behind an older one, so "not dirty" alone is no
	// reason to say saved.
	inFlight int
	timer    *time.Timer
}

// pending reports whether a change is not yet in the database: unsaved, or
// being written. Only when it is false may the window say "saved".
func (a *autosave[T]) pending() bool { return a.dirty || a.inFlight > 0 }

// changed marks the working copy changed and (re)starts the delay.
func (a *autosave[T]) changed() {
	a.dirty = true
	a.stop()
	a.timer = time.AfterFunc(autosaveDelay, func() {
		fyne.Do(func() {
			if a.dirty {
				a.save(nil)
			}
		})
	})
}

func (a *autosave[T]) stop() {
	if a.timer != nil {
		a.timer.Stop()
	}
}

// saveNow writes the working copy off the UI thread and then runs then
// (which may be nil) on it, after done.
func (a *autosave[T]) saveNow(then func()) {
	a.stop()
	a.save(then)
}

// save is saveNow without stopping the timer: the timer's own callback
// calls it, and has nothing left to stop.
func (a *autosave[T]) save(then func()) {
	snap := a.snapshot()
	var err error
	a.inFlight++
	runAsync(func() { err = a.write(snap) }, func() {
		a.inFlight--
		a.finish(snap, err)
		if then != nil {
			then()
		}
	})
}

// flush writes a pending change now and waits for it.
func (a *autosave[T]) flush() error {
	a.stop()
	if !a.dirty {
		return nil
	}
	snap := a.snapshot()
	a.inFlight++
	err := a.write(snap)
	a.inFlight--
	a.finish(snap, err)
	return err
}

func (a *autosave[T]) snapshot() T {
	a.dirty = false
	return a.take()
}

func (a *autosave[T]) finish(snap T, err error) {
	if err != nil {
		a.dirty = true
	}
	a.done(snap, err)
}
