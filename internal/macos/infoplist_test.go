package macos

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/pomi-planner/pomi/app"
)

// plistValue is one value of a parsed plist: a string, a bool or a []string.
type plistValue any

// plistItem is any element of the top dictionary, key or value.
type plistItem struct {
	XMLName xml.Name
	Text    string   `xml:",chardata"`
	Strings []string `xml:"string"`
}

// parsePlist reads an XML property list's top dictionary back into a map,
// failing the test on anything it does not understand.
func parsePlist(t *testing.T, data []byte) map[string]plistValue {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"plist"`
		Version string   `xml:"version,attr"`
		Dict    struct {
			Items []plistItem `xml:",any"`
		} `xml:"dict"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the plist is not XML: %v\n%s", err, data)
	}
	if doc.Version != "1.0" {
		t.Errorf("plist version %q", doc.Version)
	}
	items, got := doc.Dict.Items, map[string]plistValue{}
	if len(items)%2 != 0 {
		t.Fatalf("odd number of elements in the dict: %d", len(items))
	}
	for i := 0; i < len(items); i += 2 {
		k, v := items[i], items[i+1]
		if k.XMLName.Local != "key" {
			t.Fatalf("element %d is <%s>, want <key>", i, k.XMLName.Local)
		}
		if _, dup := got[k.Text]; dup {
			t.Errorf("key %s twice", k.Text)
		}
		switch v.XMLName.Local {
		case "string":
			got[k.Text] = v.Text
		case "true", "false":
			got[k.Text] = v.XMLName.Local == "true"
		case "array":
			got[k.Text] = v.Strings
		default:
			t.Fatalf("key %s: unexpected <%s>", k.Text, v.XMLName.Local)
		}
	}
	return got
}

// repoInfo is the Info of the FyneApp.toml at the repository's root.
func repoInfo(t *testing.T) Info {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	info, err := ParseFyneApp(data)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func TestInfoPlistFromTheRepositorysFyneAppToml(t *testing.T) {
	info := repoInfo(t)
	if info.Version != app.Version {
		t.Errorf("FyneApp.toml says version %s, app.Version %s", info.Version, app.Version)
	}
	data, err := info.Plist()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) ||
		!bytes.Contains(data, []byte(`<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"`)) {
		t.Errorf("missing XML declaration or plist DOCTYPE:\n%s", data)
	}
	want := map[string]plistValue{
		"CFBundleIdentifier":                   "se.pomiplanner.app",
		"CFBundleName":                         "POMI Planner",
		"CFBundleDisplayName":                  "POMI Planner",
		"CFBundleExecutable":                   "pomi",
		"CFBundleIconFile":                     "icon.icns",
		"CFBundleShortVersionString":           app.Version,
		"CFBundleVersion":                      strconv.Itoa(info.Build),
		"CFBundlePackageType":                  "APPL",
		"CFBundleSignature":                    "????",
		"CFBundleInfoDictionaryVersion":        "6.0",
		"LSApplicationCategoryType":            "public.app-category.business",
		"LSMinimumSystemVersion":               "12.0",
		"NSHumanReadableCopyright":             "© 2026 POMI Planner contributors. Licensed under the Apache License 2.0.",
		"NSHighResolutionCapable":              true,
		"NSSupportsAutomaticGraphicsSwitching": true,
		"CFBundleDevelopmentRegion":            "en",
		"CFBundleLocalizations":                []string{"sv", "en"},
	}
	got := parsePlist(t, data)
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s = %#v, want %#v", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected key %s", k)
		}
	}
}

func TestInfoPlistEscapesValues(t *testing.T) {
	info := repoInfo(t)
	info.Name = `A & B <"Planner">`
	info.Copyright = "© Åsa & Örjan <ab>\n2026"
	data, err := info.Plist()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("A & B")) || bytes.Contains(data, []byte("<ab>")) {
		t.Errorf("unescaped text in:\n%s", data)
	}
	got := parsePlist(t, data)
	if got["CFBundleName"] != info.Name || got["NSHumanReadableCopyright"] != info.Copyright {
		t.Errorf("round trip: name %q, copyright %q", got["CFBundleName"], got["NSHumanReadableCopyright"])
	}
}

func TestInfoPlistRefusesBadValues(t *testing.T) {
	cases := map[string]func(*Info){
		"no id":            func(i *Info) { i.ID = "" },
		"id with space":    func(i *Info) { i.ID = "se.pomi planner" },
		"no name":          func(i *Info) { i.Name = "" },
		"four-part":        func(i *Info) { i.Version = "1.2.3.4" },
		"letters":          func(i *Info) { i.Version = "1.0-beta" },
		"no version":       func(i *Info) { i.Version = "" },
		"build zero":       func(i *Info) { i.Build = 0 },
		"executable path":  func(i *Info) { i.Executable = "MacOS/pomi" },
		"no executable":    func(i *Info) { i.Executable = "" },
		"no icon filename": func(i *Info) { i.IconFile = "" },
	}
	for name, breakIt := range cases {
		info := repoInfo(t)
		breakIt(&info)
		if _, err := info.Plist(); err == nil {
			t.Errorf("%s: rendered without an error", name)
		}
	}
}

func TestParseFyneAppNeedsDetails(t *testing.T) {
	for name, toml := range map[string]string{
		"empty":     "",
		"no build":  "[Details]\nID = \"se.x.y\"\nName = \"X\"\nVersion = \"1.0.0\"\n",
		"not toml":  "[Details\n",
		"bad build": "[Details]\nID = \"se.x.y\"\nName = \"X\"\nVersion = \"1.0.0\"\nBuild = \"one\"\n",
	} {
		if _, err := ParseFyneApp([]byte(toml)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	info, err := ParseFyneApp([]byte("[Details]\nID = \"se.x.y\"\nName = \"X\"\nVersion = \"1.2\"\nBuild = 7\n"))
	if err != nil || info.Build != 7 || info.Version != "1.2" || info.Executable != Executable {
		t.Errorf("got %+v, %v", info, err)
	}
}
