package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// noticesFile is the committed file the tests check, at the repository root.
const noticesFile = "THIRD_PARTY_NOTICES"

// parsed is a section read back from THIRD_PARTY_NOTICES.
type parsed struct {
	title, licence string
	files          []licenceFile
}

var fileStart = regexp.MustCompile(`^--- (\S+) \(([^)]*)\)(?:: .*)? ---$`)

// parse splits THIRD_PARTY_NOTICES into its sections and their files, so
// the tests judge the file as committed, not the generator's idea of it.
func parse(text string) []parsed {
	lines := strings.Split(text, "\n")
	var all []parsed
	for i := 0; i < len(lines); i++ {
		if lines[i] == rule && i+3 < len(lines) && lines[i+3] == rule && strings.HasPrefix(lines[i+2], "Licence: ") {
			all = append(all, parsed{title: lines[i+1], licence: strings.TrimPrefix(lines[i+2], "Licence: ")})
			i += 3
			continue
		}
		if len(all) == 0 {
			continue
		}
		s := &all[len(all)-1]
		if m := fileStart.FindStringSubmatch(lines[i]); m != nil {
			s.files = append(s.files, licenceFile{Name: m[1], Licence: m[2]})
			i++ // the blank line after it
			continue
		}
		if n := len(s.files); n > 0 {
			s.files[n-1].Text += lines[i] + "\n"
		}
	}
	for i := range all {
		for j := range all[i].files {
			f := &all[i].files[j]
			f.Text = strings.TrimRight(f.Text, "\n") + "\n"
		}
	}
	return all
}

// repo is the repository root and its THIRD_PARTY_NOTICES, read once.
var repo = sync.OnceValues(func() (string, error) {
	return goCmd(".", nil, "list", "-m", "-f", "{{.Dir}}")
})

func readNotices(t *testing.T) (root string, sections []parsed, text string) {
	t.Helper()
	root, err := repo()
	if err != nil {
		t.Fatal(err)
	}
	root = strings.TrimSpace(root)
	b, err := os.ReadFile(filepath.Join(root, noticesFile))
	if err != nil {
		t.Fatalf("%v: generate it with go run ./tools/notices > %s", err, noticesFile)
	}
	return root, parse(string(b)), string(b)
}

// linked is what go list says the shipped binaries link, asked once.
var linked = sync.OnceValues(func() ([]*module, error) {
	root, err := repo()
	if err != nil {
		return nil, err
	}
	return linkedModules(strings.TrimSpace(root))
})

// TestEveryLinkedModuleHasASection fails when go.mod brings a module into
// any shipped binary (any platform) without a section at its version, and
// when a section names a module no binary links any more.
func TestEveryLinkedModuleHasASection(t *testing.T) {
	_, sections, _ := readNotices(t)
	mods, err := linked()
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, s := range sections {
		titles[s.title] = true
	}
	want := map[string]bool{}
	for _, m := range mods {
		title := "Module: " + m.Path + " " + m.Version
		want[title] = true
		if !titles[title] {
			t.Errorf("%s %s is linked into the binaries but has no section in %s; run go run ./tools/notices > %s",
				m.Path, m.Version, noticesFile, noticesFile)
		}
	}
	for title := range titles {
		if strings.HasPrefix(title, "Module: ") && !want[title] {
			t.Errorf("%s has a section but no binary links it at that version; regenerate %s", title, noticesFile)
		}
	}
	for _, must := range []string{"fyne.io/fyne/v2", "codeberg.org/go-pdf/fpdf", "modernc.org/sqlite", "modernc.org/libc", "github.com/nicksnyder/go-i18n/v2"} {
		if !hasPrefix(want, "Module: "+must+" ") {
			t.Errorf("go list did not report %s: the module list cannot be trusted", must)
		}
	}
}

// TestLicencesAreAllowedAndMatchTheirTexts reads every licence text back
// from the notices, names it again by its fingerprints and fails when that
// differs from its label or is not an allowed licence.
func TestLicencesAreAllowedAndMatchTheirTexts(t *testing.T) {
	_, sections, _ := readNotices(t)
	if len(sections) < 30 {
		t.Fatalf("%s has %d sections; it cannot be whole", noticesFile, len(sections))
	}
	got := map[string]string{}
	for _, s := range sections {
		if len(s.files) == 0 {
			t.Errorf("%s: no licence text", s.title)
		}
		for _, f := range s.files {
			if c := classify(f.Text); c != f.Licence {
				t.Errorf("%s: %s is labelled %s but its text reads as %s", s.title, f.Name, f.Licence, c)
			}
			if !isAllowed(f.Licence) {
				t.Errorf("%s: %s is under %s, not an allowed licence (see allowed in licence.go)", s.title, f.Name, f.Licence)
			}
		}
		got[s.title] = s.licence
		if want := (section{Files: s.files}).Licence(); s.licence != want {
			t.Errorf("%s: heading says %q, files say %q", s.title, s.licence, want)
		}
	}
	for title, want := range map[string]string{
		"Component: Go standard library and runtime":   "BSD-3-Clause",
		"Component: Noto Sans fonts":                   "OFL-1.1",
		"Component: Symbola font (subset)":             "LicenseRef-Symbola",
		"Component: Droid Sans Fallback font (subset)": "Apache-2.0",
		"Module: fyne.io/fyne/v2 ":                     "BSD-3-Clause;",
		"Module: codeberg.org/go-pdf/fpdf ":            "MIT",
		"Module: modernc.org/sqlite ":                  "BSD-3-Clause; LicenseRef-Public-Domain",
		"Module: github.com/nicksnyder/go-i18n/v2 ":    "MIT",
		"Module: github.com/go-gl/glfw/v3.4/glfw ":     "BSD-3-Clause; Zlib",
	} {
		found := false
		for t2, l := range got {
			found = found || (strings.HasPrefix(t2, title) && strings.HasPrefix(l, want))
		}
		if !found {
			t.Errorf("no section %q with licence %q", title, want)
		}
	}
}

// TestNoticesAreUpToDate fails when THIRD_PARTY_NOTICES is not what the
// generator writes now: a module bumped, a licence text changed, a section
// edited by hand.
func TestNoticesAreUpToDate(t *testing.T) {
	root, _, text := readNotices(t)
	var b bytes.Buffer
	if err := run(&b, root); err != nil {
		t.Error(err)
	}
	if b.String() == text {
		return
	}
	want, have := strings.Split(b.String(), "\n"), strings.Split(text, "\n")
	for i := range min(len(want), len(have)) {
		if want[i] != have[i] {
			t.Fatalf("%s line %d is %q, the generator writes %q; run go run ./tools/notices > %s",
				noticesFile, i+1, have[i], want[i], noticesFile)
		}
	}
	t.Fatalf("%s has %d lines, the generator writes %d; run go run ./tools/notices > %s", noticesFile, len(have), len(want), noticesFile)
}

func TestClassifyAndAllow(t *testing.T) {
	root, _, _ := readNotices(t)
	apache, err := readText(filepath.Join(root, "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		apache: "Apache-2.0",
		"Zero.\nSPDX-License-Identifier: Unlicense OR BSD-3-Clause\n":                                                                      "Unlicense OR BSD-3-Clause",
		"This Source Code Form is subject to the terms of the Mozilla\nPublic License, version 2.0 ... Mozilla Public License Version 2.0": "MPL-2.0",
		"Do what you like.": unknown,
	} {
		if got := classify(text); got != want {
			t.Errorf("classify(%.40q) = %s, want %s", text, got, want)
		}
	}
	for expr, want := range map[string]bool{
		"MIT": true, "Unlicense OR BSD-3-Clause": true, "BSD-3-Clause AND MIT": true,
		"MPL-2.0": false, "MIT AND GPL": false, "GPL OR LGPL": false, unknown: false,
	} {
		if isAllowed(expr) != want {
			t.Errorf("isAllowed(%q) = %v", expr, !want)
		}
	}
}

// hasPrefix reports whether a key of m starts with prefix.
func hasPrefix(m map[string]bool, prefix string) bool {
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}
