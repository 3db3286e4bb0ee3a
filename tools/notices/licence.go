package main

import (
	"regexp"
	"slices"
	"strings"
)

// allowed are the licences POMI Planner may ship code or fonts under. Each
// lets us redistribute the component inside a binary, with or without
// changes, on the one condition that its notice travels with the program —
// which THIRD_PARTY_NOTICES is — and none reaches into POMI Planner's own
// Apache-2.0 source:
//
//   - Apache-2.0, BSD-2-Clause, BSD-3-Clause, MIT, MIT-Khronos-old (OpenGL's
//     platform header), MIT-Modern-Variant (the "old MIT" HarfBuzz uses), ISC,
//     Zlib (GLFW): permissive, attribution only.
//   - Unlicense and LicenseRef-Public-Domain (SQLite's dedication): no
//     conditions at all.
//   - OFL-1.1 and Bitstream-Vera: font licences that allow bundling and
//     embedding the fonts in software and documents; the fonts themselves stay
//     under their licence, which the notices say.
//   - LicenseRef-Symbola: the Symbola font's "free for any use; they may be
//     opened, edited, modified, regenerated, packaged and redistributed" (a
//     subset is the PDF plans' fallback for symbols and emoji).
//
// Deliberately not allowed: MPL-2.0 (file-level copyleft — it obliges us to
// point recipients at the source of those files, a decision to take on
// purpose, not by a dependency bump), and any GPL, LGPL or AGPL (a statically
// linked Go binary cannot meet the LGPL's relinking terms, and the GPL would
// bind the whole program). UNKNOWN, a text no fingerprint matches, is never
// allowed: read it and teach fingerprints below.
var allowed = []string{
	"Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "MIT", "MIT-Khronos-old",
	"MIT-Modern-Variant", "ISC", "Zlib", "Unlicense", "LicenseRef-Public-Domain", "OFL-1.1", "Bitstream-Vera",
	"LicenseRef-Symbola",
}

// unknown names a licence text that no fingerprint recognises.
const unknown = "UNKNOWN"

// fingerprint recognises one licence: a text is that licence when it holds
// every phrase of any one of the alternatives, after normalize.
type fingerprint struct {
	id   string
	any  [][]string
	none []string // a text holding one of these is not this licence
}

// fingerprints are phrases that occur in the full text of each licence and
// in no other licence above, normalised. Order matters only for the output:
// ids are listed in this order.
var fingerprints = []fingerprint{
	{id: "Apache-2.0", any: [][]string{
		{"apache license version 2 0 january 2004", "terms and conditions for use reproduction and distribution"},
		{"licensed under the apache license version 2 0"},
	}},
	{id: "BSD-3-Clause", any: [][]string{{
		"redistribution and use in source and binary forms with or without modification are permitted",
		"endorse or promote products derived from this software",
	}}},
	{id: "BSD-2-Clause", any: [][]string{{
		"redistribution and use in source and binary forms with or without modification are permitted",
		"redistributions in binary form must reproduce the above copyright notice",
	}}, none: []string{"endorse or promote products derived from this software"}},
	{id: "MIT", any: [][]string{{
		"permission is hereby granted free of charge to any person obtaining a copy of this software",
		"the above copyright notice and this permission notice shall be included in all copies or substantial portions of the software",
	}}},
	{id: "MIT-Khronos-old", any: [][]string{{
		"permission is hereby granted free of charge to any person obtaining a copy of this software and or associated documentation files the materials",
	}}},
	{id: "MIT-Modern-Variant", any: [][]string{{
		"permission is hereby granted without written agreement and without license or royalty fees to use copy modify and distribute this software",
	}}},
	{id: "ISC", any: [][]string{
		{"permission to use copy modify and or distribute this software for any purpose with or without fee is hereby granted"},
		{"permission to use copy modify and distribute this software for any purpose with or without fee is hereby granted"},
	}},
	{id: "Zlib", any: [][]string{{
		"this software is provided as is without any express or implied warranty",
		"altered source versions must be plainly marked as such and must not be misrepresented as being the original software",
	}}},
	{id: "Unlicense", any: [][]string{{"this is free and unencumbered software released into the public domain"}}},
	{id: "LicenseRef-Public-Domain", any: [][]string{{"has been dedicated to the public domain"}}},
	{id: "OFL-1.1", any: [][]string{{"sil open font license version 1 1"}}},
	{id: "Bitstream-Vera", any: [][]string{{"bitstream vera is a trademark of bitstream inc"}}},
	{id: "MPL-2.0", any: [][]string{{"mozilla public license version 2 0"}}},
	{id: "AGPL-3.0", any: [][]string{{"gnu affero general public license"}}},
	{id: "LGPL", any: [][]string{{"gnu lesser general public license"}, {"gnu library general public license"}}},
	{id: "GPL", any: [][]string{{"gnu general public license"}}},
}

var (
	nonWord = regexp.MustCompile(`[^a-z0-9]+`)
	spdxTag = regexp.MustCompile(`(?m)^\s*SPDX-License-Identifier:\s*(.+?)\s*$`)
)

// normalize lower-cases text and turns every run of other characters than
// letters and digits into one space, so line breaks, quotes, bullets and
// comment marks do not matter.
func normalize(text string) string {
	return " " + strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(text), " ")) + " "
}

// classify names the licence of a licence file's text as an SPDX expression.
// A text that states its own SPDX-License-Identifier (a choice such as
// "Unlicense OR BSD-3-Clause") is taken at its word; otherwise every
// fingerprint found is listed, joined by AND (a file of several notices), or
// UNKNOWN when none is.
func classify(text string) string {
	if m := spdxTag.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	norm := normalize(text)
	var ids []string
	for _, f := range fingerprints {
		if f.matches(norm) {
			ids = append(ids, f.id)
		}
	}
	if len(ids) == 0 {
		return unknown
	}
	return strings.Join(ids, " AND ")
}

func (f fingerprint) matches(norm string) bool {
	for _, n := range f.none {
		if strings.Contains(norm, " "+n+" ") {
			return false
		}
	}
	for _, phrases := range f.any {
		if containsAll(norm, phrases) {
			return true
		}
	}
	return false
}

func containsAll(norm string, phrases []string) bool {
	for _, p := range phrases {
		if !strings.Contains(norm, " "+p+" ") {
			return false
		}
	}
	return true
}

// isAllowed reports whether an SPDX expression of the simple forms classify
// makes ("A", "A AND B", "A OR B") can be met with allowed licences only: one
// alternative of an OR whose every AND-part is allowed.
func isAllowed(expr string) bool {
	for alt := range strings.SplitSeq(expr, " OR ") {
		ok := true
		for part := range strings.SplitSeq(strings.Trim(alt, "() "), " AND ") {
			ok = ok && slices.Contains(allowed, strings.TrimSpace(part))
		}
		if ok {
			return true
		}
	}
	return false
}
