package applog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"
)

// FatalFileName receives the Go runtime's own report when the process dies
// in a way no recover can catch: a panic on another goroutine, a fatal
// error such as a concurrent map write. The next start turns it into a
// crash report.
const FatalFileName = "pomi-fatal.log"

// CaptureFatal makes the runtime copy its crash output to dir's
// FatalFileName as well as stderr (a Windows GUI program has no stderr to
// see). Close the returned file at a normal exit; the runtime keeps its own
// duplicate of the handle until then.
func CaptureFatal(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, FatalFileName), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open crash output: %w", err)
	}
	if err := debug.SetCrashOutput(f, debug.CrashOptions{}); err != nil {
		f.Close()
		return nil, fmt.Errorf("set crash output: %w", err)
	}
	return f, nil
}

// CollectFatal turns what the runtime wrote to dir's FatalFileName in an
// earlier run into a crash report (dated by the file's last change, which
// is when that run died) and empties the file. It returns the report's
// path, or "" when there was nothing.
func CollectFatal(dir string) (string, error) {
	path := filepath.Join(dir, FatalFileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(bytes.TrimSpace(data)) == 0) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read crash output: %w", err)
	}
	when := time.Now()
	if st, err := os.Stat(path); err == nil {
		when = st.ModTime()
	}
	var b bytes.Buffer
	writeHeader(&b, when)
	b.WriteString("The program stopped on an error outside the window's thread.\n\nRuntime output:\n")
	b.Write(bytes.TrimRight(data, "\n"))
	b.WriteString("\n")
	writeLogTail(&b, dir)
	report, err := saveReport(dir, when, b.Bytes())
	if err != nil {
		return "", err
	}
	// Emptied only once the report is safe, so a failure loses nothing.
	if err := os.Truncate(path, 0); err != nil {
		return report, fmt.Errorf("empty crash output: %w", err)
	}
	return report, nil
}
