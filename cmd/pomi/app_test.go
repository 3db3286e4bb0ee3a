package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/applog"
)

// The tests below start the built app (POMI_APP_BIN, see mk/crash.mk) on
// a virtual display of their own: they need Xvfb, xdpyinfo and xdotool.

// appBinary is the app to run, or the test is skipped.
func appBinary(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("POMI_APP_BIN")
	if bin == "" {
		t.Skip("set POMI_APP_BIN to the built app (make test-crash)")
	}
	for _, tool := range []string{"Xvfb", "xdpyinfo", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is missing", tool)
		}
	}
	return bin
}

// startDisplay starts Xvfb with args on a display Xvfb picks itself
// (-displayfd) and returns its name. Xvfb takes over a lock file whose
// server is gone, so locks left by killed runs cannot use up the numbers.
func startDisplay(t *testing.T, args ...string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x := exec.Command("Xvfb", append([]string{"-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"}, args...)...)
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	// SIGTERM, not SIGKILL: Xvfb then removes its lock file and socket.
	t.Cleanup(func() { x.Process.Signal(syscall.SIGTERM); x.Wait() })
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	var display string
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb ended without naming its display")
		}
		display = ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb named no display within 20 s")
	}
	for range 100 {
		if exec.Command("xdpyinfo", "-display", display).Run() == nil {
			return display
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("Xvfb on %s did not answer", display)
	return ""
}

// appEnv is an environment with its own home, data folder and display.
func appEnv(home, display string, extra ...string) []string {
	env := []string{
		"HOME=" + home, "POMI_DATA_DIR=" + filepath.Join(home, "data"),
		"DISPLAY=" + display, "LANG=sv_SE.UTF-8", "PATH=" + os.Getenv("PATH"),
	}
	return append(env, extra...)
}

// runApp runs the app until it ends or timeout passes, returning its exit
// code (-1 when it had to be killed) and its output.
func runApp(t *testing.T, bin string, env []string, timeout time.Duration) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		return -1, out.String()
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, out.String()
}

func TestAppWithoutOpenGLExplainsAndExits(t *testing.T) {
	bin := appBinary(t)
	display := startDisplay(t, "-extension", "GLX") // a display without OpenGL
	home := t.TempDir()
	code, out := runApp(t, bin, appEnv(home, display), 30*time.Second)
	if code != exitFailure {
		t.Fatalf("exit code %d (-1: still running after 30 s), output:\n%s", code, out)
	}
	if !strings.Contains(out, "har inte stöd för OpenGL 2.1") || !strings.Contains(out, "opengl32.dll") {
		t.Errorf("the explanation is missing:\n%s", out)
	}
	logText, err := os.ReadFile(filepath.Join(home, "data", applog.FileName))
	if err != nil || !strings.Contains(string(logText), "GLX extension not found") {
		t.Errorf("the log lacks the cause (%v):\n%s", err, logText)
	}
}

func TestAppCrashIsReportedAndAnnouncedAtTheNextStart(t *testing.T) {
	bin := appBinary(t)
	display := startDisplay(t)
	home := t.TempDir()
	data := filepath.Join(home, "data")
	code, out := runApp(t, bin, appEnv(home, display, crashTestEnv+"=main"), 60*time.Second)
	if code != exitPanicked {
		t.Fatalf("exit code %d after the crash test, output:\n%s", code, out)
	}
	pending, err := applog.PendingCrashReports(data)
	if err != nil || len(pending) != 1 {
		t.Fatalf("crash reports %v, %v", pending, err)
	}
	report, _ := os.ReadFile(pending[0])
	if !strings.Contains(string(report), "Panic: crash test") || !strings.Contains(string(report), "main.run") {
		t.Errorf("the report:\n%s", report)
	}
	// The next start shows the notice, which marks the report seen.
	next := exec.Command(bin)
	next.Env = appEnv(home, display)
	if err := next.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { next.Process.Kill(); next.Wait() }()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	search := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "POMI Planner")
	search.Env = appEnv(home, display)
	if err := search.Run(); err != nil {
		t.Fatalf("no window at the next start: %v", err)
	}
	for range 50 {
		if seen, _ := filepath.Glob(filepath.Join(data, "crash-*-seen.txt")); len(seen) == 1 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Error("the next start did not take up the crash report")
}
