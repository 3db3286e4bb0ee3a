// Package atomicfile saves a file whole or not at all: it is written to a
// temporary file in the same folder, synced and renamed over the path, so a
// crash or a full disk never leaves half a file, and a file already at the
// path stays as it was until the new one is complete.
package atomicfile

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// IOError is a failure to create, write, sync or rename the file itself,
// as opposed to an error of the fill function.
type IOError struct {
	Err error
}

// Error gives the cause.
func (e *IOError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *IOError) Unwrap() error { return e.Err }

// Write saves at path what fill writes, through a buffered writer. pattern
// names the temporary file (os.CreateTemp); the file ends up with mode 0644.
// An error of fill comes back as it is, any other as an *IOError; either
// way nothing is left behind.
func Write(path, pattern string, fill func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return &IOError{err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 256<<10)
	if err := fill(buf); err != nil {
		return err
	}
	if err := errors.Join(buf.Flush(), tmp.Chmod(0o644), tmp.Sync()); err != nil {
		return &IOError{err}
	}
	if err := tmp.Close(); err != nil {
		return &IOError{err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &IOError{err}
	}
	return nil
}
