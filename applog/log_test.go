package applog

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var fixedNow = func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 8_000_000, time.UTC) }

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEveryLineIsStampedEvenAcrossWrites(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenWith(dir, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(l, "one\ntwo")
	fmt.Fprint(l, " continued\nthree\n")
	l.Close()
	want := "2026-03-04 05:06:07.008 one\n" +
		"2026-03-04 05:06:07.008 two continued\n" +
		"2026-03-04 05:06:07.008 three\n"
	if got := readFile(t, filepath.Join(dir, FileName)); got != want {
		t.Errorf("log is\n%q\nwant\n%q", got, want)
	}
}

func TestOpenAppendsToTheExistingLog(t *testing.T) {
	dir := t.TempDir()
	for _, word := range []string{"first", "second"} {
		l, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(l, word)
		l.Close()
	}
	got := readFile(t, filepath.Join(dir, FileName))
	if !strings.Contains(got, "first\n") || !strings.Contains(got, "second\n") || strings.Index(got, "first") > strings.Index(got, "second") {
		t.Errorf("the second start did not append: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+".1")); !os.IsNotExist(err) {
		t.Errorf("a small log was rotated: %v", err)
	}
}

func TestABigLogIsRotatedAtStart(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, FileName)
	if err := os.WriteFile(base, bytes.Repeat([]byte("old line\n"), 20), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := OpenWith(dir, Options{MaxSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(l, "new start")
	l.Close()
	if got := readFile(t, base); strings.Contains(got, "old line") || !strings.Contains(got, "new start") {
		t.Errorf("current log after rotation: %q", got)
	}
	if got := readFile(t, base+".1"); strings.Count(got, "old line") != 20 {
		t.Errorf("pomi.log.1 does not hold the old log: %q", got)
	}
}

func TestRotationWhileRunningKeepsThreeGenerations(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenWith(dir, Options{MaxSize: 50, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	// Each line is 24 + 10 bytes; every second line starts a new file.
	for i := range 10 {
		fmt.Fprintf(l, "line %04d\n", i)
	}
	l.Close()
	base := filepath.Join(dir, FileName)
	want := map[string]string{
		base:        "line 0008\n|line 0009\n",
		base + ".1": "line 0006\n|line 0007\n",
		base + ".2": "line 0004\n|line 0005\n",
		base + ".3": "line 0002\n|line 0003\n",
	}
	for path, lines := range want {
		got := readFile(t, path)
		for _, line := range strings.Split(lines, "|") {
			if !strings.Contains(got, line) {
				t.Errorf("%s lacks %q: %q", filepath.Base(path), line, got)
			}
		}
		if strings.Count(got, "\n") != 2 {
			t.Errorf("%s has %d lines, want 2: %q", filepath.Base(path), strings.Count(got, "\n"), got)
		}
	}
	if _, err := os.Stat(base + ".4"); !os.IsNotExist(err) {
		t.Errorf("a fourth generation exists: %v", err)
	}
}

func TestALineIsNeverSplitBetweenFiles(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenWith(dir, Options{MaxSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(l, "a long first part ")
	fmt.Fprint(l, "and its end\n")
	fmt.Fprint(l, "next\n")
	l.Close()
	if got := readFile(t, filepath.Join(dir, FileName+".1")); !strings.HasSuffix(got, "a long first part and its end\n") {
		t.Errorf("the line was split: pomi.log.1 = %q", got)
	}
}

func TestConcurrentWritesKeepWholeLines(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenWith(dir, Options{MaxSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	logger := log.New(l, "", 0)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				logger.Printf("goroutine %d line %03d end", g, i)
			}
		})
	}
	wg.Wait()
	l.Close()
	lines := 0
	for _, name := range []string{FileName, FileName + ".1", FileName + ".2", FileName + ".3"} {
		for _, line := range strings.Split(strings.TrimSuffix(readFile(t, filepath.Join(dir, name)), "\n"), "\n") {
			if !strings.HasSuffix(line, " end") || strings.Count(line, "goroutine") != 1 || len(line) < len(timeLayout) {
				t.Fatalf("%s has a torn line %q", name, line)
			}
			lines++
		}
	}
	// Three generations of 4 KB hold the newest lines only; all of them are whole.
	if lines < 100 {
		t.Errorf("only %d lines kept", lines)
	}
}

func TestConsoleGetsTheSameLines(t *testing.T) {
	var console bytes.Buffer
	l, err := OpenWith(t.TempDir(), Options{Console: &console, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(l, "to both")
	l.Close()
	if console.String() != "2026-03-04 05:06:07.008 to both\n" {
		t.Errorf("console got %q", console.String())
	}
	if _, err := fmt.Fprintln(l, "late"); err == nil {
		t.Error("a write after Close succeeded")
	}
}

func TestOpenFirstFallsBackToTheNextFolder(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	second := t.TempDir()
	// A file where the folder should be cannot hold a log.
	l, err := OpenFirst(Options{}, "", filepath.Join(blocked, "data"), second)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Dir() != second || l.Path() != filepath.Join(second, FileName) {
		t.Errorf("log in %s", l.Path())
	}
	if _, err := OpenFirst(Options{}, filepath.Join(blocked, "data")); err == nil {
		t.Error("no usable folder, yet no error")
	}
	if _, err := OpenFirst(Options{}); err == nil {
		t.Error("no folder at all, yet no error")
	}
}

func TestFallbackDirIsInTheCacheFolder(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/tmp/cache-here")
	t.Setenv("HOME", "/tmp/home-here")
	dir, err := FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	cache, _ := os.UserCacheDir()
	if dir != filepath.Join(cache, "POMI Planner") {
		t.Errorf("fallback %s", dir)
	}
}
