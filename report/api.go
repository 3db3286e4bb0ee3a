package report

import (
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Paper sizes a plan can be printed on (layout.PaperA4, layout.PaperLetter).
const (
	PaperA4     = layout.PaperA4
	PaperLetter = layout.PaperLetter
)

// DefaultColor is the plan's colour when the organisation has set none
// (palette.DefaultColor).
const DefaultColor = palette.DefaultColor

// ParseColor reads a colour as "#rrggbb" and reports whether s was one at
// all (palette.ParseColor).
func ParseColor(s string) (string, bool) { return palette.ParseColor(s) }

// NormalizeColor returns a colour as "#rrggbb", or DefaultColor when s is
// none (palette.NormalizeColor).
func NormalizeColor(s string) string { return palette.NormalizeColor(s) }
