package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestMemoryReadsThisProcess(t *testing.T) {
	rss, anon, err := memory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if rss <= 0 || anon <= 0 || anon > rss {
		t.Errorf("rss %d kB, anonymous %d kB: want 0 < anonymous ≤ rss", rss, anon)
	}
	if _, _, err := memory(-1); err == nil {
		t.Error("no error for a process that does not exist")
	}
}

func TestRendererOfAProcessWithoutOpenGL(t *testing.T) {
	if got := renderer(os.Getpid()); got != "unknown" {
		t.Errorf("renderer of the test process = %q, want unknown", got)
	}
}

func TestRegexpQuoteMatchesTheTitleLiterally(t *testing.T) {
	if got := regexpQuote("POMI Planner (1.0) – a.b"); got != `POMI Planner \(1\.0\) – a\.b` {
		t.Errorf("quoted %q", got)
	}
	if _, err := exec.LookPath("grep"); err != nil {
		t.Skip("no grep to try the pattern with")
	}
	// xdotool uses POSIX extended regular expressions, as grep -E does.
	cmd := exec.Command("grep", "-qE", "^"+regexpQuote("a.b (c)")+"$")
	cmd.Stdin = strings.NewReader("a.b (c)\n")
	if err := cmd.Run(); err != nil {
		t.Errorf("the quoted pattern does not match its own text: %v", err)
	}
	cmd = exec.Command("grep", "-qE", "^"+regexpQuote("a.b (c)")+"$")
	cmd.Stdin = strings.NewReader("axb c\n")
	if cmd.Run() == nil {
		t.Error("the quoted pattern matches other text")
	}
}
