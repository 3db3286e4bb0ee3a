// Package macos makes what POMI Planner's macOS app bundle holds besides the
// binary: its Info.plist, rendered from FyneApp.toml, its icon as .icns, and
// the bundle's folder layout. It is pure Go so that its tests run on any
// system; the release workflow runs it through tools/macbundle on a Mac.
package macos

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Values every POMI Planner bundle declares, whatever FyneApp.toml says.
const (
	// MinimumSystemVersion is macOS 12 Monterey: Go 1.26 links every binary
	// for 12.0 (docs/release.md), so an older system could not start it.
	MinimumSystemVersion = "12.0"
	// Category places the app among business apps in Finder and Launchpad.
	Category = "public.app-category.business"
	// DevelopmentRegion is the language of the bundle's own texts.
	DevelopmentRegion = "en"
	// Copyright is shown by Finder's Get Info and the app's About panel.
	Copyright = "© 2026 POMI Planner contributors. Licensed under the Apache License 2.0."
	// Executable is the binary's name in Contents/MacOS.
	Executable = "pomi"
	// IconFile is the icon's name in Contents/Resources.
	IconFile = "icon.icns"
)

// Localizations are the languages the app speaks, Swedish first.
var Localizations = []string{"sv", "en"}

// Info holds the values of an Info.plist that differ between builds.
type Info struct {
	ID         string // CFBundleIdentifier, e.g. se.pomiplanner.app
	Name       string // CFBundleName and CFBundleDisplayName
	Version    string // CFBundleShortVersionString, MAJOR.MINOR.PATCH
	Build      int    // CFBundleVersion; must grow for every notarized upload
	Executable string // CFBundleExecutable
	IconFile   string // CFBundleIconFile
	Copyright  string // NSHumanReadableCopyright
}

// fyneApp is the part of FyneApp.toml the bundle needs.
type fyneApp struct {
	Details struct {
		Name    string
		ID      string
		Version string
		Build   int
	}
}

// ParseFyneApp reads the [Details] of a FyneApp.toml and fills in the
// executable, icon and copyright this package names.
func ParseFyneApp(data []byte) (Info, error) {
	var f fyneApp
	if _, err := toml.Decode(string(data), &f); err != nil {
		return Info{}, fmt.Errorf("read FyneApp.toml: %w", err)
	}
	info := Info{
		ID: f.Details.ID, Name: f.Details.Name, Version: f.Details.Version, Build: f.Details.Build,
		Executable: Executable, IconFile: IconFile, Copyright: Copyright,
	}
	return info, info.Validate()
}

// Validate reports the first value an Info.plist cannot have: Apple refuses
// bundles without an identifier or with a version that is not one to three
// dot-separated numbers.
func (i Info) Validate() error {
	switch {
	case i.ID == "" || strings.ContainsAny(i.ID, " /"):
		return fmt.Errorf("bundle identifier %q: want reverse-DNS like se.pomiplanner.app", i.ID)
	case i.Name == "":
		return errors.New("bundle name is empty")
	case !isVersion(i.Version):
		return fmt.Errorf("version %q: want MAJOR.MINOR.PATCH", i.Version)
	case i.Build < 1:
		return fmt.Errorf("build %d: want a positive number", i.Build)
	case i.Executable == "" || strings.Contains(i.Executable, "/"):
		return fmt.Errorf("executable %q: want a file name", i.Executable)
	case i.IconFile == "":
		return errors.New("icon file name is empty")
	}
	return nil
}

// isVersion is true for one to three dot-separated non-negative integers.
func isVersion(v string) bool {
	parts := strings.Split(v, ".")
	if v == "" || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.ParseUint(p, 10, 32); err != nil {
			return false
		}
	}
	return true
}

// entry is one key of the plist's top dictionary; value is a string, a
// bool or a []string.
type entry struct {
	key   string
	value any
}

// entries lists the keys in the order the plist holds them.
func (i Info) entries() []entry {
	return []entry{
		{"CFBundleDevelopmentRegion", DevelopmentRegion},
		{"CFBundleDisplayName", i.Name},
		{"CFBundleExecutable", i.Executable},
		{"CFBundleIconFile", i.IconFile},
		{"CFBundleIdentifier", i.ID},
		{"CFBundleInfoDictionaryVersion", "6.0"},
		{"CFBundleLocalizations", Localizations},
		{"CFBundleName", i.Name},
		{"CFBundlePackageType", "APPL"},
		{"CFBundleShortVersionString", i.Version},
		{"CFBundleSignature", "????"},
		{"CFBundleVersion", strconv.Itoa(i.Build)},
		{"LSApplicationCategoryType", Category},
		{"LSMinimumSystemVersion", MinimumSystemVersion},
		{"NSHighResolutionCapable", true},
		{"NSHumanReadableCopyright", i.Copyright},
		// OpenGL apps otherwise switch a dual-GPU Mac to its discrete GPU.
		{"NSSupportsAutomaticGraphicsSwitching", true},
	}
}

// Plist renders the Info.plist as Apple's XML property list, every string
// XML-escaped.
func (i Info) Plist() ([]byte, error) {
	if err := i.Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">` + "\n")
	b.WriteString("<plist version=\"1.0\">\n<dict>\n")
	for _, e := range i.entries() {
		writeElement(&b, "\t", "key", e.key)
		switch v := e.value.(type) {
		case string:
			writeElement(&b, "\t", "string", v)
		case bool:
			fmt.Fprintf(&b, "\t<%t/>\n", v)
		case []string:
			b.WriteString("\t<array>\n")
			for _, s := range v {
				writeElement(&b, "\t\t", "string", s)
			}
			b.WriteString("\t</array>\n")
		default:
			return nil, fmt.Errorf("plist key %s: unsupported value %T", e.key, v)
		}
	}
	b.WriteString("</dict>\n</plist>\n")
	return b.Bytes(), nil
}

// writeElement writes <tag>text</tag> on a line of its own, text escaped.
func writeElement(b *bytes.Buffer, indent, tag, text string) {
	fmt.Fprintf(b, "%s<%s>", indent, tag)
	_ = xml.EscapeText(b, []byte(text)) // a bytes.Buffer never fails
	fmt.Fprintf(b, "</%s>\n", tag)
}
