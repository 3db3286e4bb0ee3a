//go:build !windows

package desktop

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// xdgDocumentsDir is the Documents folder a freedesktop system names in
// user-dirs.dirs (localised by xdg-user-dirs, e.g. ~/Dokument), else
// ~/Documents. configHome is $XDG_CONFIG_HOME, which counts only when it is
// an absolute path, as the XDG base directory spec says.
func xdgDocumentsDir(home, configHome string) string {
	if configHome == "" || !filepath.IsAbs(configHome) {
		configHome = filepath.Join(home, ".config")
	}
	content, err := os.ReadFile(filepath.Join(configHome, "user-dirs.dirs"))
	if err == nil {
		if dir, ok := parseUserDirs(string(content), home); ok {
			return dir
		}
	}
	return filepath.Join(home, "Documents")
}

// parseUserDirs reads XDG_DOCUMENTS_DIR from the text of user-dirs.dirs, a
// file of shell assignments that xdg-user-dirs-update writes:
//
//	XDG_DOCUMENTS_DIR="$HOME/Dokument"
//
// The value is "$HOME/" and a relative path, or an absolute path, in
// double quotes with \ escaping " $ ` and \. The last valid line counts, as
// in a shell. A value that is home itself means the folder is not set.
func parseUserDirs(content, home string) (string, bool) {
	dir, found := "", false
	sc := bufio.NewScanner(strings.NewReader(content))
	sc.Buffer(nil, 64*1024)
	for sc.Scan() {
		if v, ok := userDirsValue(sc.Text(), home); ok {
			dir, found = v, true
		}
	}
	if !found || !filepath.IsAbs(dir) || dir == filepath.Clean(home) {
		return "", false
	}
	return dir, true
}

// userDirsValue is the path of one XDG_DOCUMENTS_DIR="…" line, when the
// line is one and its value is "$HOME" alone, "$HOME/…" or "/…".
func userDirsValue(line, home string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimLeft(line, " \t"), "XDG_DOCUMENTS_DIR")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " \t"), "=")
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	relative := strings.HasPrefix(rest, `"$HOME`)
	if relative {
		rest = `"` + rest[len(`"$HOME`):]
	}
	v, err := shellUnquote(rest)
	switch {
	case err != nil:
		return "", false
	case relative && (v == "" || strings.HasPrefix(v, "/")):
		return filepath.Join(home, v), true
	case !relative && strings.HasPrefix(v, "/"):
		return filepath.Clean(v), true
	}
	return "", false
}

// errNotQuoted is a user-dirs.dirs value that is no "…" string alone.
var errNotQuoted = errors.New("not a double-quoted string")

// shellUnquote reads one double-quoted shell string that must be all of s
// but for trailing blanks or a comment.
func shellUnquote(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return "", errNotQuoted
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\"$`\\", s[i+1]) >= 0:
			i++
			b.WriteByte(s[i])
		case c == '"':
			tail := strings.TrimLeft(s[i+1:], " \t")
			if tail != "" && !strings.HasPrefix(tail, "#") {
				return "", errNotQuoted
			}
			return b.String(), nil
		case c == '`' || c == '$':
			return "", errNotQuoted // a command or another variable: not ours to run
		default:
			b.WriteByte(c)
		}
	}
	return "", errNotQuoted
}
