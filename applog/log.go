// Package applog is POMI Planner's log file and crash safety net: a
// timestamped, rotated pomi.log in the data folder, crash reports written
// when the app panics, the runtime's own crash output captured for panics on
// other goroutines, and recognition of a window that could not be opened
// (no OpenGL). It is pure Go, so every part of it can be tested without a
// display.
package applog

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// FileName is the log file's name in its folder.
const FileName = "pomi.log"

// DefaultMaxSize is the size above which the log is rotated: a year of
// ordinary use stays far below it, a runaway error loop cannot fill the disk.
const DefaultMaxSize = 1 << 20

// DefaultGenerations is how many rotated files (pomi.log.1 … .3) are kept.
const DefaultGenerations = 3

// timeLayout starts every line of the log; milliseconds order quick events.
const timeLayout = "2006-01-02 15:04:05.000"

// Options tune a Log; the zero value means the defaults.
type Options struct {
	// MaxSize is the size in bytes at which the file is rotated.
	MaxSize int64
	// Generations is how many rotated files are kept.
	Generations int
	// Console, when not nil, also receives every line (a terminal's stderr).
	Console io.Writer
	// Now is the clock of the timestamps; tests fix it.
	Now func() time.Time
}

// Log is an io.Writer that appends timestamped lines to FileName in its
// folder and rotates the file when it grows past MaxSize. It is safe for
// concurrent use; give it to log.SetOutput with log.SetFlags(0), since it
// stamps every line itself (also each line of a multi-line message).
type Log struct {
	mu        sync.Mutex
	dir       string
	opts      Options
	file      *os.File
	size      int64
	lineStart bool
	// stuck is set when a rotation failed (another copy of the app holds
	// the file on Windows): no new try until the next start.
	stuck bool
}

// Open opens (creating as needed) dir/pomi.log for appending, rotating it
// first when it is over DefaultMaxSize. The folder is created readable by
// its owner only, like the data folder.
func Open(dir string) (*Log, error) {
	return OpenWith(dir, Options{})
}

// OpenWith is Open with options.
func OpenWith(dir string, opts Options) (*Log, error) {
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	if opts.Generations <= 0 {
		opts.Generations = DefaultGenerations
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create log folder %s: %w", dir, err)
	}
	l := &Log{dir: dir, opts: opts, lineStart: true}
	if err := l.open(); err != nil {
		return nil, err
	}
	if l.size >= opts.MaxSize {
		// A rotation that fails only leaves the file big; without a file
		// there is no log.
		if err := l.rotate(); err != nil {
			l.stuck = true
			if l.file == nil {
				return nil, err
			}
		}
	}
	return l, nil
}

// Dir returns the folder the log is in; crash reports go beside it.
func (l *Log) Dir() string { return l.dir }

// Path returns the log file's path.
func (l *Log) Path() string { return filepath.Join(l.dir, FileName) }

// Write stamps each line of p with the time and appends it. A write that
// starts a line when the file is over its limit rotates the file first, so a
// line is never split between two files.
func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file == nil {
		return 0, os.ErrClosed
	}
	if l.lineStart && !l.stuck && l.size >= l.opts.MaxSize {
		// A failed rotation keeps writing to the big file: losing the
		// message would be worse than a log over its size.
		l.stuck = l.rotate() != nil
		if l.file == nil {
			return 0, fmt.Errorf("reopen log %s after rotation failed", l.Path())
		}
	}
	out := l.stamp(p)
	n, err := l.file.Write(out)
	l.size += int64(n)
	if l.opts.Console != nil {
		_, _ = l.opts.Console.Write(out)
	}
	if err != nil {
		return 0, fmt.Errorf("write log %s: %w", l.Path(), err)
	}
	return len(p), nil
}

// stamp puts the time before every line that starts in p.
func (l *Log) stamp(p []byte) []byte {
	stamp := l.opts.Now().Format(timeLayout) + " "
	out := make([]byte, 0, len(p)+len(stamp))
	for _, b := range p {
		if l.lineStart {
			out = append(out, stamp...)
		}
		out = append(out, b)
		l.lineStart = b == '\n'
	}
	return out
}

// Close closes the file; later writes fail with os.ErrClosed.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file == nil {
		return nil
	}
	err := l.file.Close()
	l.file = nil
	return err
}

func (l *Log) open() error {
	f, err := os.OpenFile(l.Path(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("open log %s: %w", l.Path(), err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("open log %s: %w", l.Path(), err)
	}
	l.file, l.size = f, st.Size()
	return nil
}

// rotate shifts pomi.log.N-1 to .N (dropping the oldest), the current file to
// .1, and opens a new one. The file is closed before it is renamed because
// Windows cannot rename a file that is open.
func (l *Log) rotate() error {
	if err := l.file.Close(); err != nil {
		return fmt.Errorf("close log for rotation: %w", err)
	}
	l.file = nil
	base := l.Path()
	renameErr := shiftGenerations(base, l.opts.Generations)
	if err := l.open(); err != nil {
		// Without a file the log is useless; say both reasons.
		return errors.Join(renameErr, err)
	}
	return renameErr
}

// shiftGenerations renames base.N-1 → base.N … base → base.1; a missing
// generation is no error (the log may be young).
func shiftGenerations(base string, generations int) error {
	var errs []error
	for i := generations - 1; i >= 0; i-- {
		from := base
		if i > 0 {
			from = fmt.Sprintf("%s.%d", base, i)
		}
		to := fmt.Sprintf("%s.%d", base, i+1)
		// os.Rename replaces an existing target on every OS Go supports.
		if err := os.Rename(from, to); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("rotate log: %w", err))
		}
	}
	return errors.Join(errs...)
}
