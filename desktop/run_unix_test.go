//go:build !windows

package desktop

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fakePrograms puts shell scripts named like the system's programs first
// in PATH (and nothing else), so the real runner runs them.
func fakePrograms(t *testing.T, scripts map[string]string) string {
	t.Helper()
	bin := t.TempDir()
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	return bin
}

func TestRunCommandReadsTheExitStatus(t *testing.T) {
	fakePrograms(t, map[string]string{
		"ok":     "exit 0",
		"refuse": `echo "lp: Error - no default destination available." >&2; exit 1`,
	})
	if err := RunCommand(Command{Args: []string{"ok"}}); err != nil {
		t.Errorf("exit 0: %v", err)
	}
	err := RunCommand(Command{Args: []string{"refuse"}})
	if err == nil || !strings.Contains(err.Error(), "no default destination") {
		t.Errorf("exit 1: %v, want the program's message", err)
	}
	if err := RunCommand(Command{Args: []string{"refuse"}, AnyExit: true}); err != nil {
		t.Errorf("exit 1 with AnyExit: %v", err)
	}
	if err := RunCommand(Command{Args: []string{"not-installed"}}); !errors.Is(err, ErrNoProgram) {
		t.Errorf("a missing program: %v", err)
	}
	if err := RunCommand(Command{Native: "ShellExecuteW", Args: []string{"open", "/x"}}); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("a native call outside Windows: %v", err)
	}
}

// A program that keeps running (a mail program xdg-email started) counts
// as done after Grace; RunCommand does not wait for it.
func TestRunCommandLeavesALongRunningProgramAfterGrace(t *testing.T) {
	old := Grace
	Grace = 200 * time.Millisecond
	t.Cleanup(func() { Grace = old })
	sleep := "/bin/sleep"
	if _, err := os.Stat(sleep); err != nil {
		sleep = "/usr/bin/sleep"
	}
	start := time.Now()
	if err := RunCommand(Command{Args: []string{sleep, "5"}}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("waited %v for a program that keeps running", took)
	}
}

// The whole e-mail chain on this system with real processes: xdg-email
// fails as it does without a desktop, so the draft is written and the
// file manager is asked over D-Bus to show it.
func TestEmailOnLinuxWithRealProgramsFallsBackToTheDraft(t *testing.T) {
	if runtime.GOOS == "darwin" {
		t.Skip("the Linux commands")
	}
	logs := t.TempDir()
	fakePrograms(t, map[string]string{
		"xdg-email": `printf '%s\n' "$@" > ` + logs + `/xdg-email; echo "xdg-email: no method available for opening 'mailto:'" >&2; exit 3`,
		"dbus-send": `printf '%s\n' "$@" > ` + logs + `/dbus-send`,
	})
	path, _ := testPDF(t)
	d := &Desktop{GOOS: "linux", Run: RunCommand, Now: time.Now}
	draft := Draft{To: "agneta@mollevangen.se", Subject: testSubject, Body: testBody, Attachment: path}
	out, err := d.Email(draft)
	if err != nil || out.Way != ViaDraftFile {
		t.Fatalf("email → %+v, %v", out, err)
	}
	if !strings.Contains(out.Tried.Error(), "no method available") {
		t.Errorf("the reason for the log: %v", out.Tried)
	}
	// Each argument arrived whole, the body's line breaks and all.
	for name, want := range map[string][]string{
		"xdg-email": emailCommands("linux", draft, false)[0].Args[1:],
		"dbus-send": showCommands("linux", out.File)[0].Args[1:],
	} {
		got, _ := os.ReadFile(filepath.Join(logs, name))
		if string(got) != strings.Join(want, "\n")+"\n" {
			t.Errorf("%s got\n%s\nwant\n%q", name, got, want)
		}
	}
	if !strings.HasSuffix(out.File, ".eml") {
		t.Errorf("draft %s", out.File)
	}
	draftHasPDF(t, out.File, 5009)
}
