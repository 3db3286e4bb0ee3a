package shell

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// crashUI is a UI thread for a child process under test. Fyne's test driver
// runs fyne.Do on the calling goroutine; crashUI queues it instead, as the
// real driver does, for the test goroutine to run: background saves then
// finish on the UI thread while typing goes on, as in the window.
type crashUI struct {
	fyne.Driver
	calls chan func()
}

// crashUIApp is the test app with crashUI as its driver.
type crashUIApp struct {
	fyne.App
	ui *crashUI
}

// Driver returns the queueing driver.
func (a crashUIApp) Driver() fyne.Driver { return a.ui }

// newCrashUI makes a test app whose fyne.Do queues work for the returned
// UI thread; the test goroutine must run it with pump or until.
func newCrashUI(t *testing.T) *crashUI {
	a := test.NewTempApp(t)
	u := &crashUI{Driver: a.Driver(), calls: make(chan func(), 4096)}
	fyne.SetCurrentApp(crashUIApp{App: a, ui: u})
	return u
}

// DoFromGoroutine queues fn for the UI thread, waiting for it when wait is set.
func (u *crashUI) DoFromGoroutine(fn func(), wait bool) {
	if !wait {
		u.calls <- fn
		return
	}
	done := make(chan struct{})
	u.calls <- func() { fn(); close(done) }
	<-done
}

// pump runs queued UI work for d.
func (u *crashUI) pump(d time.Duration) {
	end := time.After(d)
	for {
		select {
		case fn := <-u.calls:
			fn()
		case <-end:
			return
		}
	}
}

// until runs queued UI work until cond holds, at most for d; it reports cond.
func (u *crashUI) until(cond func() bool, d time.Duration) bool {
	end := time.After(d)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case fn := <-u.calls:
			fn()
		case <-tick.C:
		case <-end:
			return cond()
		}
	}
	return true
}

// crashReady is what a child prints once it is set up to work.
const crashReady = "ready"

// killUIChild runs the test named name of this binary as a child process
// with env added, waits (up to two minutes, for a loaded machine) until it
// prints crashReady, lets it work for d, kills it with SIGKILL and returns
// the lines it printed after ready and what it wrote to stderr.
func killUIChild(t *testing.T, name string, d time.Duration, env ...string) (lines []string, stderr string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready, ended, out := make(chan struct{}), make(chan struct{}), make(chan []string, 1)
	go func() {
		defer close(ended)
		var got []string
		sc := bufio.NewScanner(stdout)
		isReady := false
		for sc.Scan() {
			switch {
			case isReady:
				got = append(got, sc.Text())
			case sc.Text() == crashReady:
				isReady = true
				close(ready)
			default:
				got = append(got, sc.Text()) // why it failed to start
			}
		}
		out <- got
	}()
	select {
	case <-ready:
		time.Sleep(d)
	case <-ended: // it failed before getting ready: its lines say why
	case <-time.After(2 * time.Minute):
	}
	cmd.Process.Kill()
	lines = <-out
	cmd.Wait()
	select {
	case <-ready:
	default:
		t.Fatalf("the child never got ready: %q\n%s", lines, errBuf.String())
	}
	return lines, errBuf.String()
}
