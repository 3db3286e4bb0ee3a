// Command notices writes THIRD_PARTY_NOTICES: the licences of everything
// POMI Planner's binaries contain that we did not write. Run it from the
// repository after changing go.mod:
//
//	go run ./tools/notices > THIRD_PARTY_NOTICES
//
// It asks `go list -deps` which modules the shipped binaries link (the
// desktop app for Linux, Windows and macOS, and pomi-cli), reads every
// licence file of those modules from the module cache (root and nested,
// such as the GLFW C library's and the fonts Fyne embeds), adds the Go
// standard library and the Noto Sans fonts of the PDF plans, and names each
// file's licence by fingerprints of its text (licence.go). It never uses
// the network: the module cache must hold the modules (`go mod download`).
//
// It exits with status 1, after writing, when a licence is unknown or not
// one the project allows; the test beside it fails on the same, and when
// THIRD_PARTY_NOTICES is missing a linked module or differs from this
// program's output.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Separator lines: rule frames a section's heading, a file starts with a
// line "--- name (licence) ---" or "--- name (licence): note ---".
var rule = strings.Repeat("=", 79)

// header opens the file: what POMI Planner is licensed under and what follows.
const header = `THIRD-PARTY NOTICES FOR POMI PLANNER

POMI Planner is Copyright 2026 POMI Planner contributors and is licensed
under the Apache License, Version 2.0 (SPDX: Apache-2.0); the licence is in
the file LICENSE.

The POMI Planner programs (pomi for Linux, Windows and macOS, and pomi-cli)
contain the third-party software below: the Go standard library, the Go
modules linked into them with the C libraries those modules compile in, and
the fonts embedded in the programs and in the PDF plans they make. Each
section names a component and the licence of each of its licence files
(SPDX identifiers), followed by the text of that file, as the component ships it.

This file is generated: go run ./tools/notices > THIRD_PARTY_NOTICES
`

func main() {
	root, err := goCmd(".", nil, "list", "-m", "-f", "{{.Dir}}")
	if err == nil {
		err = run(os.Stdout, strings.TrimSpace(root))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "notices:", err)
		os.Exit(1)
	}
}

// run writes the notices of the module in root to w, and fails after
// writing when a licence is unknown or not allowed.
func run(w io.Writer, root string) error {
	all, err := sections(root)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	render(bw, all)
	if err := bw.Flush(); err != nil {
		return err
	}
	var bad []string
	for _, s := range all {
		for _, f := range s.Files {
			if !isAllowed(f.Licence) {
				bad = append(bad, fmt.Sprintf("%s: %s is %s", s.Title(), f.Name, f.Licence))
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("licences not allowed (see allowed in licence.go):\n  %s", strings.Join(bad, "\n  "))
	}
	return nil
}

// render writes the header, a table of contents and every section.
func render(w io.Writer, all []section) {
	fmt.Fprint(w, header, "\nContents\n\n")
	for _, s := range all {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimPrefix(strings.TrimPrefix(s.Title(), "Module: "), "Component: "), s.Licence())
	}
	for _, s := range all {
		fmt.Fprintf(w, "\n\n%s\n%s\nLicence: %s\n%s\n", rule, s.Title(), s.Licence(), rule)
		for _, f := range s.Files {
			fmt.Fprintf(w, "\n%s\n\n%s", fileLine(f), f.Text)
		}
	}
}

// fileLine is the line that starts a licence file's text.
func fileLine(f licenceFile) string {
	if f.Note != "" {
		return fmt.Sprintf("--- %s (%s): %s ---", f.Name, f.Licence, f.Note)
	}
	return fmt.Sprintf("--- %s (%s) ---", f.Name, f.Licence)
}
