package app

import (
	"os"
	"regexp"
	"testing"
)

func TestVersionMatchesFyneAppToml(t *testing.T) {
	raw, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil || string(m[1]) != Version {
		t.Fatalf("FyneApp.toml Version %q, app.Version %q", m, Version)
	}
}
