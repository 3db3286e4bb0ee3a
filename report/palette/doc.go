// Package palette turns the organisation's colour into the plan's colours:
// it reads and normalizes "#rrggbb" strings (ParseColor, NormalizeColor,
// DefaultColor) and derives a Palette whose text colour always reads on
// white (WCAG AA) and whose fills never vanish, plus the fixed greys of the
// page.
package palette
