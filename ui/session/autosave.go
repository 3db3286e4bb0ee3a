package session

import "github.com/pomi-planner/pomi/ui/kit"

// Autosave saves a working copy shortly after it changes, for the session
// and the settings alike: Changed marks it changed and saves
// Deps.AutosaveDelay after the last change, off the UI thread; SaveNow
// saves at once in the background; Flush saves at once and waits. take copies what to write (on
// the UI thread), write writes it (off it; it keeps writes in order), and
// done reports the outcome (on the UI thread). A failed save stays pending,
// so the next change or flush tries again.
type Autosave[T any] struct {
	// Deps gives the delay, its timer, the UI thread and the background work.
	Deps  *kit.Deps
	Take  func() T
	Write func(T) error
	Done  func(T, error)
	Dirty bool
	// inFlight counts writes begun and not yet done: a newer snapshot's
	// write may still wait behind an older one, so "not dirty" alone is no
	// reason to say saved.
	inFlight int
	// stopTimer cancels the delay started by the last change; nil before it.
	stopTimer func() bool
}

// Pending reports whether a change is not yet in the database: unsaved, or
// being written. Only when it is false may the window say "saved".
func (a *Autosave[T]) Pending() bool { return a.Dirty || a.inFlight > 0 }

// Changed marks the working copy changed and (re)starts the delay.
func (a *Autosave[T]) Changed() {
	a.Dirty = true
	a.stop()
	a.stopTimer = a.Deps.After(a.Deps.AutosaveDelay, func() {
		a.Deps.OnUIThread(func() {
			if a.Dirty {
				a.save(nil)
			}
		})
	})
}

func (a *Autosave[T]) stop() {
	if a.stopTimer != nil {
		a.stopTimer()
	}
}

// SaveNow writes the working copy off the UI thread and then runs then
// (which may be nil) on it, after done.
func (a *Autosave[T]) SaveNow(then func()) {
	a.stop()
	a.save(then)
}

// save is saveNow without stopping the timer: the timer's own callback
// calls it, and has nothing left to stop.
func (a *Autosave[T]) save(then func()) {
	snap := a.snapshot()
	var err error
	a.inFlight++
	a.Deps.Async(func() { err = a.Write(snap) }, func() {
		a.inFlight--
		a.finish(snap, err)
		if then != nil {
			then()
		}
	})
}

// Flush writes a pending change now and waits for it.
func (a *Autosave[T]) Flush() error {
	a.stop()
	if !a.Dirty {
		return nil
	}
	snap := a.snapshot()
	a.inFlight++
	err := a.Write(snap)
	a.inFlight--
	a.finish(snap, err)
	return err
}

func (a *Autosave[T]) snapshot() T {
	a.Dirty = false
	return a.Take()
}

func (a *Autosave[T]) finish(snap T, err error) {
	if err != nil {
		a.Dirty = true
	}
	a.Done(snap, err)
}
