package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// section is one component in THIRD_PARTY_NOTICES: a Go module (Module and
// Version set) or another component (Name set), with its licence files.
type section struct {
	Module, Version, Name string
	Files                 []licenceFile
}

// Title is the section's heading line: "Module: path version" or
// "Component: name".
func (s section) Title() string {
	if s.Module != "" {
		return "Module: " + s.Module + " " + s.Version
	}
	return "Component: " + s.Name
}

// Licence is every licence of the section's files, once each, in order.
func (s section) Licence() string {
	var ids []string
	for _, f := range s.Files {
		if !strings.Contains(strings.Join(ids, "\x00")+"\x00", f.Licence+"\x00") {
			ids = append(ids, f.Licence)
		}
	}
	return strings.Join(ids, "; ")
}

// notes say what a licence file inside a module covers, where that is not
// simply the module itself. Keys are "module path-in-module".
var notes = map[string]string{
	"fyne.io/fyne/v2 theme/font/LICENSE.txt":                  "the Noto Sans fonts (regular, bold, italic, bold italic) embedded by Fyne's theme",
	"fyne.io/fyne/v2 theme/font/LICENSE_Inter.txt":            "the Inter Symbols font embedded by Fyne's theme",
	"fyne.io/fyne/v2 theme/font/LICENSE_DejaVu-Powerline.txt": "the DejaVu Sans Mono Powerline font embedded by Fyne's theme; DejaVu's changes are public domain, the Bitstream Vera and Arev glyphs are under the two licences in the text",
	"fyne.io/fyne/v2 theme/font/LICENSE_EmojiOneColor.txt":    "the EmojiOne Color font embedded by Fyne's theme",
	"github.com/fyne-io/image ico/LICENSE-reader":             "the ico package's reader",
	"github.com/fyne-io/image ico/LICENSE-writer":             "the ico package's writer",
	"github.com/go-gl/glfw/v3.4/glfw glfw/LICENSE.md":         "the GLFW 3.4 C library, vendored in this module and compiled into the desktop app",
	"github.com/go-text/typesetting harfbuzz/LICENSE":         "the harfbuzz package, a Go port of the HarfBuzz C library",
	"modernc.org/libc LICENSE-3RD-PARTY.md":                   "code of Go, musl libc, go-netdb and nixpkgs translated or copied into this module",
	"modernc.org/memory LICENSE-GO":                           "code derived from Go",
	"modernc.org/memory LICENSE-MMAP-GO":                      "code derived from mmap-go",
	"modernc.org/sqlite LICENSE-SQLITE":                       "the SQLite C library, translated to Go in this module",
	"modernc.org/sqlite LICENSE-SQLITE_VEC":                   "the sqlite-vec extension, in a package of this module POMI Planner does not import",
}

// skipped are licence files inside linked modules that cover nothing POMI
// Planner ships, each with the reason. Keys are "module path-in-module".
var skipped = map[string]string{
	"codeberg.org/go-pdf/fpdf icc/LICENSE.color.org": "the sRGB ICC profile beside it serves fpdf's examples only; fpdf embeds no profile",
	"modernc.org/memory LICENSE-LOGO":                "a link to the source of the project's logo, which is in no package",
	"modernc.org/sqlite LICENSE-3RD-PARTY.md":        "a summary of modernc.org/sqlite's whole module graph, test-only and unlinked modules (one under MPL-2.0) included; the modules linked here have sections of their own, SQLite's dedication is LICENSE-SQLITE",
}

// sourceNotices are licences a linked module carries only in the opening
// comment of a source file, not in a licence file: what each covers. Keys are
// "module path-in-module".
var sourceNotices = map[string]string{
	"github.com/go-gl/gl v2.1/gl/KHR/khrplatform.h": "the Khronos platform header, compiled into the desktop app's OpenGL bindings (its opening comment)",
}

// sourceNotice is the first /* … */ comment of a C file, without the
// comment marks at the start of its lines.
func sourceNotice(path string) (string, error) {
	text, err := readText(path)
	if err != nil {
		return "", err
	}
	start, end := strings.Index(text, "/*"), strings.Index(text, "*/")
	if start < 0 || end < start {
		return "", fmt.Errorf("%s: no /* */ comment", path)
	}
	var b strings.Builder
	for line := range strings.Lines(text[start+2 : end]) {
		line = strings.TrimLeft(line, " \t")
		line = strings.TrimPrefix(strings.TrimPrefix(strings.TrimLeft(line, "*"), " "), "\t")
		b.WriteString(line)
	}
	return strings.Trim(b.String(), "\n") + "\n", nil
}

// sections gathers every component, the Go standard library first, then the
// linked modules by path, then the fonts the PDF plans embed.
func sections(root string) ([]section, error) {
	goroot, err := goCmd(root, nil, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	goLicence, err := readText(filepath.Join(strings.TrimSpace(goroot), "LICENSE"))
	if err != nil {
		return nil, err
	}
	all := []section{{Name: "Go standard library and runtime", Files: []licenceFile{{
		Name: "LICENSE", Note: "Go's standard library and runtime, compiled into every Go program",
		Text: goLicence, Licence: classify(goLicence),
	}}}}
	mods, err := linkedModules(root)
	if err != nil {
		return nil, err
	}
	for _, m := range mods {
		files, err := licenceFiles(m)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s %s: no licence file in %s", m.Path, m.Version, m.Dir)
		}
		all = append(all, section{Module: m.Path, Version: m.Version, Files: files})
	}
	noto, err := readText(filepath.Join(root, "report", "fonts", "LICENSE.txt"))
	if err != nil {
		return nil, err
	}
	all = append(all, section{Name: "Noto Sans fonts", Files: []licenceFile{{
		Name: "report/fonts/LICENSE.txt", Text: noto, Licence: classify(noto),
		Note: "Noto Sans Regular, Bold and Italic (Copyright 2015 Google Inc.; Noto is a trademark of Google Inc.), " +
			"embedded in POMI Planner and, subset, in the PDF plans it makes; Fyne's theme embeds the same fonts",
	}}})
	for _, f := range fallbackFonts {
		text, err := readText(filepath.Join(root, "report", "fonts", f.file))
		if err != nil {
			return nil, err
		}
		all = append(all, section{Name: f.name, Files: []licenceFile{{
			Name: "report/fonts/" + f.file, Text: text, Licence: classify(text), Note: f.note,
		}}})
	}
	return all, nil
}

// fallbackFonts are the subsets the PDF plans fall back to for characters
// Noto Sans lacks.
var fallbackFonts = []struct{ name, file, note string }{
	{"Symbola font (subset)", "LICENSE-Symbola.txt",
		"a subset of Symbola 2.60 by George Douros, embedded in POMI Planner and in the PDF plans that use its symbols and emoji"},
	{"Droid Sans Fallback font (subset)", "LICENSE-DroidSansFallback.txt",
		"a subset of Droid Sans Fallback (Copyright Google Inc.), embedded in POMI Planner and in the PDF plans that use its Chinese and Japanese characters"},
}
