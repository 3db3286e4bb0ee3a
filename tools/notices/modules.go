package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// target is one shipped binary for one platform: the package and the
// environment it is built with.
type target struct {
	pkg, goos, goarch string
	cgo               bool
}

// targets are the binaries POMI Planner ships: the desktop app (cgo, GLFW)
// for Linux, Windows and macOS on both Intel and Apple silicon, the
// pure-Go command line, and the team server for Linux. The build tags of
// the Makefile are added by list.
var targets = []target{
	{"./cmd/pomi", "linux", "amd64", true},
	{"./cmd/pomi", "windows", "amd64", true},
	{"./cmd/pomi", "darwin", "amd64", true},
	{"./cmd/pomi", "darwin", "arm64", true},
	{"./cmd/pomi-cli", "linux", "amd64", false},
	{"./cmd/pomi-cli", "windows", "amd64", false},
	{"./cmd/pomi-cli", "darwin", "arm64", false},
	{"./cmd/pomi-server", "linux", "amd64", false},
}

// buildTags are the tags the Makefile builds with (TAGS); accessibility adds
// no module.
const buildTags = "migrated_fynedo"

// module is a third-party module linked into at least one target.
type module struct {
	Path, Version, Dir string
	pkgDirs            []string // the directories of its linked packages
}

// licenceFile is one licence or notice file: where it is shown from, its
// text (LF line ends) and the licence classify finds in it.
type licenceFile struct {
	Name, Note, Text, Licence string
}

// goCmd runs the go command in dir with env added to this process's
// environment, with this toolchain and go.mod as it is. Modules that only
// macOS or Windows builds link may not be in a fresh clone's module cache
// yet, so the module proxy stays reachable as the environment sets it.
func goCmd(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly")
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s (%s): %w: %s", strings.Join(args, " "), strings.Join(env, " "), err, stderr.String())
	}
	return string(out), nil
}

// linkedModules lists the modules other than the main one whose packages
// are linked into any target, sorted by path.
func linkedModules(root string) ([]*module, error) {
	const format = `{{with .Module}}{{if not .Main}}{{.Path}}	{{.Version}}	{{.Dir}}	{{$.Dir}}{{end}}{{end}}`
	outs := make([]string, len(targets))
	errs := make([]error, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Go(func() {
			cgo := "CGO_ENABLED=0"
			if t.cgo {
				cgo = "CGO_ENABLED=1"
			}
			outs[i], errs[i] = goCmd(root, []string{"GOOS=" + t.goos, "GOARCH=" + t.goarch, cgo},
				"list", "-deps", "-tags", buildTags, "-f", format, t.pkg)
		})
	}
	wg.Wait()
	byPath := map[string]*module{}
	for i, out := range outs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		for line := range strings.Lines(out) {
			f := strings.Split(strings.TrimSpace(line), "\t")
			if len(f) != 4 {
				continue
			}
			m := byPath[f[0]]
			if m == nil {
				m = &module{Path: f[0], Version: f[1], Dir: f[2]}
				byPath[f[0]] = m
			}
			if m.Version != f[1] {
				return nil, fmt.Errorf("%s is linked at both %s and %s", m.Path, m.Version, f[1])
			}
			m.pkgDirs = append(m.pkgDirs, f[3])
		}
	}
	mods := make([]*module, 0, len(byPath))
	for _, m := range byPath {
		mods = append(mods, m)
	}
	slices.SortFunc(mods, func(a, b *module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

// licenceName matches the files that carry a licence or a third-party notice.
var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|unlicense)([-_.].*)?$`)

// licenceFiles finds every licence file in m's directory tree, except in
// testdata, in Go packages of m that are not linked, and those skipped.
func licenceFiles(m *module) ([]licenceFile, error) {
	var files []licenceFile
	err := filepath.WalkDir(m.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(m.Dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == "testdata" || (rel != "." && unlinkedPackage(m, path)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !licenceName.MatchString(d.Name()) || skipped[m.Path+" "+rel] != "" {
			return nil
		}
		text, err := readText(path)
		if err != nil {
			return err
		}
		files = append(files, licenceFile{Name: rel, Note: notes[m.Path+" "+rel], Text: text, Licence: classify(text)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for key, note := range sourceNotices {
		rel, ok := strings.CutPrefix(key, m.Path+" ")
		if !ok {
			continue
		}
		text, err := sourceNotice(filepath.Join(m.Dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("source notice %s (update sourceNotices): %w", key, err)
		}
		files = append(files, licenceFile{Name: rel, Note: note, Text: text, Licence: classify(text)})
	}
	// The module's own licence first, then nested ones by path.
	slices.SortFunc(files, func(a, b licenceFile) int {
		if d := strings.Count(a.Name, "/") - strings.Count(b.Name, "/"); d != 0 {
			return d
		}
		return strings.Compare(a.Name, b.Name)
	})
	return files, nil
}

// unlinkedPackage reports whether dir holds Go files of a package of m that
// no target links and no linked package lies below it: its licence files
// cover code POMI Planner does not ship (a module's commands, say).
func unlinkedPackage(m *module, dir string) bool {
	gofiles, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	if len(gofiles) == 0 {
		return false
	}
	for _, p := range m.pkgDirs {
		if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
			return false
		}
	}
	return true
}

// readText reads a licence file as UTF-8 text with LF line ends and no
// trailing blank lines.
func readText(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%s is not UTF-8", path)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n")
	return strings.TrimRight(text, "\n\t ") + "\n", nil
}
