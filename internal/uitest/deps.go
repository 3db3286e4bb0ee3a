package uitest

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/pomi-planner/pomi/desktop"
	"github.com/pomi-planner/pomi/ui/kit"
)

// NewDeps returns deps for tests and their clock: background work runs at
// once on the calling goroutine (the test driver's UI thread), the clock
// stands at Today until the test advances it, so autosave waits for Flush
// (or Clock.Advance), the Documents folder is a temp folder and the desktop
// is a FakeDesktop that starts no program. A test may change any field.
func NewDeps(t testing.TB) (*kit.Deps, *Clock) {
	t.Helper()
	clock := NewClock(Today)
	docs := t.TempDir()
	sys, _ := FakeDesktop()
	sys.Now = clock.Now
	return &kit.Deps{
		OnUIThread:    func(fn func()) { fn() },
		Now:           clock.Now,
		After:         clock.After,
		Desktop:       sys,
		DocumentsDir:  func() (string, error) { return docs, nil },
		AutosaveDelay: 400 * time.Millisecond,
		Synchronous:   true,
	}, clock
}

// Deps is NewDeps without the clock, for tests that do not move it.
func Deps(t testing.TB) *kit.Deps {
	t.Helper()
	deps, _ := NewDeps(t)
	return deps
}

// BackgroundDeps returns the window's own way of working, for tests of
// real background writes: work on goroutines, results through fyne.Do,
// time.Now and real timers, autosave delay after the last edit. Only the
// desktop (a FakeDesktop) and the Documents folder (a temp folder) are not
// the system's.
func BackgroundDeps(t testing.TB, delay time.Duration) *kit.Deps {
	t.Helper()
	window := kit.NewDeps()
	docs := t.TempDir()
	sys, _ := FakeDesktop()
	return &kit.Deps{
		OnUIThread:    fyne.Do,
		Now:           window.Now,
		After:         window.After,
		Desktop:       sys,
		DocumentsDir:  func() (string, error) { return docs, nil },
		AutosaveDelay: delay,
	}
}

// FakeDesktop is a Linux desktop whose programs run nowhere: it records
// each command it is asked to run in the returned slice, and a command
// containing one of fail fails with "exit status 3". Tests may change its
// GOOS, MailClient and Run.
func FakeDesktop(fail ...string) (*desktop.Desktop, *[]desktop.Command) {
	var mu sync.Mutex
	ran := &[]desktop.Command{}
	run := func(c desktop.Command) error {
		mu.Lock()
		defer mu.Unlock()
		*ran = append(*ran, c)
		for _, f := range fail {
			if strings.Contains(c.String(), f) {
				return errors.New("exit status 3")
			}
		}
		return nil
	}
	return &desktop.Desktop{GOOS: "linux", Run: run, Now: time.Now}, ran
}

// Clock is a fake clock: Now stands still until Advance moves it, and the
// timers After starts fire inside Advance, on its goroutine, in the order
// of their times. It is safe for concurrent use.
type Clock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

// fakeTimer is one function After waits to call.
type fakeTimer struct {
	at      time.Time
	f       func()
	stopped bool
}

// NewClock returns a clock standing at start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After calls f when Advance reaches d from now; stop cancels it and
// reports whether it did so before f was called.
func (c *Clock) After(d time.Duration, f func()) (stop func() bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	tm := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, tm)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !tm.stopped
		tm.stopped = true
		return was
	}
}

// Advance moves the clock d on, calling the functions of the timers due on
// the way, each with the clock at its time; a timer such a function starts
// fires too when it falls due before the end.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now.Add(d)
	for {
		tm := c.nextDue(end)
		if tm == nil {
			break
		}
		tm.stopped = true
		c.now = tm.at
		c.mu.Unlock()
		tm.f()
		c.mu.Lock()
	}
	c.now = end
	c.mu.Unlock()
}

// nextDue drops the stopped timers and takes the earliest one due by end
// out of the list; nil when there is none. The caller holds mu.
func (c *Clock) nextDue(end time.Time) *fakeTimer {
	live := c.timers[:0]
	for _, tm := range c.timers {
		if !tm.stopped {
			live = append(live, tm)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return live[i].at.Before(live[j].at) })
	if len(live) == 0 || live[0].at.After(end) {
		c.timers = live
		return nil
	}
	c.timers = live[1:]
	return live[0]
}
