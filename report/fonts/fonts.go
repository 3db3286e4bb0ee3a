// Package fonts embeds the typeface the PDF plan is set in: Noto Sans
// (regular, bold and italic), the same files Fyne ships, so the report and the
// app look alike and every Swedish letter, dash and quote has a glyph; and two
// fallback faces, subsets of Symbola (symbols, monochrome emoji) and Droid
// Sans Fallback (Chinese, Japanese), for what Noto Sans lacks. The fallbacks
// add 2.4 MB to the binary (subset-fallback.py makes them).
//
// Noto Sans is © the Noto Project Authors and licensed under the SIL Open Font
// License, Version 1.1; the full text is in LICENSE.txt beside these files.
// The licence allows embedding the fonts (subset) in the documents we make.
package fonts

import _ "embed" // the font files are compiled in, so the PDF never depends on system fonts

// Regular is NotoSans-Regular.ttf.
//
//go:embed NotoSans-Regular.ttf
var Regular []byte

// Bold is NotoSans-Bold.ttf.
//
//go:embed NotoSans-Bold.ttf
var Bold []byte

// Italic is NotoSans-Italic.ttf.
//
//go:embed NotoSans-Italic.ttf
var Italic []byte

// License is the SIL Open Font License text that must travel with the fonts.
//
//go:embed LICENSE.txt
var License string

// Symbols is a subset of Symbola (George Douros, free for any use; see
// LICENSE-Symbola.txt): arrows, mathematical and technical symbols, shapes,
// dingbats and monochrome emoji, the emoji moved to the Private Use Area
// (subset-fallback.py). The plan falls back to it for what Noto Sans lacks.
//
//go:embed Symbola-subset.ttf
var Symbols []byte

// CJK is a subset of Droid Sans Fallback (Apache License 2.0, see
// LICENSE-DroidSansFallback.txt): kana, CJK punctuation and the ideographs
// of GB 2312 and JIS X 0208. The plan falls back to it for Chinese and
// Japanese names and notes.
//
//go:embed DroidSansFallback-subset.ttf
var CJK []byte

// SymbolsLicense and CJKLicense must travel with the fallback fonts.
var (
	//go:embed LICENSE-Symbola.txt
	SymbolsLicense string
	//go:embed LICENSE-DroidSansFallback.txt
	CJKLicense string
)
