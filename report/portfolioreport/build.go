// Package portfolioreport lays out the advisor's portfolio report: what the
// companies of a filtered part of the portfolio have in common over a period
// (portfolio.Insights), in the organisation's branding, as a
// layout.Document that render.Render draws and report.WriteFile saves.
//
// The report is anonymised unless Input.Named: Build then applies
// portfolio.Anonymise itself, so no company is named and no figure rests on
// fewer than portfolio.MinGroup companies, and the filter's search words
// (which may be a company's name) are left out. A named report adds the
// list of the companies included.
package portfolioreport

import (
	"fmt"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/report"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

// Input is what a portfolio report is made from.
type Input struct {
	// Insights are portfolio.ComputeInsights's figures for Filter and the
	// period, not anonymised: Build anonymises them unless Named.
	Insights portfolio.Insights
	Filter   portfolio.Filter
	// Named asks for the figures as they are and the list of Companies;
	// without it the report is anonymised and Companies are ignored.
	Named bool
	// Companies are the companies included (those that pass the filter and
	// have an assessment in the period), in the order to list them.
	Companies []app.Company
	Branding  app.Branding
	// Texts are the organisation's own recommendations' texts in the
	// report's language (app.CustomTexts), nil when there are none.
	Texts map[string]string
	// Paper is "a4" or "letter"; empty is a4.
	Paper string
	// Created stamps the PDF and the cover; Version is the app's version.
	Created time.Time
	Version string
}

// Section ids, in the order the report has them.
const (
	SectionAbout           = "about"
	SectionFigures         = "figures"
	SectionScores          = "scores"
	SectionGaps            = "gaps"
	SectionBarriers        = "barriers"
	SectionRecommendations = "recommendations"
	SectionMovements       = "movements"
	SectionCompanies       = "companies"
)

// builder holds what every section needs while the report is built.
type builder struct {
	in  *Input
	loc report.Localizer
	tr  app.Translator
	// ins are the figures shown: anonymised unless the report is named.
	ins portfolio.Insights
}

// Build lays out the portfolio report of in in loc's language. An
// anonymised view that hides everything (fewer than portfolio.MinGroup
// companies) gives a report that says so rather than an error; an error
// means a missing input, an unknown paper size or a logo that cannot be read.
func Build(in *Input, loc report.Localizer) (*layout.Document, error) {
	if in == nil || loc == nil {
		return nil, fmt.Errorf("build portfolio report: missing input or language")
	}
	paper, err := paperSize(in.Paper)
	if err != nil {
		return nil, err
	}
	b := &builder{in: in, loc: loc, tr: app.WithTexts(loc, in.Texts), ins: in.Insights}
	if !in.Named && !b.ins.Anonymised {
		b.ins = portfolio.Anonymise(b.ins)
	}
	doc := &layout.Document{
		Language: loc.Lang(), Paper: paper, Meta: b.meta(),
		Header: layout.SanitizeLine(b.organisation()),
		Footer: layout.Footer{Left: b.footerLeft(), PageLabel: loc.T("report.page_label")},
		Cover:  b.cover(),
	}
	if doc.Brand, err = b.brand(); err != nil {
		return nil, err
	}
	doc.Sections = b.sections()
	layout.SanitizeDocument(doc)
	return doc, nil
}

// sections are the report's sections: only the first when nothing can be shown.
func (b *builder) sections() []layout.Section {
	about := b.aboutSection()
	if b.ins.Suppressed || b.ins.Companies == 0 {
		return []layout.Section{about}
	}
	out := []layout.Section{about, b.figuresSection(), b.scoresSection(), b.gapsSection(),
		b.rankedSection(SectionBarriers, b.ins.Barriers, barrierName),
		b.rankedSection(SectionRecommendations, b.ins.Recommendations, recommendationTitle),
		b.movementsSection()}
	if b.in.Named {
		out = append(out, b.companiesSection())
	}
	return out
}

func paperSize(p string) (string, error) {
	if paper, ok := layout.NormalizePaper(p); ok {
		return paper, nil
	}
	return "", fmt.Errorf("build portfolio report: unknown paper size %q (a4 or letter)", p)
}

func (b *builder) t(id string) string { return b.tr.T(id) }

func (b *builder) tf(id string, data map[string]any) string { return b.tr.Tf(id, data) }

func (b *builder) n(id string, count int, data map[string]any) string {
	return b.tr.N(id, count, data)
}

func (b *builder) organisation() string {
	if o := strings.TrimSpace(b.in.Branding.Organisation); o != "" {
		return o
	}
	return b.t("app.title")
}

// periodText is the period in words: "1 jan. 2026 – 31 dec. 2026", an open
// end as "no limit".
func (b *builder) periodText() string {
	p := b.ins.Period
	from, to := b.t("portfolioreport.period.open"), b.t("portfolioreport.period.open")
	if !p.From.IsZero() {
		from = b.loc.DateShort(p.From)
	}
	if !p.To.IsZero() {
		to = b.loc.DateShort(p.To)
	}
	if p.From.IsZero() && p.To.IsZero() {
		return b.t("portfolioreport.period.all")
	}
	return from + " – " + to
}

func (b *builder) footerLeft() string {
	return layout.SanitizeLine(joinNonEmpty(" · ", b.t("portfolioreport.title"), b.periodText(), b.in.Branding.FooterText))
}

func (b *builder) meta() layout.Meta {
	author := b.organisation()
	if name := strings.TrimSpace(b.in.Branding.AdvisorName); name != "" {
		author = name + ", " + author
	}
	version := b.in.Version
	if version == "" {
		version = "dev"
	}
	return layout.Meta{
		Title: b.t("portfolioreport.title") + " – " + b.organisation(), Author: author,
		Subject:  b.tf("portfolioreport.subject", map[string]any{"Period": b.periodText()}),
		Keywords: b.t("portfolioreport.keywords"), Creator: "POMI Planner " + version, Created: b.in.Created,
	}
}

func (b *builder) brand() (layout.Brand, error) {
	br := layout.Brand{Organisation: b.organisation(), Color: palette.NormalizeColor(b.in.Branding.PrimaryColor)}
	if len(b.in.Branding.Logo) > 0 {
		png, err := report.PrepareLogo(b.in.Branding.Logo)
		if err != nil {
			return br, fmt.Errorf("build portfolio report: organisation logo: %w", err)
		}
		br.Logo, br.HasLogo = png, true
	}
	return br, nil
}

// cover is the first page: the title, the organisation, the period and the
// filter, the date, and who prepared it.
func (b *builder) cover() layout.Cover {
	cv := layout.Cover{
		Title: b.t("portfolioreport.title"), Company: b.organisation(),
		Lines: []string{b.tf("portfolioreport.cover.period", map[string]any{"Period": b.periodText()}),
			b.tf("portfolioreport.filter", map[string]any{"Filter": b.filterText()})},
		Confidential: b.tf("portfolioreport.cover.anonymised_note", minGroup),
	}
	if b.in.Named {
		cv.Confidential = b.t("portfolioreport.cover.named_note")
	}
	if !b.in.Created.IsZero() {
		cv.Date = b.loc.DateLong(b.in.Created)
	}
	br := b.in.Branding
	for _, line := range []string{br.AdvisorName, br.AdvisorTitle, br.Organisation, br.AdvisorEmail, br.AdvisorPhone} {
		if strings.TrimSpace(line) != "" {
			cv.Advisor = append(cv.Advisor, strings.TrimSpace(line))
		}
	}
	if len(cv.Advisor) > 0 {
		cv.Prepared = b.t("report.cover.prepared")
	}
	return cv
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
