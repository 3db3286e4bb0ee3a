package applog

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// logThroughFyne sends reason and cause through fyne.LogError, the way Fyne
// v2.8.0's GLFW driver reports a window it could not create, into a watch.
func logThroughFyne(t *testing.T, reason string, cause error) (*StartupWatch, string) {
	t.Helper()
	var out bytes.Buffer
	watch := NewStartupWatch(&out)
	prevOut, prevFlags := log.Writer(), log.Flags()
	log.SetOutput(watch)
	log.SetFlags(log.LstdFlags)
	defer func() { log.SetOutput(prevOut); log.SetFlags(prevFlags) }()
	log.Println("pomi: an ordinary line")
	fyne.LogError(reason, cause)
	return watch, out.String()
}

func TestWindowsWithoutOpenGLAreRecognised(t *testing.T) {
	// What go-gl/glfw returns when WGL finds no accelerated pixel format.
	cause := errors.New("APIUnavailable: WGL: The driver does not appear to support OpenGL")
	watch, out := logThroughFyne(t, "window creation error", cause)
	if !strings.Contains(out, "WGL: The driver does not appear to support OpenGL") {
		t.Errorf("the watch swallowed the log: %q", out)
	}
	f, ok := watch.Failed()
	if !ok || f.Reason != "window creation error" || f.Cause != cause.Error() || !f.OpenGL() {
		t.Errorf("failure %+v, seen %v", f, ok)
	}
}

func TestOtherStartupFailuresAreNotBlamedOnOpenGL(t *testing.T) {
	watch, _ := logThroughFyne(t, "failed to initialise GLFW", errors.New("PlatformUnavailable: X11: Failed to open display :5"))
	f, ok := watch.Failed()
	if !ok || f.OpenGL() || !strings.Contains(f.Cause, "Failed to open display") {
		t.Errorf("failure %+v, seen %v", f, ok)
	}
}

func TestOpenGLInitFailureWithoutCause(t *testing.T) {
	watch, _ := logThroughFyne(t, "failed to initialise OpenGL", nil)
	if f, ok := watch.Failed(); !ok || !f.OpenGL() || f.Cause != "" {
		t.Errorf("failure %+v, seen %v", f, ok)
	}
}

func TestHarmlessFyneErrorsAreNoStartupFailure(t *testing.T) {
	watch, _ := logThroughFyne(t, "Failed to set dark mode", errors.New("OpenGL-ish words in a cause"))
	if f, ok := watch.Failed(); ok {
		t.Errorf("a harmless error counted as a failure: %+v", f)
	}
}

func TestOpenGLFailureTexts(t *testing.T) {
	for text, want := range map[string]bool{
		"VersionUnavailable: WGL: Driver does not support OpenGL version 2.1":                   true,
		"FormatUnavailable: WGL: Failed to find a suitable pixel format":                        true,
		"APIUnavailable: GLX: GLX extension not found":                                          true,
		"APIUnavailable: EGL: Failed to initialize EGL: EGL is not or could not be initialized": true,
		"runtime error: index out of range [3] with length 2":                                   false,
		"PlatformUnavailable: X11: The DISPLAY environment variable is missing":                 false,
	} {
		if got := IsOpenGLFailure(text); got != want {
			t.Errorf("IsOpenGLFailure(%q) = %v", text, got)
		}
	}
}

func TestAMissingWindowTakesTheLastGLFWErrorAsCause(t *testing.T) {
	var out bytes.Buffer
	watch := NewStartupWatch(&out)
	logger := log.New(watch, "", 0)
	// go-gl/glfw logs platform errors with log.Println and returns no error,
	// so Fyne says nothing and the window is simply not there.
	logger.Println(errors.New("PlatformError: WGL: Failed to load opengl32.dll"))
	if f, failed := watch.Failure(true); failed {
		t.Errorf("an open window counted as a failure: %+v", f)
	}
	f, failed := watch.Failure(false)
	if !failed || f.Cause != "PlatformError: WGL: Failed to load opengl32.dll" || !f.OpenGL() {
		t.Errorf("missing window: %+v, %v", f, failed)
	}
	if f, failed := NewStartupWatch(&out).Failure(false); !failed || f.Cause != "" || f.OpenGL() {
		t.Errorf("missing window without any error: %+v, %v", f, failed)
	}
}
