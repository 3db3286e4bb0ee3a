package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repo is the repository root, where the tool normally runs.
var repo = filepath.Join("..", "..")

func TestRunAssemblesTheBundle(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "pomi")
	if err := os.WriteFile(bin, []byte("\xcf\xfa\xed\xfe rest of a thin arm64 binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	var stdout bytes.Buffer
	err := run([]string{"-toml", filepath.Join(repo, "FyneApp.toml"), "-icon", filepath.Join(repo, "cmd", "pomi", "Icon.png"),
		"-binary", bin, "-out", out,
		"-notices", filepath.Join(repo, "LICENSE") + "," + filepath.Join(repo, "THIRD_PARTY_NOTICES")}, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(out, "POMI Planner.app")
	if strings.TrimSpace(stdout.String()) != app {
		t.Errorf("printed %q, want %q", stdout.String(), app)
	}
	for _, f := range []string{"Info.plist", "MacOS/pomi", "Resources/icon.icns", "Resources/LICENSE", "Resources/THIRD_PARTY_NOTICES"} {
		if _, err := os.Stat(filepath.Join(app, "Contents", f)); err != nil {
			t.Error(err)
		}
	}
}

func TestRunWritesOnlyThePlist(t *testing.T) {
	plist := filepath.Join(t.TempDir(), "Info.plist")
	if err := run([]string{"-toml", filepath.Join(repo, "FyneApp.toml"), "-plist", plist}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(plist)
	if err != nil || !bytes.Contains(data, []byte("<string>se.pomiplanner.app</string>")) {
		t.Errorf("plist: %v\n%s", err, data)
	}
}

func TestRunNeedsABinary(t *testing.T) {
	if err := run([]string{"-toml", filepath.Join(repo, "FyneApp.toml")}, &bytes.Buffer{}); err == nil {
		t.Error("no error without -binary")
	}
	if err := run([]string{"-toml", filepath.Join(repo, "FyneApp.toml"), "extra"}, &bytes.Buffer{}); err == nil {
		t.Error("no error for an extra argument")
	}
}
