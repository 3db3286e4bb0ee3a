package desktop

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Grace is how long RunCommand waits for a program. One still running by
// then has shown something the user now works with (xdg-email waits for a
// Thunderbird it started until it closes), so it counts as done and is left
// running; one that failed has said so long before.
var Grace = 5 * time.Second

// ErrNoProgram is returned when a command's program is not installed.
var ErrNoProgram = errors.New("program not installed")

// RunCommand runs c on this system: a native call (Windows) or a program,
// which succeeds when it exits with status 0 (any status with AnyExit) or
// is still running after Grace.
func RunCommand(c Command) error {
	if c.Native != "" {
		return callNative(c)
	}
	if len(c.Args) == 0 {
		return errors.New("empty command")
	}
	name, err := exec.LookPath(c.Args[0])
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNoProgram, err)
	}
	cmd := exec.Command(name, c.Args[1:]...)
	cmd.SysProcAttr = sysProcAttr(c.Args)
	// What the program says goes to a file, not a pipe: a viewer it starts
	// inherits the handle, and a pipe would make Wait wait for the viewer
	// (or kill it with SIGPIPE once closed).
	errFile, err := os.CreateTemp("", "pomi-desktop-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(errFile.Name())
	defer errFile.Close()
	cmd.Stdout, cmd.Stderr = errFile, errFile
	if err := cmd.Start(); err != nil {
		return err
	}
	return waitGrace(func() error { return exitError(cmd.Wait(), c.AnyExit, errFile) })
}

// waitGrace runs wait on its own goroutine and returns its error, or nil
// once Grace has passed; the goroutine then finishes by itself, reaping
// the program whenever it ends.
func waitGrace(wait func() error) error {
	done := make(chan error, 1)
	go func() { done <- wait() }()
	timer := time.NewTimer(Grace)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return nil
	}
}

// exitError is Wait's error with the start of what the program wrote.
func exitError(err error, anyExit bool, out *os.File) error {
	var exit *exec.ExitError
	if err == nil || anyExit && errors.As(err, &exit) {
		return nil
	}
	var said []byte
	if _, serr := out.Seek(0, io.SeekStart); serr == nil {
		said, _ = io.ReadAll(io.LimitReader(out, 400))
	}
	if msg := strings.TrimSpace(string(said)); msg != "" {
		return fmt.Errorf("%w: %s", err, msg)
	}
	return err
}
