package kit

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/pomi-planner/pomi/desktop"
)

// BusyDelay is how long work may take before the window shows that it is
// working: anything quicker would only flicker.
const BusyDelay = 200 * time.Millisecond

// Desktop hands a saved file to the operating system: its viewer, file
// manager, printer and mail program. *desktop.Desktop implements it.
type Desktop interface {
	// Open opens path in the program the system uses for it.
	Open(path string) error
	// ShowInFolder opens path's folder with the file selected.
	ShowInFolder(path string) error
	// Print prints path, or opens it to print from the viewer.
	Print(path string) (desktop.Outcome, error)
	// Email opens a new e-mail made from d, or saves it as a draft file.
	Email(d desktop.Draft) (desktop.Outcome, error)
}

// Deps is what the screens take from outside themselves: the UI thread,
// the clock and its timers, the desktop, the Documents folder, the
// autosave delay and the working indicator. NewShell hands one *Deps down
// to every screen and session; NewDeps makes the real ones, and tests make
// theirs with fakes (internal/uitest).
type Deps struct {
	// OnUIThread runs fn on the UI thread; it may be called from any goroutine.
	OnUIThread func(fn func())
	// Now is the clock: today's date for new assessments, the plan's date.
	Now func() time.Time
	// After runs f once d has passed, on a goroutine of its own; stop
	// cancels it and reports whether it did so before f started.
	After func(d time.Duration, f func()) (stop func() bool)
	// Desktop opens, shows, prints and e-mails the saved plan.
	Desktop Desktop
	// DocumentsDir is the user's Documents folder as the system names it,
	// where plans go by default.
	DocumentsDir func() (string, error)
	// AutosaveDelay is how long an edit waits before it is saved, so that
	// typing saves once per pause.
	AutosaveDelay time.Duration
	// Busy is the window's working indicator, nil until the shell makes one.
	Busy *BusyIndicator
	// Synchronous makes Async run its work and then done at once, on the
	// calling goroutine: tests drive the screens step by step with it.
	Synchronous bool
}

// NewDeps returns the window's real dependencies: fyne.Do, time.Now,
// time.AfterFunc, the system's desktop and Documents folder, and autosave
// 400 ms after the last edit, well inside a second.
func NewDeps() *Deps {
	return &Deps{
		OnUIThread:    fyne.Do,
		Now:           time.Now,
		After:         afterFunc,
		Desktop:       desktop.System,
		DocumentsDir:  desktop.DocumentsDir,
		AutosaveDelay: 400 * time.Millisecond,
	}
}

func afterFunc(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// Async is how screens run database and PDF work: work on a goroutine and
// then done on the UI thread, with the working indicator shown while work
// takes longer than BusyDelay. With Synchronous deps both run at once.
func (d *Deps) Async(work func(), done func()) {
	if d.Synchronous {
		work()
		done()
		return
	}
	finished, shown := false, false // both only touched on the UI thread
	stop := d.After(BusyDelay, func() {
		d.OnUIThread(func() {
			if !finished && d.Busy != nil {
				shown = true
				d.Busy.add(1)
			}
		})
	})
	go func() {
		work()
		stop()
		d.OnUIThread(func() {
			finished = true
			if shown {
				d.Busy.add(-1)
			}
			done()
		})
	}()
}
