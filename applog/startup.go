package applog

import (
	"io"
	"regexp"
	"strings"
	"sync"
)

// Fyne reports a window it could not make with fyne.LogError, which logs
// "Fyne error:  <reason>" and "  Cause: <error>" as separate lines, and
// carries on: before the event loop runs it merely quits a loop that has
// not started, so the process would then wait for ever with no window. The
// reasons below are the ones that leave no usable window (Fyne v2.8.0,
// internal/driver/glfw and internal/painter/gl).
var fatalFyneReasons = []string{
	"window creation error",
	"failed to initialise GLFW",
	"failed to initialise OpenGL",
}

// openGLSigns are what GLFW and Fyne say when the graphics driver cannot
// give the app an OpenGL 2.1 context: the error codes of go-gl/glfw, the
// prefixes of GLFW's context back ends (WGL on Windows, GLX and EGL on
// Linux, NSGL on macOS) and Fyne's own message.
var openGLSigns = []string{
	"apiunavailable",
	"versionunavailable",
	"formatunavailable",
	"wgl:",
	"glx:",
	"egl:",
	"nsgl:",
	"opengl",
}

// glfwErrorText is how go-gl/glfw's errors read ("PlatformError: WGL: …").
// It logs platform errors itself and then returns no error at all: a
// window that failed that way leaves only this line behind.
var glfwErrorText = regexp.MustCompile(`\b(PlatformError|PlatformUnavailable|APIUnavailable|VersionUnavailable|FormatUnavailable|NotInitialized): .*`)

// IsOpenGLFailure reports whether text (a log line, a panic's value) says
// that OpenGL is missing or too old.
func IsOpenGLFailure(text string) bool {
	t := strings.ToLower(text)
	for _, s := range openGLSigns {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// StartupFailure is why the window could not be opened.
type StartupFailure struct {
	// Reason is Fyne's reason, e.g. "window creation error".
	Reason string
	// Cause is the underlying error's text, "" when Fyne gave none.
	Cause string
}

// OpenGL reports whether the failure is a missing or too old OpenGL.
func (f StartupFailure) OpenGL() bool {
	return IsOpenGLFailure(f.Reason) || IsOpenGLFailure(f.Cause)
}

// StartupWatch passes log output through to another writer and remembers
// the first report of a window that could not be opened, so that the app
// can explain it instead of vanishing. Put it between log.SetOutput and the
// log file.
type StartupWatch struct {
	out     io.Writer
	mu      sync.Mutex
	failure *StartupFailure
	// awaiting is true after a fatal reason, until its Cause line.
	awaiting bool
	// lastGLFW is the last go-gl/glfw error seen, the likely cause of a
	// window that is missing without a Fyne error.
	lastGLFW string
}

// NewStartupWatch watches what is written on its way to out.
func NewStartupWatch(out io.Writer) *StartupWatch {
	return &StartupWatch{out: out}
}

// Write inspects p (the log package writes one entry per call) and passes
// it on.
func (s *StartupWatch) Write(p []byte) (int, error) {
	s.inspect(string(p))
	return s.out.Write(p)
}

func (s *StartupWatch) inspect(entry string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, line := range strings.Split(entry, "\n") {
		s.inspectLine(line)
	}
}

func (s *StartupWatch) inspectLine(line string) {
	if m := glfwErrorText.FindString(line); m != "" {
		s.lastGLFW = strings.TrimSpace(m)
	}
	if _, cause, ok := strings.Cut(line, "Cause:"); ok && s.awaiting {
		s.failure.Cause = strings.TrimSpace(cause)
		s.awaiting = false
		return
	}
	_, reason, ok := strings.Cut(line, "Fyne error:")
	if !ok || s.failure != nil {
		return
	}
	reason = strings.TrimSpace(reason)
	for _, r := range fatalFyneReasons {
		if strings.EqualFold(reason, r) {
			s.failure = &StartupFailure{Reason: reason}
			s.awaiting = true
			return
		}
	}
}

// Failure is Failed, and also a failure when the window is not open
// (windowOpened false) though Fyne logged no error: then the cause is the
// last go-gl/glfw error seen.
func (s *StartupWatch) Failure(windowOpened bool) (StartupFailure, bool) {
	if f, failed := s.Failed(); failed || windowOpened {
		return f, failed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return StartupFailure{Reason: "no window", Cause: s.lastGLFW}, true
}

// Failed returns the first failure seen, if any.
func (s *StartupWatch) Failed() (StartupFailure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failure == nil {
		return StartupFailure{}, false
	}
	return *s.failure, true
}
