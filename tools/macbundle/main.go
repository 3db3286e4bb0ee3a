// Command macbundle assembles POMI Planner.app from a macOS binary, with an
// Info.plist rendered from FyneApp.toml and the icon converted to .icns
// (package internal/macos). The release workflow runs it on a Mac after
// lipo has joined the arm64 and amd64 binaries:
//
//	go run ./tools/macbundle -binary /tmp/pomi-universal -out dist
//	go run ./tools/macbundle -plist Info.plist   # only the Info.plist
//
// It prints the bundle's path. Signing is left to codesign afterwards.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pomi-planner/pomi/internal/macos"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "macbundle:", err)
		os.Exit(1)
	}
}

// run parses the command line and writes the bundle or the plist.
func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("macbundle", flag.ContinueOnError)
	tomlPath := fs.String("toml", "FyneApp.toml", "the FyneApp.toml with the app's ID, name, version and build")
	icon := fs.String("icon", "cmd/pomi/Icon.png", "the icon, a square PNG of at least 512 pixels")
	binary := fs.String("binary", "", "the macOS executable to bundle (thin or universal)")
	out := fs.String("out", "dist", "the folder the .app is written into")
	plistOnly := fs.String("plist", "", "write only the Info.plist to this file")
	notices := fs.String("notices", "LICENSE,THIRD_PARTY_NOTICES", "comma-separated licence files copied into Contents/Resources")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	data, err := os.ReadFile(*tomlPath)
	if err != nil {
		return err
	}
	info, err := macos.ParseFyneApp(data)
	if err != nil {
		return err
	}
	if *plistOnly != "" {
		plist, err := info.Plist()
		if err != nil {
			return err
		}
		return os.WriteFile(*plistOnly, plist, 0o644)
	}
	if *binary == "" {
		return errors.New("-binary is required (or -plist FILE)")
	}
	png, err := os.ReadFile(*icon)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	texts, err := readNotices(*notices)
	if err != nil {
		return err
	}
	app, err := macos.Bundle{Info: info, Binary: *binary, Icon: png, Notices: texts}.Assemble(*out)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, app)
	return err
}

// readNotices reads each comma-separated file, keyed by its base name.
func readNotices(list string) (map[string][]byte, error) {
	texts := map[string][]byte{}
	for _, path := range strings.Split(list, ",") {
		if path = strings.TrimSpace(path); path == "" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("notice: %w", err)
		}
		texts[filepath.Base(path)] = data
	}
	return texts, nil
}
