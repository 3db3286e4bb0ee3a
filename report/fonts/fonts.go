// Package fonts embeds the typeface the PDF plan is set in: Noto Sans
// (regular, bold and italic), the same files Fyne ships, so the report and the
// app look alike and every Swedish letter, dash and quote has a glyph.
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
