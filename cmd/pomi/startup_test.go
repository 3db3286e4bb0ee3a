package main

import (
	"errors"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/applog"
)

// testLogging starts the app's logging in a temporary data folder and
// undoes it when the test ends: the standard log, the runtime's crash
// output and showError are global.
func testLogging(t *testing.T, dataDir string, dirErr error) *appLog {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "cache"))
	prevOut, prevFlags, prevShow := log.Writer(), log.Flags(), showError
	l := startLogging(dataDir, dirErr)
	t.Cleanup(func() {
		l.close()
		_ = debug.SetCrashOutput(nil, debug.CrashOptions{})
		log.SetOutput(prevOut)
		log.SetFlags(prevFlags)
		showError = prevShow
	})
	return l
}

// shown records what showError was asked to show.
type shown struct{ title, body string }

func captureShowError(t *testing.T) *[]shown {
	t.Helper()
	var got []shown
	showError = func(title, body string) error {
		got = append(got, shown{title, body})
		return nil
	}
	return &got
}

func TestTheLogIsInTheDataFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	l := testLogging(t, dir, nil)
	log.Print("pomi: something to remember")
	l.close()
	text, err := os.ReadFile(filepath.Join(dir, "pomi.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"POMI Planner", "starting on", "pomi: something to remember"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("pomi.log lacks %q:\n%s", want, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, applog.FatalFileName)); err != nil {
		t.Errorf("the runtime's crash output is not captured: %v", err)
	}
}

func TestAnUnusableDataFolderLogsToTheCacheFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	l := testLogging(t, filepath.Join(file, "data"), nil)
	cache, _ := os.UserCacheDir()
	if want := filepath.Join(cache, "POMI Planner"); l.dir() != want {
		t.Errorf("log in %q, want %q", l.dir(), want)
	}
	l2 := testLogging(t, "", errors.New("no config folder"))
	if l2.dir() == "" || l2.path() == "" {
		t.Error("without a data folder there is no log file")
	}
}

func TestAPanicWritesACrashReport(t *testing.T) {
	dir := t.TempDir()
	l := testLogging(t, dir, nil)
	l.shown = true
	log.Print("pomi: the line before the panic")
	if code := l.panicked("assignment to entry in nil map", debug.Stack()); code != exitPanicked {
		t.Errorf("exit code %d", code)
	}
	pending, err := applog.PendingCrashReports(dir)
	if err != nil || len(pending) != 1 {
		t.Fatalf("crash reports %v, %v", pending, err)
	}
	report, _ := os.ReadFile(pending[0])
	for _, want := range []string{"Panic: assignment to entry in nil map", "TestAPanicWritesACrashReport", "the line before the panic"} {
		if !strings.Contains(string(report), want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
}

func TestAnOpenGLPanicBeforeTheWindowIsExplained(t *testing.T) {
	dir := t.TempDir()
	l := testLogging(t, dir, nil)
	got := captureShowError(t)
	// go-gl/glfw panics on errors it does not expect, such as this one.
	value := errors.New("FormatUnavailable: WGL: Failed to find a suitable pixel format")
	l.lang = "sv"
	if code := l.panicked(value, debug.Stack()); code != exitFailure {
		t.Errorf("exit code %d", code)
	}
	if len(*got) != 1 || (*got)[0].title != "POMI Planner kan inte starta" || !strings.Contains((*got)[0].body, "OpenGL 2.1") {
		t.Errorf("shown %+v", *got)
	}
	if pending, _ := applog.PendingCrashReports(dir); len(pending) != 0 {
		t.Errorf("a start-up failure left crash reports %v", pending)
	}
	// Once the window is open, the same panic is a crash.
	l.shown = true
	if code := l.panicked(value, nil); code != exitPanicked {
		t.Errorf("after the window opened: exit code %d", code)
	}
}

func TestFyneLoggingAFailedWindowIsExplained(t *testing.T) {
	l := testLogging(t, t.TempDir(), nil)
	got := captureShowError(t)
	// What fyne.LogError writes when GLFW cannot create the window.
	log.Println("Fyne error: ", "window creation error")
	log.Println("  Cause:", "APIUnavailable: WGL: The driver does not appear to support OpenGL")
	f, failed := l.watch.Failed()
	if !failed {
		t.Fatal("the failure was not seen")
	}
	l.lang = "en"
	if code := l.startupFailed(f); code != exitFailure {
		t.Errorf("exit code %d", code)
	}
	if len(*got) != 1 || (*got)[0].title != "POMI Planner cannot start" || !strings.Contains((*got)[0].body, l.path()) {
		t.Errorf("shown %+v", *got)
	}
}

func TestStartupMessages(t *testing.T) {
	gl := applog.StartupFailure{Reason: "window creation error", Cause: "APIUnavailable: WGL: The driver does not appear to support OpenGL"}
	other := applog.StartupFailure{Reason: "failed to initialise GLFW", Cause: "PlatformUnavailable: X11: Failed to open display"}
	for _, c := range []struct {
		lang    string
		f       applog.StartupFailure
		want    []string
		notWant string
	}{
		{"sv", gl, []string{"har inte stöd för OpenGL 2.1", "Uppdatera grafikdrivrutinen", "3D-acceleration", "opengl32.dll från Mesa", "loggfilen: /d/pomi.log"}, "Orsak:"},
		{"en", gl, []string{"does not support OpenGL 2.1", "Update the graphics driver", "3D acceleration", "opengl32.dll from Mesa", "log file: /d/pomi.log"}, "Cause:"},
		{"sv", other, []string{"kunde inte öppna sitt fönster", "Orsak: PlatformUnavailable: X11: Failed to open display"}, "OpenGL"},
		{"en", other, []string{"could not open its window", "Cause: PlatformUnavailable"}, "OpenGL"},
		{"de", other, []string{"could not open its window"}, "ui.crash"},
	} {
		title, body := startupMessage(localizer(c.lang), c.f, "/d/pomi.log")
		if title == "" || strings.Contains(title, "ui.crash") {
			t.Errorf("%s: title %q", c.lang, title)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s %s: the message lacks %q:\n%s", c.lang, c.f.Reason, w, body)
			}
		}
		if strings.Contains(body, c.notWant) {
			t.Errorf("%s %s: the message has %q:\n%s", c.lang, c.f.Reason, c.notWant, body)
		}
	}
	if _, body := startupMessage(localizer("en"), other, ""); strings.Contains(body, "log file") {
		t.Errorf("a message without a log file mentions one: %s", body)
	}
}
