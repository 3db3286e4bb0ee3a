//go:build !windows

package desktop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseUserDirs(t *testing.T) {
	const home = "/home/anna"
	for _, tc := range []struct {
		name, content, want string
		ok                  bool
	}{
		{"swedish", "# This file is written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivbord\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n", "/home/anna/Dokument", true},
		{"absolute", `XDG_DOCUMENTS_DIR="/data/anna/docs/"`, "/data/anna/docs", true},
		{"spaces and escapes", `  XDG_DOCUMENTS_DIR = "$HOME/Mina \"papper\" \$ 100\\"  # comment`, `/home/anna/Mina "papper" $ 100\`, true},
		{"the last one counts", "XDG_DOCUMENTS_DIR=\"$HOME/A\"\nXDG_DOCUMENTS_DIR=\"$HOME/B\"\n", "/home/anna/B", true},
		{"home means not set", `XDG_DOCUMENTS_DIR="$HOME/"`, "", false},
		{"home alone", `XDG_DOCUMENTS_DIR="$HOME"`, "", false},
		{"commented out", `# XDG_DOCUMENTS_DIR="$HOME/Dokument"`, "", false},
		{"relative", `XDG_DOCUMENTS_DIR="Dokument"`, "", false},
		{"another variable", `XDG_DOCUMENTS_DIR="$HOMEDIR/x"`, "", false},
		{"a command", "XDG_DOCUMENTS_DIR=\"/x/`id`\"", "", false},
		{"unquoted", `XDG_DOCUMENTS_DIR=$HOME/Dokument`, "", false},
		{"unterminated", `XDG_DOCUMENTS_DIR="$HOME/Dokument`, "", false},
		{"trailing words", `XDG_DOCUMENTS_DIR="$HOME/Dokument" x`, "", false},
		{"other dirs only", `XDG_DOWNLOAD_DIR="$HOME/Hämtningar"`, "", false},
		{"a later bad line keeps the good one", "XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\nXDG_DOCUMENTS_DIR=oops\n", "/home/anna/Dokument", true},
		{"crlf", "XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\r\n", "/home/anna/Dokument", true},
		{"empty", "", "", false},
	} {
		got, ok := parseUserDirs(tc.content, home)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: got %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseUserDirs(f *testing.F) {
	for _, s := range []string{"XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n", `XDG_DOCUMENTS_DIR="/a/\"b\""`, `XDG_DOCUMENTS_DIR="$HOME"`, "#x\n"} {
		f.Add(s)
	}
	const home = "/home/anna"
	f.Fuzz(func(t *testing.T, content string) {
		dir, ok := parseUserDirs(content, home)
		if !ok {
			if dir != "" {
				t.Errorf("not found, but %q", dir)
			}
			return
		}
		if !filepath.IsAbs(dir) || dir != filepath.Clean(dir) || dir == home || !strings.Contains(content, "XDG_DOCUMENTS_DIR") {
			t.Errorf("%q from %q", dir, content)
		}
	})
}

func TestXDGDocumentsDirReadsTheConfigFolder(t *testing.T) {
	home := t.TempDir()
	if got := xdgDocumentsDir(home, ""); got != filepath.Join(home, "Documents") {
		t.Errorf("without user-dirs.dirs: %s", got)
	}
	config := filepath.Join(home, "conf")
	if err := os.MkdirAll(config, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "user-dirs.dirs"), []byte(`XDG_DOCUMENTS_DIR="$HOME/Dokument"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := xdgDocumentsDir(home, config); got != filepath.Join(home, "Dokument") {
		t.Errorf("with XDG_CONFIG_HOME: %s", got)
	}
	if got := xdgDocumentsDir(home, "conf"); got != filepath.Join(home, "Documents") {
		t.Errorf("a relative XDG_CONFIG_HOME counts: %s", got)
	}
}

// A fresh home without user-dirs.dirs, as the end-to-end script makes,
// keeps plans in ~/Documents.
func TestDocumentsDirOfAFreshHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	got, err := DocumentsDir()
	if err != nil || got != filepath.Join(home, "Documents") {
		t.Errorf("DocumentsDir() = %q, %v", got, err)
	}
}
