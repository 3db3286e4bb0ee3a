package applog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app"
)

// Crash report files are named crash-<local time>.txt (crash-20260102-150405.txt,
// with -2, -3 … for more in one second); once the next start has told the
// user about one it is renamed to …-seen.txt.
const (
	crashPrefix = "crash-"
	crashSuffix = ".txt"
	seenSuffix  = "-seen.txt"
	stampLayout = "20060102-150405"
)

// LogLinesInReport is how many of the last log lines a crash report carries.
const LogLinesInReport = 50

// KeepSeenReports is how many crash reports already shown are kept.
const KeepSeenReports = 10

// WriteCrashReport writes a crash report to dir for a panic with value and
// stack at time now: the app's version, the OS, the time, the value, the
// stack and the last LogLinesInReport lines of dir's log. It returns the
// report's path. It never overwrites a report.
func WriteCrashReport(dir string, value any, stack []byte, now time.Time) (string, error) {
	var b bytes.Buffer
	writeHeader(&b, now)
	fmt.Fprintf(&b, "Panic: %v\n\nStack:\n%s\n", value, bytes.TrimRight(stack, "\n"))
	writeLogTail(&b, dir)
	return saveReport(dir, now, b.Bytes())
}

// writeHeader says what ran where and when, for support.
func writeHeader(w io.Writer, now time.Time) {
	fmt.Fprintf(w, "POMI Planner crash report\n")
	fmt.Fprintf(w, "Version: %s%s\n", app.Version, revision())
	fmt.Fprintf(w, "System: %s/%s, %s\n", runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Fprintf(w, "Time: %s\n\n", now.Format(time.RFC3339))
}

// revision is the VCS commit the binary was built from, when Go recorded it.
func revision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return " (" + s.Value[:12] + ")"
		}
	}
	return ""
}

// writeLogTail appends the log's last lines, or says why there are none.
func writeLogTail(w io.Writer, dir string) {
	lines, err := LastLines(dir, LogLinesInReport)
	fmt.Fprintf(w, "\nLast %d lines of %s:\n", len(lines), FileName)
	if err != nil {
		fmt.Fprintf(w, "(the log could not be read: %v)\n", err)
	}
	for _, line := range lines {
		fmt.Fprintln(w, line)
	}
}

// saveReport writes data under a free crash report name; O_EXCL makes a
// report of the same second take the next number instead of replacing it.
func saveReport(dir string, now time.Time, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create crash report folder: %w", err)
	}
	stamp := now.Format(stampLayout)
	for seq := 1; seq < 1000; seq++ {
		name := crashPrefix + stamp + crashSuffix
		if seq > 1 {
			name = fmt.Sprintf("%s%s-%d%s", crashPrefix, stamp, seq, crashSuffix)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("write crash report: %w", err)
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return path, fmt.Errorf("write crash report %s: %w", path, werr)
		}
		return path, nil
	}
	return "", fmt.Errorf("write crash report: no free name in %s", dir)
}

// LastLines returns up to n of the last lines of dir's log, taking older
// ones from pomi.log.1 when the log was just rotated.
func LastLines(dir string, n int) ([]string, error) {
	base := filepath.Join(dir, FileName)
	lines, err := tailLines(base, n)
	if err != nil {
		return nil, err
	}
	if len(lines) < n {
		older, err := tailLines(base+".1", n-len(lines))
		if err == nil {
			lines = append(older, lines...)
		}
	}
	return lines, nil
}

// tailBytes bounds how much of a log is read for its tail: 50 lines of a
// sane log fit many times over, a single huge line is cut.
const tailBytes = 64 << 10

// tailLines reads the last n lines of path; a missing file has none.
func tailLines(path string, n int) ([]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read log: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read log: %w", err)
	}
	off := max(0, st.Size()-tailBytes)
	buf := make([]byte, st.Size()-off)
	if _, err := f.ReadAt(buf, off); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read log: %w", err)
	}
	text := strings.TrimRight(string(buf), "\n")
	if text == "" {
		return nil, nil
	}
	lines := strings.Split(text, "\n")
	if off > 0 {
		lines = lines[1:] // the first line was cut in the middle
	}
	return lines[max(0, len(lines)-n):], nil
}
