// Command launchtime starts a desktop program under an Xvfb started with
// -fbdir and measures, from the moment it starts the process:
//
//   - mapped: the window with the given title is visible to X (xdotool
//     search --onlyvisible, polled every 10 ms);
//   - first paint: the screen first differs from the screen before the start;
//   - complete: the screen stops changing — the start of the last stretch in
//     which it stayed the same for -idle (what a person would call "shown",
//     with everything filled in, even what the program loads after mapping);
//   - rss: the program's resident memory (VmRSS) at the end of that idle
//     stretch.
//
// It prints one JSON line and ends the program. Usage:
//
//	launchtime -fb /tmp/fb/Xvfb_screen0 -name "POMI Planner" -- bin/pomi --data-dir D
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Result is what one launch measured; times are milliseconds since start.
type Result struct {
	Program    string  `json:"program"`
	MappedMS   float64 `json:"mapped_ms"`
	FirstPaint float64 `json:"first_paint_ms"`
	CompleteMS float64 `json:"complete_ms"`
	RSSKB      int     `json:"rss_kb"`
	// RSSAnonKB is the part of RSSKB that is the program's own memory (heap,
	// stacks, GL buffers); the rest is shared libraries and files mapped in.
	RSSAnonKB int `json:"rss_anon_kb"`
	Changes   int `json:"screen_changes"`
	// GL says which OpenGL implementation drew the window (see renderer).
	GL string `json:"gl"`
}

func main() {
	fb := flag.String("fb", "", "Xvfb's framebuffer file (Xvfb -fbdir DIR makes DIR/Xvfb_screen0)")
	name := flag.String("name", "", "the window's exact title")
	idle := flag.Duration("idle", 3*time.Second, "how long the screen must stay unchanged to count as shown")
	timeout := flag.Duration("timeout", 60*time.Second, "give up after this long")
	shot := flag.String("shot", "", "write the final screen to this file (XWD; convert xwd:F out.png)")
	logPath := flag.String("log", "", "append the program's output to this file (default: discard it)")
	flag.Parse()
	if *fb == "" || *name == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: launchtime -fb FILE -name TITLE [-idle 3s] -- PROGRAM ARGS...")
		os.Exit(2)
	}
	r, err := measure(*fb, *name, *idle, *timeout, *shot, *logPath, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "launchtime:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(r)
}

// measure runs one launch and ends the program, whatever happens.
func measure(fbPath, name string, idle, timeout time.Duration, shot, logPath string, argv []string) (*Result, error) {
	screen, err := openScreen(fbPath)
	if err != nil {
		return nil, err
	}
	defer screen.close()
	before := screen.hash()
	cmd := exec.Command(argv[0], argv[1:]...)
	if logPath != "" {
		log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return nil, err
		}
		defer log.Close()
		cmd.Stdout, cmd.Stderr = log, log
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	exited := make(chan error, 1) // Wait's result, once
	go func() { exited <- cmd.Wait() }()
	defer stop(cmd, exited)
	r := &Result{Program: argv[0], MappedMS: -1, FirstPaint: -1}
	if err := settle(r, screen, before, watchMapped(name, start), exited, start, idle, timeout); err != nil {
		return nil, fmt.Errorf("%s, window %q: %w", argv[0], name, err)
	}
	if r.RSSKB, r.RSSAnonKB, err = memory(cmd.Process.Pid); err != nil {
		return nil, err
	}
	r.GL = renderer(cmd.Process.Pid)
	if shot != "" {
		if err := os.WriteFile(shot, screen.buf, 0o644); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// settle watches the screen every 10 ms until the window is mapped and the
// screen, which showed before until the start, has then stayed the same for
// idle; it fills in r's times.
func settle(r *Result, screen *screen, before uint64, mapped <-chan float64, exited chan error, start time.Time, idle, timeout time.Duration) error {
	last, lastChange := before, time.Duration(0)
	for tick := time.NewTicker(10 * time.Millisecond); ; <-tick.C {
		select {
		case err := <-exited:
			exited <- err // for stop
			return fmt.Errorf("ended before its window settled: %v", err)
		case ms := <-mapped:
			r.MappedMS = ms
		default:
		}
		now := time.Since(start)
		if h := screen.hash(); h != last {
			last, lastChange = h, now
			r.Changes++
			if r.FirstPaint < 0 {
				r.FirstPaint = millis(now)
			}
		}
		if r.MappedMS >= 0 && r.Changes > 0 && now-lastChange >= idle {
			r.CompleteMS = millis(lastChange)
			return nil
		}
		if now > timeout {
			return fmt.Errorf("not settled within %v (mapped %.0f ms, %d screen changes)", timeout, r.MappedMS, r.Changes)
		}
	}
}

// watchMapped polls xdotool every 10 ms until a visible window has the
// title, and sends the time since start once.
func watchMapped(name string, start time.Time) <-chan float64 {
	out := make(chan float64, 1)
	pattern := "^" + regexpQuote(name) + "$"
	go func() {
		for {
			err := exec.Command("xdotool", "search", "--onlyvisible", "--name", pattern).Run()
			if err == nil {
				out <- millis(time.Since(start))
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	return out
}

// regexpQuote escapes the few characters xdotool's regular expression
// would read specially in a window title.
func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stop ends the program unless it has ended (exited then holds nothing
// more): SIGTERM, then SIGKILL if it lingers, and waits for it to go.
func stop(cmd *exec.Cmd, exited <-chan error) {
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(2 * time.Second):
		cmd.Process.Kill()
		<-exited
	}
}

// memory reads the process's resident set size, all and anonymous, in kB.
func memory(pid int) (rss, anon int, err error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, fmt.Errorf("read memory of %d: %w", pid, err)
	}
	fields := map[string]*int{"VmRSS:": &rss, "RssAnon:": &anon}
	for line := range bytes.Lines(status) {
		for name, v := range fields {
			if rest, ok := bytes.CutPrefix(line, []byte(name)); ok {
				*v, err = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(string(rest)), " kB"))
				if err != nil {
					return 0, 0, fmt.Errorf("read %s of %d: %w", name, pid, err)
				}
			}
		}
	}
	if rss == 0 {
		return 0, 0, errors.New("no VmRSS in /proc status")
	}
	return rss, anon, nil
}

// renderer names the OpenGL implementation the process uses: Mesa's
// llvmpipe runs threads named llvmpipe-N; otherwise the DRI driver it
// loaded (swrast_dri.so without those threads is softpipe).
func renderer(pid int) string {
	comms, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/comm", pid))
	for _, c := range comms {
		if name, err := os.ReadFile(c); err == nil && bytes.HasPrefix(name, []byte("llvmpipe")) {
			return "llvmpipe"
		}
	}
	maps, _ := os.ReadFile(fmt.Sprintf("/proc/%d/maps", pid))
	for line := range bytes.Lines(maps) {
		if f := bytes.Fields(line); len(f) == 6 && bytes.HasSuffix(f[5], []byte("_dri.so")) {
			return filepath.Base(string(f[5]))
		}
	}
	return "unknown"
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
