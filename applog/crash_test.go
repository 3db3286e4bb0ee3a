package applog

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
)

var crashTime = time.Date(2026, 3, 4, 5, 6, 7, 0, time.Local)

func TestCrashReportSaysWhatSupportNeeds(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 60 {
		fmt.Fprintf(l, "log line %02d\n", i)
	}
	l.Close()
	path, err := WriteCrashReport(dir, "index out of range [3] with length 2", debug.Stack(), crashTime)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "crash-20260304-050607.txt" {
		t.Errorf("report named %s", filepath.Base(path))
	}
	report := readFile(t, path)
	for _, want := range []string{
		"Version: " + app.Version,
		"System: " + runtime.GOOS + "/" + runtime.GOARCH,
		"Time: " + crashTime.Format(time.RFC3339),
		"Panic: index out of range [3] with length 2",
		"TestCrashReportSaysWhatSupportNeeds", // the stack
		"Last 50 lines of pomi.log:",
		"log line 10\n", "log line 59\n",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
	if strings.Contains(report, "log line 09\n") {
		t.Error("the report has more than the last 50 log lines")
	}
}

func TestCrashReportsOfOneSecondDoNotOverwriteEachOther(t *testing.T) {
	dir := t.TempDir()
	first, err := WriteCrashReport(dir, "first", nil, crashTime)
	if err != nil {
		t.Fatal(err)
	}
	second, err := WriteCrashReport(dir, "second", nil, crashTime)
	if err != nil {
		t.Fatal(err)
	}
	if first == second || filepath.Base(second) != "crash-20260304-050607-2.txt" {
		t.Fatalf("reports %s and %s", first, second)
	}
	if !strings.Contains(readFile(t, first), "Panic: first") || !strings.Contains(readFile(t, second), "Panic: second") {
		t.Error("a report was overwritten")
	}
	if !strings.Contains(readFile(t, first), "Last 0 lines of pomi.log:") {
		t.Error("a folder without a log should give an empty tail")
	}
}

func TestCrashReportInAnUnwritableFolderFails(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteCrashReport(filepath.Join(blocked, "sub"), "x", nil, crashTime); err == nil {
		t.Error("no error for a folder that cannot exist")
	}
}

func TestLastLinesReachIntoTheRotatedLog(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, FileName)
	os.WriteFile(base+".1", []byte("a\nb\nc\n"), 0o600)
	os.WriteFile(base, []byte("d\ne\n"), 0o600)
	lines, err := LastLines(dir, 4)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines, ",") != "b,c,d,e" {
		t.Errorf("last lines %q", lines)
	}
}

func TestLastLinesOfAHugeLogDropTheCutLine(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("x", tailBytes) + "\nlast\n"
	os.WriteFile(filepath.Join(dir, FileName), []byte(big), 0o600)
	lines, err := LastLines(dir, 50)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines, ",") != "last" {
		t.Errorf("last lines %d, first %.20q", len(lines), lines[0])
	}
}

func TestPendingReportsAreAnnouncedOnce(t *testing.T) {
	dir := t.TempDir()
	var made []string
	for i := range 11 {
		p, err := WriteCrashReport(dir, i, nil, crashTime)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	later, _ := WriteCrashReport(dir, "later", nil, crashTime.Add(time.Hour))
	os.WriteFile(filepath.Join(dir, "crash-notes.md"), nil, 0o600)
	pending, err := PendingCrashReports(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Oldest first: -10 and -11 after -9, the later hour last.
	want := append(append([]string(nil), made...), later)
	if strings.Join(pending, "\n") != strings.Join(want, "\n") {
		t.Fatalf("pending\n%s\nwant\n%s", strings.Join(pending, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range pending {
		seen, err := MarkSeen(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(seen, "-seen.txt") || readFile(t, seen) == "" {
			t.Errorf("%s marked as %s", p, seen)
		}
		if again, _ := MarkSeen(seen); again != seen {
			t.Errorf("marking %s twice gave %s", seen, again)
		}
	}
	if pending, _ := PendingCrashReports(dir); len(pending) != 0 {
		t.Errorf("still pending after marking: %v", pending)
	}
	// Only the newest KeepSeenReports remain: the two oldest are gone.
	kept, _ := filepath.Glob(filepath.Join(dir, "crash-*-seen.txt"))
	if len(kept) != KeepSeenReports {
		t.Errorf("%d seen reports kept", len(kept))
	}
	for _, gone := range made[:2] {
		if _, err := os.Stat(strings.TrimSuffix(gone, ".txt") + "-seen.txt"); !os.IsNotExist(err) {
			t.Errorf("%s was not pruned", gone)
		}
	}
	if _, err := os.Stat(strings.TrimSuffix(later, ".txt") + "-seen.txt"); err != nil {
		t.Errorf("the newest report was pruned: %v", err)
	}
}

func TestNoFolderMeansNoPendingReports(t *testing.T) {
	pending, err := PendingCrashReports(filepath.Join(t.TempDir(), "missing"))
	if err != nil || len(pending) != 0 {
		t.Errorf("pending %v, error %v", pending, err)
	}
}
