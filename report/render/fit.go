package render

import (
	"github.com/pomi-planner/pomi/report/layout"
)

// Tightening: how a section that must keep to one page (Section.OnePage)
// is drawn closer when it would not fit at the normal spacing.
const (
	MaxTight  = 3    // the tightest step tried
	tightGap  = 0.2  // each step takes this share off gaps and cell padding
	tightLine = 0.05 // and this much off the line height factor
)

// gap is v mm of vertical space at the current tightness.
func (r *renderer) gap(v float64) float64 { return v * (1 - tightGap*float64(r.tight)) }

// padY is the cell padding above and below the text of a table row.
func (r *renderer) padY() float64 { return r.gap(cellPadY) }

// tightness is the least tightening at which s fits on one page, found by
// laying it out on a scratch document; MaxTight when none is enough, so
// the section is drawn as close as the plan allows and goes on overleaf.
func (r *renderer) tightness(s *layout.Section) int {
	for k := 0; k < MaxTight; k++ {
		if r.fitsOnePage(s, k) {
			return k
		}
	}
	return MaxTight
}

func (r *renderer) fitsOnePage(s *layout.Section, tight int) bool {
	t, err := newRenderer(r.doc, r.paper, 0)
	if err != nil {
		return false
	}
	t.trial, t.tight = true, tight
	t.drawSection(s)
	return t.pdf.Error() == nil && t.pdf.PageNo() == 1
}
