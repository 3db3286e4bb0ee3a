package portfolioreport

import (
	"fmt"
	"strings"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
)

// minGroup is the anonymisation's smallest group, for the messages that name it.
var minGroup = map[string]any{"Min": portfolio.MinGroup}

func barrierName(id string) string { return ref.BarrierName(id) }

func recommendationTitle(id string) string { return ref.RecommendationTitle(id) }

// section starts a section whose title is portfolioreport.section.<id>.
func (b *builder) section(id string, blocks ...layout.Block) layout.Section {
	return layout.Section{ID: id, Title: b.t("portfolioreport.section." + id), Blocks: blocks}
}

func paragraph(style, text string) layout.Block {
	return layout.Block{Kind: layout.KindParagraph, Style: style, Text: text}
}

// intro is a paragraph that leads into the table after it: kept on its
// page, so a section's title and intro never end a page without it.
func intro(style, text string) layout.Block {
	p := paragraph(style, text)
	p.KeepWithNext = true
	return p
}

func heading(text string) layout.Block {
	return layout.Block{Kind: layout.KindHeading, Text: text, KeepWithNext: true}
}

func cell(s string) layout.Cell { return layout.Cell{Text: s} }

func count(n int) layout.Cell { return layout.Cell{Text: fmt.Sprint(n)} }

func (b *builder) col(id string, width float64, align string) layout.Column {
	return layout.Column{Title: b.t("portfolioreport.col." + id), Width: width, Align: align}
}

// filterText is the filter in words ("the whole portfolio" when none); the search words only in a named
// report, since they may be a company's name.
func (b *builder) filterText() string {
	f := b.in.Filter
	var parts []string
	add := func(label string, values []string, name func(string) string) {
		if len(values) == 0 {
			return
		}
		words := make([]string, len(values))
		for i, v := range values {
			words[i] = v
			if name != nil {
				words[i] = b.t(name(v))
			}
		}
		parts = append(parts, b.t("portfolioreport.filter."+label)+": "+strings.Join(words, ", "))
	}
	add("stage", f.Stages, func(v string) string { return ref.VocabName("stage", v) })
	add("industry", f.Industries, nil)
	add("size", f.SizeClasses, func(v string) string { return ref.VocabName("sizeclass", v) })
	add("county", f.Counties, func(v string) string { return ref.VocabName("county", v) })
	add("mode", f.Modes, ref.ModeName)
	add("advisor", f.Advisors, nil)
	parts = append(parts, b.flagWords(&f)...)
	if len(parts) == 0 {
		return b.t("portfolioreport.filter.none")
	}
	return strings.Join(parts, "; ")
}

func (b *builder) flagWords(f *portfolio.Filter) []string {
	var parts []string
	if f.DueForFollowUp {
		parts = append(parts, b.tf("portfolioreport.filter.due", map[string]any{"Days": portfolio.DueWindowDays}))
	}
	if f.HasOverdueActions {
		parts = append(parts, b.t("portfolioreport.filter.overdue"))
	}
	switch {
	case strings.TrimSpace(f.Search) == "":
	case b.in.Named:
		parts = append(parts, b.tf("portfolioreport.filter.search", map[string]any{"Search": strings.TrimSpace(f.Search)}))
	default:
		parts = append(parts, b.t("portfolioreport.filter.search_hidden"))
	}
	return parts
}

// aboutSection says what the report covers and how it is anonymised; when
// nothing can be shown it says why, in one paragraph.
func (b *builder) aboutSection() layout.Section {
	note := b.tf("portfolioreport.about.anonymised", minGroup)
	if b.in.Named {
		note = b.t("portfolioreport.about.named")
	}
	s := b.section(SectionAbout,
		layout.Block{Kind: layout.KindKeyValue, Pairs: []layout.Pair{
			{Key: b.t("portfolioreport.about.period"), Value: b.periodText()},
			{Key: b.t("portfolioreport.about.filter"), Value: b.filterText()},
		}},
		paragraph(layout.StyleNormal, note))
	switch {
	case b.ins.Suppressed:
		s.Blocks = append(s.Blocks, paragraph(layout.StyleLead, b.tf("portfolioreport.suppressed", minGroup)))
	case b.ins.Companies == 0:
		s.Blocks = append(s.Blocks, paragraph(layout.StyleLead, b.t("portfolioreport.no_assessments")))
	}
	return s
}

// figuresSection is how many companies and assessments, and how often the
// companies were assessed.
func (b *builder) figuresSection() layout.Section {
	in := b.ins
	pairs := []layout.Pair{
		{Key: b.t("portfolioreport.figures.companies"), Value: fmt.Sprint(in.Companies)},
		{Key: b.t("portfolioreport.figures.assessments"), Value: fmt.Sprint(in.Assessments)},
		{Key: b.t("portfolioreport.figures.unassessed"), Value: fmt.Sprint(in.Unassessed)},
	}
	t := &layout.Table{Columns: []layout.Column{b.col("times", 3, layout.AlignLeft), b.col("companies", 1, layout.AlignRight)}}
	for _, r := range in.Frequency {
		times, n := fmt.Sprint(r.From), r.To
		switch {
		case r.To <= 0:
			times, n = fmt.Sprintf("%d+", r.From), r.From
		case r.To != r.From:
			times = fmt.Sprintf("%d–%d", r.From, r.To)
		}
		t.Rows = append(t.Rows, []layout.Cell{cell(b.n("portfolioreport.figures.times", n, map[string]any{"Times": times})), count(r.Companies)})
	}
	return b.section(SectionFigures, layout.Block{Kind: layout.KindKeyValue, Pairs: pairs},
		heading(b.t("portfolioreport.figures.frequency")), layout.Block{Kind: layout.KindTable, Table: t})
}

func (b *builder) dimension(d ref.Dimension) string {
	return string(d) + " " + b.t(ref.DimensionName(d))
}

// scoresSection is each POMI score's distribution: quartiles, median and
// mean (minimum and maximum only when named), then the score bands.
func (b *builder) scoresSection() layout.Section {
	named := b.in.Named
	dim := 4.0
	if named {
		dim = 6.5 // two more columns: the names still keep to one line
	}
	cols := []layout.Column{b.col("dimension", dim, layout.AlignLeft), b.col("n", 1, layout.AlignRight)}
	if named {
		cols = append(cols, b.col("min", 1, layout.AlignRight))
	}
	cols = append(cols, b.col("q1", 1, layout.AlignRight), b.col("median", 1, layout.AlignRight), b.col("q3", 1, layout.AlignRight))
	if named {
		cols = append(cols, b.col("max", 1, layout.AlignRight))
	}
	cols = append(cols, b.col("mean", 1, layout.AlignRight))
	t := &layout.Table{Columns: cols}
	// Room for the dimension's name and the bands' line on one line each.
	bands := &layout.Table{Columns: []layout.Column{b.col("dimension", 3.6, layout.AlignLeft), b.col("bands", 4.4, layout.AlignLeft)}}
	for _, d := range b.ins.Scores {
		if d.Suppressed {
			row := []layout.Cell{cell(b.dimension(d.Dimension)), cell(b.tf("portfolioreport.hidden", minGroup))}
			t.Rows = append(t.Rows, append(row, make([]layout.Cell, len(cols)-2)...))
			continue
		}
		t.Rows = append(t.Rows, b.scoreRow(&d))
		bands.Rows = append(bands.Rows, []layout.Cell{cell(b.dimension(d.Dimension)), cell(b.bandText(d.Bands))})
	}
	t.Legend = []string{b.t("portfolioreport.scores.legend")}
	return b.section(SectionScores, layout.Block{Kind: layout.KindTable, Table: t},
		heading(b.t("portfolioreport.scores.bands")), layout.Block{Kind: layout.KindTable, Table: bands})
}

func (b *builder) scoreRow(d *portfolio.Distribution) []layout.Cell {
	num := func(v float64) layout.Cell { return cell(b.loc.Number(v, 0)) }
	row := []layout.Cell{cell(b.dimension(d.Dimension)), count(d.Count)}
	if b.in.Named {
		row = append(row, optional(num, d.Min))
	}
	row = append(row, num(d.Q1), layout.Cell{Text: b.loc.Number(d.Median, 0), Bold: true}, num(d.Q3))
	if b.in.Named {
		row = append(row, optional(num, d.Max))
	}
	return append(row, cell(b.loc.Number(d.Mean, 1)))
}

// bandText is a distribution's bands on one line: "0–19: 0 · 20–39: 1 …".
// A line that must wrap breaks after a dot, never inside a band (the
// message holds a no-break space) or before a dot.
func (b *builder) bandText(bands []portfolio.Range) string {
	parts := make([]string, len(bands))
	for i, band := range bands {
		parts[i] = b.tf("portfolioreport.band", map[string]any{"From": band.From, "To": band.To, "Count": band.Companies})
	}
	return strings.Join(parts, "\u00a0· ")
}

func optional(f func(float64) layout.Cell, v *float64) layout.Cell {
	if v == nil {
		return layout.Cell{}
	}
	return f(*v)
}

// name is the words for a reference id, "others" for the merged small groups.
func (b *builder) name(id string, msg func(string) string) string {
	if id == portfolio.OtherID {
		return b.tf("portfolioreport.other", minGroup)
	}
	return b.t(msg(id))
}

// gapsSection is the competence gaps most often found, per entry mode.
func (b *builder) gapsSection() layout.Section {
	s := b.section(SectionGaps, intro(layout.StyleMuted, b.t("portfolioreport.gaps.intro")))
	if len(b.ins.CompetenceGaps) == 0 {
		s.Blocks = append(s.Blocks, paragraph(layout.StyleNormal, b.t("portfolioreport.nothing")))
	}
	for _, m := range b.ins.CompetenceGaps {
		s.Blocks = append(s.Blocks, heading(b.n("portfolioreport.gaps.mode", m.Companies, map[string]any{"Mode": b.name(m.Mode, ref.ModeName)})))
		s.Blocks = append(s.Blocks, b.countTable("competence", m.Gaps, ref.CompetenceName))
	}
	return s
}

// countTable is a ranked list as a table: what, and how many companies.
func (b *builder) countTable(what string, list []portfolio.Count, msg func(string) string) layout.Block {
	t := &layout.Table{Columns: []layout.Column{b.col(what, 5, layout.AlignLeft), b.col("companies", 1, layout.AlignRight)},
		Empty: b.t("portfolioreport.nothing")}
	for _, c := range list {
		t.Rows = append(t.Rows, []layout.Cell{cell(b.name(c.ID, msg)), count(c.Companies)})
	}
	return layout.Block{Kind: layout.KindTable, Table: t}
}

// rankedSection is the barriers or the recommendations most often found.
func (b *builder) rankedSection(id string, list []portfolio.Count, msg func(string) string) layout.Section {
	what := map[string]string{SectionBarriers: "barrier", SectionRecommendations: "recommendation"}[id]
	return b.section(id, b.countTable(what, list, msg))
}

// movementsSection is how the gaps moved between the first and the latest
// assessment of the companies assessed twice or more.
func (b *builder) movementsSection() layout.Section {
	t := &layout.Table{Columns: []layout.Column{b.col("dimension", 4, layout.AlignLeft), b.col("companies", 1, layout.AlignRight),
		b.col("changes", 3.6, layout.AlignLeft), b.col("mean_change", 1.4, layout.AlignRight)}, Empty: b.t("portfolioreport.nothing")}
	for _, m := range b.ins.Movements {
		if m.Suppressed {
			t.Rows = append(t.Rows, []layout.Cell{cell(b.dimension(m.Dimension)), {}, cell(b.tf("portfolioreport.hidden", minGroup)), {}})
			continue
		}
		var parts []string
		for _, c := range m.Changes {
			var words []string
			for _, id := range portfolio.SplitChange(c.ID) {
				words = append(words, b.t("portfolioreport.change."+id))
			}
			parts = append(parts, fmt.Sprintf("%s\u00a0%d", strings.Join(words, " + "), c.Companies))
		}
		t.Rows = append(t.Rows, []layout.Cell{cell(b.dimension(m.Dimension)), count(m.Companies),
			cell(strings.Join(parts, "\u00a0· ")), cell(b.loc.Number(m.MeanChange, 1))})
	}
	t.Legend = []string{b.t("portfolioreport.movements.legend")}
	return b.section(SectionMovements, intro(layout.StyleMuted, b.t("portfolioreport.movements.intro")),
		layout.Block{Kind: layout.KindTable, Table: t})
}

// companiesSection lists the companies included, for a named report only.
func (b *builder) companiesSection() layout.Section {
	t := &layout.Table{Columns: []layout.Column{b.col("company", 4, layout.AlignLeft), b.col("org_nr", 2, layout.AlignLeft),
		b.col("city", 2, layout.AlignLeft)}, Empty: b.t("portfolioreport.nothing")}
	for _, c := range b.in.Companies {
		t.Rows = append(t.Rows, []layout.Cell{cell(c.Name), cell(c.OrgNr), cell(c.Address.City)})
	}
	return b.section(SectionCompanies, intro(layout.StyleNormal, b.n("portfolioreport.companies.intro", len(b.in.Companies), nil)),
		layout.Block{Kind: layout.KindTable, Table: t})
}
