package render

import (
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Spacing of blocks in mm.
const (
	blockGap    = 3.0 // after a paragraph or list
	boxGap      = 5.0 // after a table, chart, callout or signatures
	bulletInset = 5.0 // text indent of a bullet item
	calloutPad  = 4.0
	calloutBar  = 1.4
	headingRoom = 14.0 // a subheading wants at least this much text below it
)

// textLine is one wrapped line ready to draw. before is extra space above it
// and is part of h, so page fitting needs only h.
type textLine struct {
	text   string
	font   font
	h      float64
	before float64
	indent float64
	bullet bool
	align  string // AlignLeft, AlignCenter or AlignRight
}

// box decorates each page's part of a flow with a tinted background and a
// coloured bar on the left.
type box struct {
	fill, bar palette.RGB
	pad, barW float64
}

// flow draws lines from the cursor down, across as many pages as needed. If
// b is set, each page's part gets its own box.
func (r *renderer) flow(lines []textLine, b *box) {
	x, w, pad := r.left, r.width, 0.0
	if b != nil {
		x, w, pad = r.left+b.barW+b.pad, r.width-b.barW-2*b.pad, b.pad
	}
	for i := 0; i < len(lines); {
		n, h := r.fitLines(lines[i:], 2*pad)
		if n == 0 {
			r.newPage()
			continue
		}
		if b != nil {
			r.drawBox(b, h+2*pad)
		}
		r.drawLines(lines[i:i+n], x, r.y+pad, w)
		r.place(Placed{What: r.what, Text: lines[i].text, Top: r.y, Bottom: r.y + h + 2*pad})
		r.y += h + 2*pad
		i += n
	}
}

// fitLines counts how many lines fit below the cursor with extra mm of
// padding. At the top of a page it takes at least one, so flow always moves.
func (r *renderer) fitLines(lines []textLine, extra float64) (n int, h float64) {
	avail := r.bottom - r.y - extra
	for n < len(lines) && h+lines[n].h <= avail {
		h += lines[n].h
		n++
	}
	if n == 0 && r.atTop() {
		return 1, lines[0].h
	}
	return n, h
}

func (r *renderer) drawBox(b *box, h float64) {
	r.pdf.SetFillColor(b.fill.R, b.fill.G, b.fill.B)
	r.pdf.Rect(r.left, r.y, r.width, h, "F")
	r.pdf.SetFillColor(b.bar.R, b.bar.G, b.bar.B)
	r.pdf.Rect(r.left, r.y, b.barW, h, "F")
}

func (r *renderer) drawLine(l textLine, x, y, w float64) {
	r.setFont(l.font)
	lh := l.h - l.before
	if l.bullet {
		c := r.pal.Brand
		r.pdf.SetFillColor(c.R, c.G, c.B)
		r.pdf.Circle(x+l.indent-3.2, y+l.before+lh/2, 0.65, "F")
	}
	align := "LM"
	switch l.align {
	case layout.AlignCenter:
		align = "CM"
	case layout.AlignRight:
		align = "RM"
	}
	r.cell(x+l.indent, y+l.before, w-l.indent, lh, l.text, align)
}

// drawBlock draws blocks[0]; the rest follow it. KeepWithNext moves the
// block to a new page when what must stay with it does not fit, so a
// heading is never left alone at the bottom of a page.
func (r *renderer) drawBlock(blocks []layout.Block) {
	b := &blocks[0]
	r.what = PlacedText
	if b.KeepWithNext && !r.atTop() && !r.startFits(blocks, r.bottom-r.y) {
		r.newPage()
	}
	switch b.Kind {
	case layout.KindHeading:
		r.drawHeading(b.Text)
	case layout.KindParagraph:
		r.drawParagraph(b.Text, b.Style)
	case layout.KindBullets:
		r.drawBullets(b.Items)
	case layout.KindKeyValue:
		r.drawKeyValue(b.Pairs)
	case layout.KindTable:
		r.drawTable(b.Table)
	case layout.KindRadar:
		r.drawRadar(b.Radar)
	case layout.KindCallout:
		r.drawCallout(b.Text, b.Items)
	case layout.KindSignature:
		r.drawSignatures(b.Signatures)
	default: // an unknown kind still shows its words rather than lose them
		r.drawParagraph(b.Text, layout.StyleNormal)
		r.drawBullets(b.Items)
	}
}

// startFits says whether the start of blocks goes in room mm: a heading
// (or another KeepWithNext block) with the start of what follows it.
// Tables and key–value blocks answer as drawGrid will decide.
func (r *renderer) startFits(blocks []layout.Block, room float64) bool {
	if len(blocks) == 0 {
		return true
	}
	if room < keepNextMin {
		return false
	}
	b := &blocks[0]
	switch {
	case b.Kind == layout.KindTable && b.Table != nil:
		return r.fits(r.layoutGrid(r.tableGrid(b.Table)), room)
	case b.Kind == layout.KindKeyValue:
		return r.fits(r.layoutGrid(r.keyValueGrid(b.Pairs)), room)
	case b.Kind == layout.KindHeading || b.KeepWithNext:
		h := r.leadHeight(blocks[:1])
		if b.Kind == layout.KindHeading {
			h = 4.5 + totalHeight(r.lines(b.Text, r.headingFont(), r.width, 1.3))
		}
		return room >= h && r.startFits(blocks[1:], room-h)
	}
	return room >= r.leadHeight(blocks)
}

// leadHeight is the room the start of blocks needs on the current page: a
// heading (or a KeepWithNext block) together with the start of what follows,
// a whole chart or signature row, a table's header and first rows, or a few
// lines of text. It never asks for more than a page.
func (r *renderer) leadHeight(blocks []layout.Block) float64 {
	if len(blocks) == 0 {
		return 0
	}
	b := &blocks[0]
	h := r.blockLeadHeight(b)
	if b.Kind == layout.KindHeading || b.KeepWithNext {
		h += r.leadHeight(blocks[1:])
	}
	return min(h, r.bottom-bodyTop)
}

// blockLeadHeight is the room the start of one block needs, leaving out
// what it must be kept with.
func (r *renderer) blockLeadHeight(b *layout.Block) float64 {
	switch b.Kind {
	case layout.KindHeading:
		return 4.5 + totalHeight(r.lines(b.Text, r.headingFont(), r.width, 1.3))
	case layout.KindRadar:
		if b.Radar != nil && len(b.Radar.Axes) >= 3 {
			return r.planRadar(b.Radar).height
		}
	case layout.KindParagraph:
		return r.paragraphLeadHeight(b)
	case layout.KindSignature:
		return r.signatureLeadHeight(b)
	case layout.KindTable:
		if b.Table != nil {
			return r.layoutGrid(r.tableGrid(b.Table)).need
		}
	case layout.KindKeyValue:
		return r.layoutGrid(r.keyValueGrid(b.Pairs)).need
	case layout.KindCallout:
		return 30
	}
	return 12 // about two lines of text
}

// paragraphLeadHeight is all of a paragraph that must stay with what
// follows; two lines of any other.
func (r *renderer) paragraphLeadHeight(b *layout.Block) float64 {
	lines := r.lines(b.Text, r.paragraphFont(b.Style), r.width, lineFactor)
	h := totalHeight(lines) + r.gap(blockGap)
	if !b.KeepWithNext {
		h = min(h, 12)
	}
	return h
}

// signatureLeadHeight is the first row of signature boxes, or a little room
// when there are no signatures.
func (r *renderer) signatureLeadHeight(b *layout.Block) float64 {
	if len(b.Signatures) == 0 {
		return 20
	}
	cols := signatureColumns(len(b.Signatures))
	return r.signatureRowHeight(b.Signatures[:cols], cols) + r.gap(boxGap)
}

func (r *renderer) headingFont() font { return font{styleBold, sizeH2, r.pal.Ink} }

func (r *renderer) drawHeading(text string) {
	f := r.headingFont()
	lines := r.lines(text, f, r.width, 1.3)
	if len(lines) == 0 {
		return
	}
	if !r.atTop() {
		r.y += r.gap(3)
	}
	r.ensure(float64(len(lines))*lines[0].h + headingRoom)
	r.what = PlacedHeading
	// No outline entry: fpdf writes "/Count 0" on every outline item, which
	// is invalid for an item with children (pdfcpu's strict mode refuses
	// it), so the outline stays one level deep — one entry per section.
	r.flow(lines, nil)
	r.y += r.gap(1.5)
}

// paragraphFont maps a paragraph style to its font.
func (r *renderer) paragraphFont(style string) font {
	switch style {
	case layout.StyleMuted:
		return font{styleRegular, sizeMuted, palette.Muted}
	case layout.StyleSource:
		return font{styleItalic, sizeSmall, palette.Muted}
	case layout.StyleLead:
		return font{styleRegular, sizeLead, palette.Text}
	}
	return font{styleRegular, sizeBody, palette.Text}
}

func (r *renderer) drawParagraph(text, style string) {
	lines := r.lines(text, r.paragraphFont(style), r.width, lineFactor)
	if len(lines) == 0 {
		return
	}
	r.flow(lines, nil)
	r.y += r.gap(blockGap)
}

// bulletLines wraps items with a hanging indent and a dot on each first line.
func (r *renderer) bulletLines(items []string, f font, width float64) []textLine {
	var out []textLine
	for _, item := range items {
		ls := r.lines(item, f, width-bulletInset, lineFactor)
		for j := range ls {
			ls[j].indent = bulletInset
		}
		if len(ls) == 0 {
			continue
		}
		ls[0].bullet = true
		if len(out) > 0 {
			ls[0].before = 1.2
			ls[0].h += 1.2
		}
		out = append(out, ls...)
	}
	return out
}

func (r *renderer) drawBullets(items []string) {
	lines := r.bulletLines(items, font{styleRegular, sizeBody, palette.Text}, r.width)
	if len(lines) == 0 {
		return
	}
	r.flow(lines, nil)
	r.y += r.gap(blockGap)
}

// drawCallout draws a tinted box with a brand bar: Text in bold, then Items
// as bullets. It splits across pages like running text.
func (r *renderer) drawCallout(text string, items []string) {
	b := &box{fill: r.pal.Pale, bar: r.pal.Brand, pad: r.gap(calloutPad), barW: calloutBar}
	w := r.width - b.barW - 2*b.pad
	lines := r.lines(text, font{styleBold, sizeBody, palette.Text}, w, lineFactor)
	bullets := r.bulletLines(items, font{styleRegular, sizeBody - 0.5, palette.Text}, w)
	if len(lines) > 0 && len(bullets) > 0 {
		bullets[0].before += 1.5
		bullets[0].h += 1.5
	}
	lines = append(lines, bullets...)
	if len(lines) == 0 {
		return
	}
	// Keep a short callout whole rather than split off its first line.
	r.ensure(min(totalHeight(lines)+2*b.pad, 40))
	r.flow(lines, b)
	r.y += r.gap(boxGap)
}

// drawKeyValue draws pairs as a two-column table without a header: labels
// muted and bold on the left, values wrapping on the right.
func (r *renderer) drawKeyValue(pairs []layout.Pair) {
	if len(pairs) == 0 {
		return
	}
	r.drawGrid(r.keyValueGrid(pairs))
	r.y += r.gap(boxGap)
}

// keyValueGrid is pairs as a headerless two-column grid.
func (r *renderer) keyValueGrid(pairs []layout.Pair) *grid {
	t := &grid{widths: []float64{35, 65}, aligns: []string{layout.AlignLeft, layout.AlignLeft}}
	for _, p := range pairs {
		t.rows = append(t.rows, []gridCell{
			{text: p.Key, font: font{styleBold, sizeTable, palette.Muted}},
			{text: p.Value, font: font{styleRegular, sizeTable + 0.5, palette.Text}},
		})
	}
	return t
}

// Signature block geometry in mm.
const (
	sigGap   = 12.0 // between blocks side by side
	sigSpace = 16.0 // room to sign above the line
	sigDate  = 9.0  // room to write the date above its line
)

// drawSignatures lays signature blocks out side by side, three to a row (two
// when there are four, so the rows balance). A row is never split.
func (r *renderer) drawSignatures(sigs []layout.Signature) {
	cols := signatureColumns(len(sigs))
	for start := 0; start < len(sigs); start += cols {
		r.drawSignatureRow(sigs[start:min(start+cols, len(sigs))], cols)
	}
}

// signatureColumns is how many of n signature blocks go side by side.
func signatureColumns(n int) int {
	if n == 4 {
		return 2
	}
	return min(n, 3)
}

// signatureRowHeight is the height of one row of signature blocks.
func (r *renderer) signatureRowHeight(row []layout.Signature, cols int) float64 {
	w := (r.width - sigGap*float64(cols-1)) / float64(cols)
	mainH, dateH := 0.0, 0.0
	for _, s := range row {
		m, d := r.signatureLines(s, w)
		mainH = max(mainH, totalHeight(m))
		dateH = max(dateH, totalHeight(d))
	}
	return sigSpace + 0.8 + mainH + sigDate + 0.8 + dateH
}

// drawSignatureRow draws one row of blocks; the date lines share one
// height even when a long name wraps in only one of the blocks.
func (r *renderer) drawSignatureRow(row []layout.Signature, cols int) {
	w := (r.width - sigGap*float64(cols-1)) / float64(cols)
	blocks := make([][]textLine, len(row))
	dates := make([][]textLine, len(row))
	mainH, dateH := 0.0, 0.0
	for i, s := range row {
		blocks[i], dates[i] = r.signatureLines(s, w)
		mainH = max(mainH, totalHeight(blocks[i]))
		dateH = max(dateH, totalHeight(dates[i]))
	}
	height := sigSpace + 0.8 + mainH + sigDate + 0.8 + dateH
	r.ensure(height)
	r.place(Placed{What: PlacedSignature, Top: r.y, Bottom: r.y + height})
	for i := range row {
		x := r.left + float64(i)*(w+sigGap)
		r.drawLines(blocks[i], x, r.signLine(x, r.y+sigSpace, w), w)
		dateY := r.y + sigSpace + 0.8 + mainH + sigDate
		r.drawLines(dates[i], x, r.signLine(x, dateY, w*0.6), w)
	}
	r.y += height + r.gap(boxGap)
}

// drawLines draws lines from y down at x, without page breaks.
func (r *renderer) drawLines(lines []textLine, x, y, w float64) {
	for _, l := range lines {
		r.drawLine(l, x, y, w)
		y += l.h
	}
}

// signatureLines wraps a block's captions: the sign label, the name and
// the role under the line, and the date label under the date line.
func (r *renderer) signatureLines(s layout.Signature, w float64) (main, date []textLine) {
	label := font{styleRegular, sizeSmall - 0.5, palette.Muted}
	main = append(main, r.capLines(r.lines(s.Sign, label, w, 1.3), 2, w)...)
	main = append(main, r.capLines(r.lines(s.Name, font{styleBold, sizeBody, palette.Text}, w, 1.35), 2, w)...)
	main = append(main, r.capLines(r.lines(s.Role, font{styleRegular, sizeMuted, palette.Muted}, w, 1.3), 3, w)...)
	date = r.capLines(r.lines(s.Date, label, w, 1.3), 2, w)
	return main, date
}

// signLine draws a line to write on and returns the y just below it.
func (r *renderer) signLine(x, y, w float64) float64 {
	r.pdf.SetDrawColor(palette.Text.R, palette.Text.G, palette.Text.B)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(x, y, x+w, y)
	return y + 0.8
}
