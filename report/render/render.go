package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pomi-planner/pomi/report/fonts"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Page geometry in mm. Generous side margins and a running header/footer
// band that the body never enters.
const (
	marginSide   = 20.0
	headerTop    = 10.0 // top of the running header
	headerH      = 8.0  // height of the header logo and text line
	headerRuleY  = 20.5
	bodyTop      = 27.0
	bodyBottom   = 22.0 // distance of the body's end from the page bottom
	footerRule   = 16.0 // distance of the footer rule from the page bottom
	footerText   = 14.5 // distance of the footer text's top from the page bottom
	keepNextMin  = 25.0 // a KeepWithNext block needs this much room below it
	sectionGap   = 9.0  // space above a section title that does not start a page
	headerLogoMW = 40.0 // widest a header logo may be
)

// Image names inside the PDF; unique per document.
const (
	imgBrandLogo  = "brand-logo"
	imgClientLogo = "client-logo"
)

// Render draws doc as a PDF to w. It never panics: any panic inside fpdf is
// recovered and returned as an error; fpdf's sticky error and Output's error
// are checked. A nil doc or an unknown paper is an error; paper "" means A4.
//
// The document is laid out twice: the first pass counts the pages so the
// second can print "{pages}" as a plain number (fpdf's AliasNbPages would
// measure and right-align the placeholder, not the number).
func Render(doc *layout.Document, w io.Writer) error {
	if doc == nil {
		return errors.New("render plan: no document")
	}
	if w == nil {
		return errors.New("render plan: no writer")
	}
	paper, err := paperSize(doc.Paper)
	if err != nil {
		return err
	}
	first, err := renderPass(doc, paper, 0)
	if err != nil {
		return err
	}
	final, err := renderPass(doc, paper, first.PageCount())
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := protect(func() error { return final.Output(&buf) }); err != nil {
		return fmt.Errorf("render plan: write PDF: %w", err)
	}
	if _, err := w.Write(tagSubsets(buf.Bytes())); err != nil {
		return fmt.Errorf("render plan: write PDF: %w", err)
	}
	return nil
}

// paperSize maps the model's paper name to fpdf's size name.
func paperSize(paper string) (string, error) {
	switch p, _ := layout.NormalizePaper(paper); p {
	case layout.PaperA4:
		return "A4", nil
	case layout.PaperLetter:
		return "Letter", nil
	}
	return "", fmt.Errorf("render plan: unknown paper %q", layout.SanitizeLine(paper))
}

// protect runs fn and turns a panic into an error, so a bug in fpdf or here
// costs the user one failed export, not the app.
func protect(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("render plan: internal error: %v", p)
		}
	}()
	return fn()
}

// renderPass lays out the whole document once; total is the page count to
// print in the footer (0 in the counting pass).
func renderPass(doc *layout.Document, paper string, total int) (*fpdf.Fpdf, error) {
	var pdf *fpdf.Fpdf
	err := protect(func() error {
		r, err := newRenderer(doc, paper, total)
		if err != nil {
			return err
		}
		r.drawDocument()
		if err := r.pdf.Error(); err != nil {
			return fmt.Errorf("render plan: %w", err)
		}
		pdf = r.pdf
		return nil
	})
	return pdf, err
}

// renderer carries the fpdf document and the layout state of one pass.
type renderer struct {
	pdf    *fpdf.Fpdf
	doc    *layout.Document
	pal    palette.Palette
	total  int
	pageH  float64
	left   float64   // x of the left margin
	width  float64   // text width between the margins
	bottom float64   // lowest y the body may reach
	y      float64   // the body's cursor
	logo   *pdfImage // brand logo, nil when none
	client *pdfImage // client logo, nil when none
	// log records where things went when set (LayOut); section, what and
	// table say what is being drawn.
	log     *PageLog
	section string
	what    string
	table   int
	// paper is fpdf's page size; tight how much closer than normal the
	// current section is drawn (fit.go); trial marks a scratch
	// renderer that measures a section.
	paper string
	tight int
	trial bool
	// cur is the font last set; fallbacks the fallback faces registered.
	cur       font
	fallbacks [len(fallbackFamily)]bool
}

// pdfImage is a registered PNG and its aspect ratio.
type pdfImage struct {
	name   string
	aspect float64 // width / height
}

func newRenderer(doc *layout.Document, paper string, total int) (*renderer, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: paper})
	// Breaks are ours: tables repeat headers and boxes split by hand.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginSide, bodyTop, marginSide)
	pdf.SetCellMargin(0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true) // same input, same bytes
	pdf.AddUTF8FontFromBytes(fontFamily, styleRegular, fonts.Regular)
	pdf.AddUTF8FontFromBytes(fontFamily, styleBold, fonts.Bold)
	pdf.AddUTF8FontFromBytes(fontFamily, styleItalic, fonts.Italic)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("render plan: load fonts: %w", err)
	}
	w, h := pdf.GetPageSize()
	r := &renderer{
		pdf: pdf, doc: doc, pal: palette.New(doc.Brand.Color), total: total, paper: paper,
		pageH: h, left: marginSide, width: w - 2*marginSide,
		bottom: h - bodyBottom,
	}
	var err error
	if r.logo, err = r.register(imgBrandLogo, doc.Brand.Logo); err != nil {
		return nil, fmt.Errorf("render plan: organisation logo: %w", err)
	}
	if r.client, err = r.register(imgClientLogo, doc.Cover.ClientLogo); err != nil {
		return nil, fmt.Errorf("render plan: client logo: %w", err)
	}
	r.setMetadata()
	return r, nil
}

// register adds a PNG to the document. fpdf's error is sticky, so a bad image
// would silently blank everything after it: check at once.
func (r *renderer) register(name string, png []byte) (*pdfImage, error) {
	if len(png) == 0 {
		return nil, nil
	}
	info := r.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	if err := r.pdf.Error(); err != nil {
		return nil, err
	}
	if info == nil || info.Width() <= 0 || info.Height() <= 0 {
		return nil, errors.New("image has no size")
	}
	return &pdfImage{name: name, aspect: info.Width() / info.Height()}, nil
}

// setMetadata fills the document information; the dates come from the model
// so the same plan renders to the same bytes.
func (r *renderer) setMetadata() {
	m := r.doc.Meta
	r.pdf.SetTitle(metaText(m.Title), false)
	r.pdf.SetAuthor(metaText(m.Author), false)
	r.pdf.SetSubject(metaText(m.Subject), false)
	r.pdf.SetKeywords(metaText(m.Keywords), false)
	r.pdf.SetCreator(metaText(m.Creator), false)
	if !m.Created.IsZero() {
		r.pdf.SetCreationDate(m.Created)
		r.pdf.SetModificationDate(m.Created)
	}
	r.pdf.SetLang(langTag(r.doc.Language))
	// fpdf adds /PageMode /UseOutlines itself once there are bookmarks.
	r.pdf.SetDisplayMode("default", "continuous")
}

// langTag keeps a BCP 47-looking tag: fpdf writes /Lang unescaped, so a
// stray parenthesis would corrupt the catalog.
func langTag(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 0 || len(s) > 35 {
		return ""
	}
	for _, c := range s {
		if !(c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return s
}

// drawDocument draws the cover and then every section in order.
func (r *renderer) drawDocument() {
	r.drawCover()
	for i := range r.doc.Sections {
		r.drawSection(&r.doc.Sections[i])
	}
}

// newPage starts a body page with its running header and footer.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.drawHeader()
	r.drawFooter()
	r.y = bodyTop
}

// atTop says whether nothing has been drawn in the body of this page yet.
func (r *renderer) atTop() bool { return r.y <= bodyTop+0.01 }

// ensure starts a new page unless h mm fit below the cursor. At the top of a
// page it never adds another: the caller must then split what it draws.
func (r *renderer) ensure(h float64) {
	if r.y+h > r.bottom && !r.atTop() {
		r.newPage()
	}
}

func (r *renderer) drawHeader() {
	x := r.left
	if r.logo != nil {
		w, h := fitBox(r.logo.aspect, headerLogoMW, headerH)
		r.pdf.ImageOptions(r.logo.name, x, headerTop+(headerH-h)/2, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		x += w + 4
	}
	r.setFont(font{styleRegular, sizeRunning, palette.Muted})
	text := r.fit(layout.SanitizeLine(r.doc.Header), r.left+r.width-x)
	r.cell(x, headerTop, r.left+r.width-x, headerH, text, "LM")
	r.rule(headerRuleY, palette.Rule, 0.25)
}

func (r *renderer) drawFooter() {
	y := r.pageH - footerText
	r.rule(r.pageH-footerRule, palette.Rule, 0.25)
	r.setFont(font{styleRegular, sizeRunning, palette.Muted})
	label := r.fit(r.pageLabel(), r.width/2)
	lw := r.textWidth(label)
	left := r.fit(layout.SanitizeLine(r.doc.Footer.Left), r.width-lw-6)
	r.cell(r.left, y, r.width-lw-6, 5, left, "LM")
	r.cell(r.left+r.width-lw, y, lw, 5, label, "RM")
}

// pageLabel fills "{page}" and "{pages}"; pages counts the cover too.
func (r *renderer) pageLabel() string {
	s := layout.SanitizeLine(r.doc.Footer.PageLabel)
	s = strings.ReplaceAll(s, "{page}", strconv.Itoa(r.pdf.PageNo()))
	return strings.ReplaceAll(s, "{pages}", strconv.Itoa(r.total))
}

// drawSection draws a section's title (with its bookmark) and blocks. The
// title moves to a new page unless it fits together with its first block.
func (r *renderer) drawSection(s *layout.Section) {
	r.section = s.ID
	if s.OnePage && !r.trial {
		r.tight = r.tightness(s)
		r.noteTight()
		defer func() { r.tight = 0 }()
	}
	f := font{styleBold, sizeH1, r.pal.Ink}
	title := r.lines(s.Title, f, r.width, 1.25)
	switch {
	case s.NewPage || s.OnePage || r.pdf.PageNo() <= 1:
		r.newPage()
	case !r.atTop():
		r.y += sectionGap
		// The title goes with the start of its first blocks, as drawBlock
		// will decide it.
		titleH := totalHeight(title) + 7
		r.ensure(max(keepNextMin+15, titleH+r.leadHeight(s.Blocks)))
		if !r.atTop() && !r.startFits(s.Blocks, r.bottom-r.y-titleH) {
			r.newPage()
		}
	}
	if len(title) > 0 {
		// Bookmark must follow setFont: fpdf encodes the title as UTF-16
		// only while a UTF-8 font is current.
		r.setFont(f)
		r.pdf.Bookmark(layout.SanitizeLine(s.Title), 0, r.y)
		r.what = PlacedTitle
		r.flow(title, nil)
		r.pdf.SetFillColor(r.pal.Brand.R, r.pal.Brand.G, r.pal.Brand.B)
		r.pdf.Rect(r.left, r.y+1.2, 18, 0.9, "F")
		r.y += r.gap(6)
	}
	for i := range s.Blocks {
		r.drawBlock(s.Blocks[i:])
	}
}

// Cover geometry in mm.
const (
	coverBand    = 7.0  // brand band down the left edge
	coverLogoTop = 20.0 // top of the logo boxes
	coverLogoW   = 60.0
	coverLogoH   = 24.0
	coverTitleY  = 88.0
	coverPrepY   = 70.0 // the advisor block starts at least this far above the bottom
	coverFoot    = 30.0 // text stops this far above the bottom; the confidential line lives below
)

// drawCover draws the first page: logos, title, company, facts, date, the
// advisor and the confidentiality note. It has no running header or footer.
// Every text is capped in lines so no input can push it off the page.
func (r *renderer) drawCover() {
	r.pdf.AddPage()
	c := r.doc.Cover
	b := r.pal.Brand
	r.pdf.SetFillColor(b.R, b.G, b.B)
	r.pdf.Rect(0, 0, coverBand, r.pageH, "F")
	nameY := coverLogoTop
	if r.logo != nil {
		w, h := fitBox(r.logo.aspect, coverLogoW, coverLogoH)
		r.pdf.ImageOptions(r.logo.name, r.left, coverLogoTop, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		nameY += h + 3
	}
	// The organisation's name under its logo (or in its place): the plan
	// says whose advice it is before anything else.
	r.setFont(font{styleBold, sizeBody, r.pal.Ink})
	r.cell(r.left, nameY, r.width*0.55, 6, r.fit(layout.SanitizeLine(r.doc.Brand.Organisation), r.width*0.55), "LM")
	if r.client != nil {
		w, h := fitBox(r.client.aspect, coverLogoW, coverLogoH)
		r.pdf.ImageOptions(r.client.name, r.left+r.width-w, coverLogoTop, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	r.y = coverTitleY
	limit := r.pageH - coverFoot
	r.coverText(c.Title, font{styleRegular, sizeTitle, r.pal.Ink}, 1.2, 4, limit)
	r.pdf.SetFillColor(b.R, b.G, b.B)
	r.pdf.Rect(r.left, r.y+3, 30, 1.2, "F")
	r.y += 10
	r.coverText(c.Company, font{styleBold, sizeCompany, palette.Text}, 1.25, 5, limit)
	r.y += 3
	for _, l := range c.Lines {
		r.coverText(l, font{styleRegular, sizeLead, palette.Muted}, 1.4, 2, limit)
	}
	r.y += 4
	r.coverText(c.Date, font{styleRegular, sizeLead, palette.Text}, 1.4, 2, limit)
	r.y = max(r.y+14, r.pageH-coverPrepY)
	r.coverText(c.Prepared, font{styleBold, sizeMuted, palette.Muted}, 1.4, 2, limit)
	for _, l := range c.Advisor {
		r.coverText(l, font{styleRegular, sizeBody, palette.Text}, 1.4, 2, limit)
	}
	r.y = r.pageH - coverFoot + 6
	r.coverText(c.Confidential, font{styleItalic, sizeSmall, palette.Muted}, 1.3, 3, r.pageH-8)
}

// coverText wraps s to at most maxLines and draws the lines that still fit
// above limit; lines beyond it are dropped rather than overflow the page.
func (r *renderer) coverText(s string, f font, factor float64, maxLines int, limit float64) {
	for _, l := range r.capLines(r.lines(s, f, r.width, factor), maxLines, r.width) {
		if r.y+l.h > limit {
			return
		}
		r.drawLine(l, r.left, r.y, r.width)
		r.y += l.h
	}
}
