package macos

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Bundle names what goes into an app bundle.
type Bundle struct {
	Info   Info   // the Info.plist's values
	Binary string // the executable to copy in, e.g. a universal binary made by lipo
	Icon   []byte // the icon as a PNG, converted to .icns
	// Notices are text files by name (LICENSE, THIRD_PARTY_NOTICES) that
	// go into Contents/Resources: the licences travel with the app.
	Notices map[string][]byte
}

// AppName is the bundle's folder name: "POMI Planner.app".
func (b Bundle) AppName() string { return b.Info.Name + ".app" }

// Assemble writes the bundle into outDir and returns its path:
//
//	NAME.app/Contents/Info.plist
//	NAME.app/Contents/PkgInfo
//	NAME.app/Contents/MacOS/EXECUTABLE      (mode 0755)
//	NAME.app/Contents/Resources/ICONFILE
//	NAME.app/Contents/Resources/NOTICE…    (each of Notices)
//
// A bundle already there is replaced, since a stale file inside would break
// its code signature.
func (b Bundle) Assemble(outDir string) (string, error) {
	plist, err := b.Info.Plist()
	if err != nil {
		return "", err
	}
	icns, err := ICNS(b.Icon)
	if err != nil {
		return "", err
	}
	exe, err := os.ReadFile(b.Binary)
	if err != nil {
		return "", fmt.Errorf("binary: %w", err)
	}
	if !isMachO(exe) {
		return "", fmt.Errorf("binary %s is not a macOS (Mach-O) executable", b.Binary)
	}
	app := filepath.Join(outDir, b.AppName())
	if err := os.RemoveAll(app); err != nil {
		return "", err
	}
	contents := filepath.Join(app, "Contents")
	files := []struct {
		path string
		data []byte
		mode os.FileMode
	}{
		{filepath.Join(contents, "Info.plist"), plist, 0o644},
		{filepath.Join(contents, "PkgInfo"), []byte("APPL????"), 0o644},
		{filepath.Join(contents, "MacOS", b.Info.Executable), exe, 0o755},
		{filepath.Join(contents, "Resources", b.Info.IconFile), icns, 0o644},
	}
	for name, text := range b.Notices {
		if name != filepath.Base(name) || name == "." || name == b.Info.IconFile {
			return "", fmt.Errorf("notice file name %q", name)
		}
		files = append(files, struct {
			path string
			data []byte
			mode os.FileMode
		}{filepath.Join(contents, "Resources", name), text, 0o644})
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(f.path, f.data, f.mode); err != nil {
			return "", err
		}
		if err := os.Chmod(f.path, f.mode); err != nil { // WriteFile's mode is masked by umask
			return "", err
		}
	}
	return app, nil
}

// isMachO recognises thin 64-bit Mach-O files and universal (fat) ones by
// their magic numbers.
func isMachO(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	switch magic := string(b[:4]); {
	case magic == "\xcf\xfa\xed\xfe": // MH_MAGIC_64, little-endian (arm64, amd64)
		return true
	case magic == "\xca\xfe\xba\xbe": // FAT_MAGIC, what lipo -create writes
		return true
	default:
		return strings.HasPrefix(magic, "\xfe\xed\xfa") // big-endian thin files
	}
}
