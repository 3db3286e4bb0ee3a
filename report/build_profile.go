package report

import (
	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
)

// profileSection shows the four POMI dimensions as a radar chart and a table
// of scores, targets, gaps and, after a follow-up, the change.
func (b *builder) profileSection() layout.Section {
	blocks := []layout.Block{styled(layout.StyleLead, b.t("report.profile.lead"))}
	if b.analysis.AnyAssessed() {
		blocks = append(blocks, layout.Block{Kind: layout.KindRadar, Radar: b.radar()})
	}
	blocks = append(blocks, table(b.dimensionTable()))
	return b.section("profile", true, blocks...)
}

func (b *builder) radar() *layout.Radar {
	r := &layout.Radar{Max: 100}
	company := layout.Series{Label: b.tf("report.profile.series_now", map[string]any{"Date": b.tableDate(b.in.Assessment.Date)}), Style: layout.SeriesCompany}
	target := layout.Series{Label: b.t("report.profile.series_target"), Style: layout.SeriesTarget}
	for _, dim := range ref.Dimensions {
		s := b.analysis.Dimension(dim)
		r.Axes = append(r.Axes, b.t(ref.DimensionName(dim)))
		company.Values = append(company.Values, s.Score)
		t := s.Target
		target.Values = append(target.Values, &t)
	}
	r.Series = []layout.Series{target}
	if b.previous != nil {
		prev := layout.Series{Label: b.tf("report.profile.series_before", map[string]any{"Date": b.tableDate(b.in.Previous.Date)}), Style: layout.SeriesPrevious}
		for _, dim := range ref.Dimensions {
			prev.Values = append(prev.Values, b.previous.Dimension(dim).Score)
		}
		r.Series = append(r.Series, prev)
	}
	r.Series = append(r.Series, company)
	return r
}

func (b *builder) dimensionTable() *layout.Table {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.dimension"), Width: 4.6},
		{Title: b.t("report.col.score"), Width: 1.3, Align: layout.AlignRight},
		{Title: b.t("report.col.target"), Width: 1.3, Align: layout.AlignRight},
		{Title: b.t("report.col.gap"), Width: 1.3, Align: layout.AlignRight},
		{Title: b.t("report.col.rated"), Width: 1.5, Align: layout.AlignRight},
	}}
	if b.previous != nil {
		t.Columns = append(t.Columns, layout.Column{Title: b.tf("report.col.change_since", map[string]any{
			"Date": b.tableDate(b.in.Previous.Date)}), Width: 2, Align: layout.AlignRight})
	}
	for _, dim := range ref.Dimensions {
		s := b.analysis.Dimension(dim)
		row := []layout.Cell{{Text: b.t(ref.DimensionName(dim)), Bold: true}}
		if s.Assessed() {
			row = append(row, layout.Cell{Text: b.num(*s.Score)}, layout.Cell{Text: b.num(s.Target)},
				layout.Cell{Text: b.num(*s.Gap), Tone: scoreGapTone(*s.Gap)})
		} else {
			row = append(row, layout.Cell{Text: b.t("report.not_assessed"), Tone: layout.ToneUnknown}, layout.Cell{Text: b.num(s.Target)}, layout.Cell{Text: "–"})
		}
		row = append(row, layout.Cell{Text: b.tf("report.profile.rated", map[string]any{"Answered": s.Answered, "Total": s.Total})})
		if b.previous != nil {
			row = append(row, layout.Cell{Text: b.change(b.previous.Dimension(dim).Score, s.Score)})
		}
		t.Rows = append(t.Rows, row)
	}
	t.Legend = []string{b.t("report.profile.legend")}
	return t
}

// change writes a score change with its sign, "–" when either side is unknown.
func (b *builder) change(before, after *float64) string {
	if before == nil || after == nil {
		return "–"
	}
	d := *after - *before
	if d > 0 {
		return "+" + b.num(d)
	}
	return b.num(d)
}

// modesSection is Katwalo's table for the chosen modes: which competences
// each mode requires, the company's rating and the gap.
func (b *builder) modesSection() layout.Section {
	modes := b.in.Assessment.Modes
	if len(modes) == 0 {
		return b.section("modes", true, styled(layout.StyleLead, b.t("report.modes.none")))
	}
	blocks := []layout.Block{styled(layout.StyleLead, b.t("report.modes.lead")), table(b.modeMatrix())}
	basis := layout.Block{Kind: layout.KindKeyValue}
	for _, m := range modes {
		if b.isProjectMode(m.Mode) {
			basis.Pairs = append(basis.Pairs, layout.Pair{
				Key: b.t(ref.ModeName(m.Mode)) + " *", Value: b.t(ref.ModeBasis(m.Mode)),
			})
		}
	}
	if len(basis.Pairs) > 0 {
		blocks = append(blocks, basis)
	}
	return b.section("modes", true, blocks...)
}

func (b *builder) modeMatrix() *layout.Table {
	modes := b.in.Assessment.Modes
	t := &layout.Table{Columns: []layout.Column{{Title: b.t("report.col.competence"), Width: 4}}}
	for _, m := range modes {
		title := b.t(ref.ModeName(m.Mode))
		if b.isProjectMode(m.Mode) {
			title += " *"
		}
		t.Columns = append(t.Columns, layout.Column{Title: title, Width: 1.6, Align: layout.AlignCenter})
	}
	t.Columns = append(t.Columns,
		layout.Column{Title: b.t("report.col.rating"), Width: 1.5, Align: layout.AlignCenter},
		layout.Column{Title: b.t("report.col.gap"), Width: 1.1, Align: layout.AlignCenter})
	for _, g := range b.words.RequiredCompetences {
		row := []layout.Cell{{Text: g.Name, Sub: b.t(ref.DimensionName(g.Dimension))}}
		for _, m := range modes {
			row = append(row, b.requirementCell(m.Mode, g))
		}
		row = append(row, b.ratingCells(g.CompetenceGap)...)
		t.Rows = append(t.Rows, row)
	}
	// The legend explains the * only when a mode carries one.
	source := b.t("report.modes.legend_katwalo")
	for _, m := range modes {
		if b.isProjectMode(m.Mode) {
			source = b.t("report.modes.legend_source")
			break
		}
	}
	t.Legend = []string{
		b.tf("report.modes.legend_required", map[string]any{"Level": app.RequiredLevel}),
		b.t("report.modes.legend_colours"),
		source,
	}
	return t
}

// isProjectMode reports whether a mode's competences are POMI Planner's
// interpretation rather than Katwalo's table; the plan marks them with *.
func (b *builder) isProjectMode(id string) bool {
	mode := b.in.Ref.Mode(id)
	return mode != nil && mode.Source == ref.SourceProject
}

func (b *builder) requirementCell(mode string, g app.ExplainedCompetence) layout.Cell {
	for _, m := range g.Modes {
		if m == mode {
			return layout.Cell{Text: b.loc.Number(float64(g.Required), 0), Tone: layout.ToneRequired}
		}
	}
	return layout.Cell{}
}

func (b *builder) ratingCells(g app.CompetenceGap) []layout.Cell {
	if g.Rating == nil {
		return []layout.Cell{{Text: b.t("report.not_rated"), Tone: layout.ToneUnknown}, {Text: "–", Tone: layout.ToneUnknown}}
	}
	tone := competenceGapTone(*g.Gap)
	return []layout.Cell{
		{Text: b.tf("report.rating_of_five", map[string]any{"Rating": *g.Rating})},
		{Text: b.loc.Number(float64(*g.Gap), 0), Tone: tone, Bold: *g.Gap > 0},
	}
}

// competenceGapTone colours a competence gap in steps of the 1–5 scale.
func competenceGapTone(gap int) string {
	switch {
	case gap <= 0:
		return layout.ToneGood
	case gap == 1:
		return layout.ToneSmall
	case gap == 2:
		return layout.ToneMedium
	}
	return layout.ToneLarge
}
