package applog

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fatalChildEnv makes the test binary, started again by
// TestAPanicOnAnotherGoroutineBecomesACrashReport, die the way a panic in a
// background goroutine kills the app.
const fatalChildEnv = "APPLOG_FATAL_CHILD_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(fatalChildEnv); dir != "" {
		if _, err := CaptureFatal(dir); err != nil {
			os.Exit(3)
		}
		go func() { panic("boom in the background") }()
		time.Sleep(10 * time.Second)
		os.Exit(4) // the panic did not end the process
	}
	os.Exit(m.Run())
}

func TestAPanicOnAnotherGoroutineBecomesACrashReport(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fatalChildEnv+"="+dir)
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Fatalf("the child ended with %v, want a panic's exit code 2", err)
	}
	report, err := CollectFatal(dir)
	if err != nil || report == "" {
		t.Fatalf("report %q, error %v", report, err)
	}
	text := readFile(t, report)
	for _, want := range []string{"POMI Planner crash report", "panic: boom in the background", "goroutine "} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if pending, _ := PendingCrashReports(dir); len(pending) != 1 || pending[0] != report {
		t.Errorf("pending reports %v", pending)
	}
	// Collected once: the runtime's file is empty now.
	if again, err := CollectFatal(dir); again != "" || err != nil {
		t.Errorf("collected twice: %q, %v", again, err)
	}
	if st, err := os.Stat(filepath.Join(dir, FatalFileName)); err != nil || st.Size() != 0 {
		t.Errorf("crash output not emptied: %v", err)
	}
}

func TestNothingToCollectAfterANormalRun(t *testing.T) {
	dir := t.TempDir()
	if report, err := CollectFatal(dir); report != "" || err != nil {
		t.Errorf("no file: report %q, error %v", report, err)
	}
	os.WriteFile(filepath.Join(dir, FatalFileName), []byte("\n"), 0o600)
	if report, err := CollectFatal(dir); report != "" || err != nil {
		t.Errorf("empty file: report %q, error %v", report, err)
	}
}
