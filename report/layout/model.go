package layout

import (
	"strings"
	"time"
)

// Paper sizes a plan can be printed on.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// Document is the whole plan as a layout model: what goes on the pages, in
// words of the report's language, without any PDF detail. report.Build makes one
// from domain values; render.Render draws it. Its JSON form is what the golden tests pin.
type Document struct {
	Language string `json:"language"`
	Paper    string `json:"paper"`
	Meta     Meta   `json:"meta"`
	Brand    Brand  `json:"brand"`
	Cover    Cover  `json:"cover"`
	// Header is the small text at the top of every page after the cover (the
	// organisation's name), drawn beside the brand logo when there is one.
	Header string `json:"header"`
	// Footer is drawn at the bottom of every page after the cover: Left (the
	// company and the date) and the page label.
	Footer Footer `json:"footer"`
	// Sections are drawn in order; each gets a bookmark in the PDF outline.
	Sections []Section `json:"sections"`
}

// Meta is the PDF's document information.
type Meta struct {
	Title    string    `json:"title"`
	Author   string    `json:"author"`
	Subject  string    `json:"subject"`
	Keywords string    `json:"keywords"`
	Creator  string    `json:"creator"`
	Created  time.Time `json:"created"`
}

// Brand is how the organisation shows in the plan.
type Brand struct {
	Organisation string `json:"organisation"`
	// Color is the organisation's colour as "#rrggbb"; headings, rules and
	// charts use it.
	Color string `json:"color"`
	// Logo is the organisation's logo as an 8-bit PNG, nil when none.
	Logo []byte `json:"-"`
	// HasLogo says whether Logo is set, so golden files show it.
	HasLogo bool `json:"has_logo"`
}

// Cover is the first page.
type Cover struct {
	Title   string `json:"title"`
	Company string `json:"company"`
	// Lines are short facts under the company name: org.nr, city.
	Lines []string `json:"lines,omitempty"`
	Date  string   `json:"date"`
	// Advisor lines: name, title, e-mail, phone, as set.
	Advisor []string `json:"advisor,omitempty"`
	// Prepared is the label before the advisor block ("Prepared by").
	Prepared     string `json:"prepared"`
	Confidential string `json:"confidential"`
	// ClientLogo is the company's own logo as an 8-bit PNG, nil when none.
	ClientLogo    []byte `json:"-"`
	HasClientLogo bool   `json:"has_client_logo"`
}

// Footer is the running footer. PageLabel holds the placeholders {page} and
// {pages}, e.g. "Sida {page} av {pages}".
type Footer struct {
	Left      string `json:"left"`
	PageLabel string `json:"page_label"`
}

// Section is one numbered part of the plan.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// NewPage starts the section on a fresh page.
	NewPage bool `json:"new_page,omitempty"`
	// OnePage keeps the section to one page (it starts a new one): the
	// renderer draws it closer rather than let its end spill over.
	OnePage bool    `json:"one_page,omitempty"`
	Blocks  []Block `json:"blocks"`
}

// Block kinds.
const (
	KindHeading   = "heading"   // Text, a subheading inside a section
	KindParagraph = "paragraph" // Text, wrapped; Style may be StyleMuted or StyleSource
	KindBullets   = "bullets"   // Items, one wrapped bullet each
	KindKeyValue  = "keyvalue"  // Pairs, a two-column table of labels and values
	KindTable     = "table"     // Table, breaking across pages with its header repeated
	KindRadar     = "radar"     // Radar, a spider chart with its legend
	KindCallout   = "callout"   // Text (bold first line) and Items, in a tinted box
	KindSignature = "signature" // Signatures, lines to sign on, side by side
)

// Paragraph styles.
const (
	StyleNormal = ""
	StyleMuted  = "muted"  // smaller and grey: notes, explanations
	StyleSource = "source" // small italic: where a fact comes from
	StyleLead   = "lead"   // slightly larger: the opening sentence of a section
)

// Block is one element of a section; Kind says which fields it uses.
type Block struct {
	Kind       string      `json:"kind"`
	Text       string      `json:"text,omitempty"`
	Style      string      `json:"style,omitempty"`
	Items      []string    `json:"items,omitempty"`
	Pairs      []Pair      `json:"pairs,omitempty"`
	Table      *Table      `json:"table,omitempty"`
	Radar      *Radar      `json:"radar,omitempty"`
	Signatures []Signature `json:"signatures,omitempty"`
	// KeepWithNext asks the renderer to start a new page rather than leave
	// this block (a heading) alone at the bottom of one.
	KeepWithNext bool `json:"keep_with_next,omitempty"`
}

// Pair is one row of a key–value table.
type Pair struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Column alignments.
const (
	AlignLeft   = ""
	AlignCenter = "center"
	AlignRight  = "right"
)

// Table is a data table. Widths of columns are relative weights; the
// renderer scales them to the text width.
type Table struct {
	Columns []Column `json:"columns"`
	Rows    [][]Cell `json:"rows"`
	// Empty is shown in place of the rows when there are none.
	Empty string `json:"empty,omitempty"`
	// Legend lines are drawn under the table in small type.
	Legend []string `json:"legend,omitempty"`
}

// Column is a table column's header and shape.
type Column struct {
	Title string  `json:"title"`
	Width float64 `json:"width"`
	Align string  `json:"align,omitempty"`
}

// Cell tones: the background a cell gets, by how large a gap it shows.
const (
	ToneNone     = ""
	ToneGood     = "good"     // met or ahead: light green
	ToneSmall    = "small"    // a small gap: light yellow
	ToneMedium   = "medium"   // a clear gap: light orange
	ToneLarge    = "large"    // a large gap: light red
	ToneRequired = "required" // the mode requires this competence: brand tint
	ToneUnknown  = "unknown"  // not rated: light grey
)

// Cell is one table cell. Sub is a second, smaller line under Text.
type Cell struct {
	Text string `json:"text"`
	Sub  string `json:"sub,omitempty"`
	Bold bool   `json:"bold,omitempty"`
	Tone string `json:"tone,omitempty"`
}

// Radar is a spider chart with one axis per POMI dimension; values run from
// 0 to Max and a nil value leaves that point out of its series.
type Radar struct {
	Axes   []string `json:"axes"`
	Max    float64  `json:"max"`
	Series []Series `json:"series"`
}

// Series styles of the radar chart.
const (
	SeriesCompany  = "company"  // filled with the brand colour
	SeriesTarget   = "target"   // dashed outline
	SeriesPrevious = "previous" // grey outline
)

// Series is one line of the radar chart.
type Series struct {
	Label  string     `json:"label"`
	Style  string     `json:"style"`
	Values []*float64 `json:"values"`
}

// Signature is one place to sign: a caption under a line, with a date line.
type Signature struct {
	Role string `json:"role"`
	Name string `json:"name,omitempty"`
	Date string `json:"date_label"`
	Sign string `json:"sign_label"`
}

// NormalizePaper gives the model's name of a paper size typed or saved in
// any case: "" is A4; ok is false for a size the plans do not know.
func NormalizePaper(p string) (paper string, ok bool) {
	switch strings.ToLower(strings.TrimSpace(p)) {
	case "", PaperA4:
		return PaperA4, true
	case PaperLetter:
		return PaperLetter, true
	}
	return "", false
}
