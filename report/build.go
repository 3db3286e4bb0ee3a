package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Localizer is what Build needs of the plan's language: messages, numbers
// and dates. *locales.Localizer is one.
type Localizer interface {
	app.Translator
	Lang() string
	DateLong(t time.Time) string
	DateShort(t time.Time) string
	Percent(v float64, decimals int) string
}

// Input is everything a plan is made from.
type Input struct {
	Company app.Company
	// Assessment is the visit the plan is for; Previous an earlier one to
	// compare with, nil when there is none.
	Assessment app.Assessment
	Previous   *app.Assessment
	Ref        *ref.Data
	// Texts are the organisation's own actors' and recommendations' texts in
	// the plan's language (app.CustomTexts), nil when there are none.
	Texts    map[string]string
	Branding app.Branding
	// ClientLogo is the company's logo as stored (PNG or JPEG), nil when none.
	ClientLogo []byte
	Paper      string
	// Created stamps the PDF's metadata; Version is the app's version.
	Created time.Time
	Version string
}

// MaxRecommendations caps the recommendations the plan prints; the app shows
// them all, the paper keeps the strongest.
const MaxRecommendations = 20

// FirstActions is how many actions the summary page lists.
const FirstActions = 5

// builder holds what every section needs while a plan is built.
type builder struct {
	in       *Input
	loc      Localizer
	tr       app.Translator
	analysis *app.Analysis
	words    *app.Explanation
	previous *app.Analysis
	// actions are the plan's actions in order; suggested is true when the
	// assessment had none and the engine's suggestions stand in.
	actions   []app.ExplainedAction
	suggested bool
	date      time.Time
}

// Build lays out the action plan for in in loc's language. Warnings say what
// was left out (a logo that could not be read); an error means no plan.
func Build(in *Input, loc Localizer) (*layout.Document, []Warning, error) {
	if in == nil || in.Ref == nil || loc == nil {
		return nil, nil, fmt.Errorf("build plan: missing input, reference data or language")
	}
	paper, err := normalizePaper(in.Paper)
	if err != nil {
		return nil, nil, err
	}
	b := newBuilder(in, loc)
	doc := &layout.Document{
		Language: loc.Lang(), Paper: paper, Meta: b.meta(),
		Header: layout.SanitizeLine(b.organisation()),
		Footer: layout.Footer{Left: b.footerLeft(), PageLabel: loc.T("report.page_label")},
	}
	var warnings []Warning
	doc.Brand, warnings = b.brand(warnings)
	doc.Cover, warnings = b.cover(warnings)
	doc.Sections = []layout.Section{
		b.summarySection(), b.profileSection(), b.modesSection(), b.benchmarkSection(),
		b.barriersSection(), b.recommendationsSection(), b.actionsSection(), b.actorsSection(),
		b.checklistSection(), b.methodSection(), b.signoffSection(),
	}
	if lost := layout.SanitizeDocument(doc); len(lost) > 0 {
		warnings = append(warnings, Warning{Code: WarnLeftOutCharacters,
			Err: fmt.Errorf("no glyph in the plan's typeface for %q", string(lost))})
	}
	return doc, warnings, nil
}

func newBuilder(in *Input, loc Localizer) *builder {
	tr := app.WithTexts(loc, in.Texts)
	an := app.Analyze(in.Ref, &in.Company, &in.Assessment)
	b := &builder{in: in, loc: loc, tr: tr, analysis: an,
		words: app.Explain(in.Ref, &in.Company, an, tr, loc.Lang()), date: in.Assessment.When()}
	if in.Previous != nil {
		b.previous = app.Analyze(in.Ref, &in.Company, in.Previous)
	}
	b.actions, b.suggested = planActions(in, an, tr)
	return b
}

func normalizePaper(p string) (string, error) {
	if paper, ok := layout.NormalizePaper(p); ok {
		return paper, nil
	}
	return "", fmt.Errorf("build plan: unknown paper size %q (a4 or letter)", p)
}

// t, tf and n look messages up in the plan's language with the
// organisation's own texts laid over.
func (b *builder) t(id string) string { return b.tr.T(id) }

func (b *builder) tf(id string, data map[string]any) string { return b.tr.Tf(id, data) }

func (b *builder) n(id string, count int, data map[string]any) string {
	return b.tr.N(id, count, data)
}

// num formats a number with no decimals.
func (b *builder) num(v float64) string { return b.loc.Number(v, 0) }

// dateText formats a YYYY-MM-DD date the long way, or returns it as it is
// when it does not parse.
func (b *builder) dateText(s string) string {
	if t, err := validate.ParseDate(s); err == nil {
		return b.loc.DateLong(t)
	}
	return s
}

// tableDate formats a YYYY-MM-DD date for a table column ("27 nov. 2026").
func (b *builder) tableDate(s string) string {
	if t, err := validate.ParseDate(s); err == nil {
		return b.loc.DateShort(t)
	}
	return s
}

func (b *builder) organisation() string {
	if o := strings.TrimSpace(b.in.Branding.Organisation); o != "" {
		return o
	}
	return b.t("app.title")
}

func (b *builder) companyName() string {
	if n := strings.TrimSpace(b.in.Company.Name); n != "" {
		return n
	}
	return b.t("report.unnamed_company")
}

// footerLeft is the company and the date, then the organisation's own
// footer text (a registration number, a slogan) when it has one.
func (b *builder) footerLeft() string {
	return layout.SanitizeLine(joinNonEmpty(" · ", b.companyName(), b.dateText(b.in.Assessment.Date), b.in.Branding.FooterText))
}

func (b *builder) meta() layout.Meta {
	title := b.t("report.title")
	author := b.organisation()
	if name := strings.TrimSpace(b.in.Branding.AdvisorName); name != "" {
		author = name + ", " + author
	}
	version := b.in.Version
	if version == "" {
		version = "dev"
	}
	return layout.Meta{
		Title: title + " – " + b.companyName(), Author: author,
		Subject:  b.tf("report.subject", map[string]any{"Company": b.companyName()}),
		Keywords: b.t("report.keywords"), Creator: "POMI Planner " + version, Created: b.in.Created,
	}
}

func (b *builder) brand(warnings []Warning) (layout.Brand, []Warning) {
	br := layout.Brand{Organisation: b.organisation(), Color: palette.NormalizeColor(b.in.Branding.PrimaryColor)}
	if len(b.in.Branding.Logo) > 0 {
		png, err := PrepareLogo(b.in.Branding.Logo)
		if err != nil {
			warnings = append(warnings, Warning{Code: WarnOrganisationLogo, Err: err})
		} else {
			br.Logo, br.HasLogo = png, true
		}
	}
	return br, warnings
}

func (b *builder) cover(warnings []Warning) (layout.Cover, []Warning) {
	c := b.in.Company
	cv := layout.Cover{
		Title: b.t("report.title"), Company: b.companyName(), Date: b.dateText(b.in.Assessment.Date),
		Prepared: b.t("report.cover.prepared"), Confidential: b.t("report.cover.confidential"),
	}
	if c.OrgNr != "" {
		cv.Lines = append(cv.Lines, b.t("report.fact.org_nr")+" "+c.OrgNr)
	}
	if place := joinNonEmpty(", ", c.Address.City, b.countyName()); place != "" {
		cv.Lines = append(cv.Lines, place)
	}
	br := b.in.Branding
	for _, line := range []string{b.advisorName(), br.AdvisorTitle, br.Organisation, br.AdvisorEmail, br.AdvisorPhone} {
		if strings.TrimSpace(line) != "" {
			cv.Advisor = append(cv.Advisor, strings.TrimSpace(line))
		}
	}
	if len(b.in.ClientLogo) > 0 {
		png, err := PrepareLogo(b.in.ClientLogo)
		if err != nil {
			warnings = append(warnings, Warning{Code: WarnClientLogo, Err: err})
		} else {
			cv.ClientLogo, cv.HasClientLogo = png, true
		}
	}
	return cv, warnings
}

// advisorName is the advisor in the settings, else the assessment's assessor.
func (b *builder) advisorName() string {
	if name := strings.TrimSpace(b.in.Branding.AdvisorName); name != "" {
		return name
	}
	return strings.TrimSpace(b.in.Assessment.Assessor)
}

func (b *builder) countyName() string {
	if b.in.Company.Address.County == "" {
		return ""
	}
	return b.t(ref.VocabName("county", b.in.Company.Address.County))
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// section starts a section whose title is the message report.section.<id>.
func (b *builder) section(id string, newPage bool, blocks ...layout.Block) layout.Section {
	return layout.Section{ID: id, Title: b.t("report.section." + id), NewPage: newPage, Blocks: blocks}
}

func paragraph(text string) layout.Block { return layout.Block{Kind: layout.KindParagraph, Text: text} }

func styled(style, text string) layout.Block {
	return layout.Block{Kind: layout.KindParagraph, Style: style, Text: text}
}

func heading(text string) layout.Block {
	return layout.Block{Kind: layout.KindHeading, Text: text, KeepWithNext: true}
}

// table makes a table block, leaving out every column that is empty in all
// its rows (a table without rows keeps its header).
func table(t *layout.Table) layout.Block {
	dropEmptyColumns(t)
	return layout.Block{Kind: layout.KindTable, Table: t}
}

func dropEmptyColumns(t *layout.Table) {
	if t == nil || len(t.Rows) == 0 {
		return
	}
	keep := make([]bool, len(t.Columns))
	for _, row := range t.Rows {
		for i, c := range row {
			if i < len(keep) && strings.TrimSpace(c.Text+c.Sub) != "" {
				keep[i] = true
			}
		}
	}
	cols := t.Columns[:0:0]
	for i, c := range t.Columns {
		if keep[i] {
			cols = append(cols, c)
		}
	}
	if len(cols) == len(t.Columns) {
		return
	}
	for r, row := range t.Rows {
		cells := make([]layout.Cell, 0, len(cols))
		for i, c := range row {
			if i < len(keep) && keep[i] {
				cells = append(cells, c)
			}
		}
		t.Rows[r] = cells
	}
	t.Columns = cols
}
