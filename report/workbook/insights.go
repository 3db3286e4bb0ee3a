package workbook

import (
	"fmt"
	"strings"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
)

// insightsSheet is the Insights sheet under construction: one figure per
// row, in the long form a pivot table reads (section, group, item, unit,
// value).
type insightsSheet struct {
	*builder
	s       sheet
	section string
}

// unit is the unit of a value in words: "companies", "points".
func (w *insightsSheet) unit(id string) string { return w.tr.T("workbook.measure." + id) }

// minGroup is the anonymisation's smallest group, for the messages that name it.
var minGroup = map[string]any{"Min": portfolio.MinGroup}

// insights is the Insights sheet: anonymised unless the workbook is named.
func (b *builder) insights() sheet {
	in := b.in.Insights
	if !b.in.Named && !in.Anonymised {
		in = portfolio.Anonymise(in)
	}
	w := &insightsSheet{builder: b, s: sheet{name: b.tr.T("workbook.sheet.insights"),
		headers: b.headers("section", "group", "item", "measure", "value")}}
	w.about(in)
	if in.Suppressed || in.Companies == 0 {
		return w.s
	}
	w.frequency(in)
	w.scores(in)
	w.gaps(in)
	w.ranked("workbook.insights.barriers", in.Barriers, ref.BarrierName)
	w.ranked("workbook.insights.recommendations", in.Recommendations, ref.RecommendationTitle)
	w.movements(in)
	return w.s
}

// start begins a section: its rows carry its title in the first column.
func (w *insightsSheet) start(id string) {
	w.section = w.tr.T(id)
}

// row adds a row of the current section.
func (w *insightsSheet) row(group, item, unit string, value any) {
	w.s.add(w.section, text(group), text(item), text(unit), value)
}

func (w *insightsSheet) about(in portfolio.Insights) {
	w.start("workbook.insights.about")
	note := w.tr.T("workbook.insights.named")
	if in.Anonymised {
		note = w.tr.Tf("workbook.insights.anonymised", minGroup)
	}
	w.row("", note, "", nil)
	switch {
	case in.Suppressed:
		w.row("", w.tr.Tf("workbook.insights.suppressed", minGroup), "", nil)
	case in.Companies == 0:
		w.row("", w.tr.T("workbook.insights.no_assessments"), "", nil)
	}
	w.start("workbook.insights.period")
	w.row("", w.tr.T("workbook.insights.from"), w.unit("date"), dateOf(in.Period.From))
	w.row("", w.tr.T("workbook.insights.to"), w.unit("date"), dateOf(in.Period.To))
	if in.Suppressed {
		return
	}
	w.start("workbook.insights.totals")
	w.row("", w.tr.T("workbook.insights.companies"), w.unit("companies"), in.Companies)
	w.row("", w.tr.T("workbook.insights.unassessed"), w.unit("companies"), in.Unassessed)
	w.row("", w.tr.T("workbook.insights.assessments"), w.unit("assessments"), in.Assessments)
}

func (w *insightsSheet) frequency(in portfolio.Insights) {
	w.start("workbook.insights.frequency")
	for _, r := range in.Frequency {
		times, count := fmt.Sprint(r.From), r.To
		switch {
		case r.To <= 0:
			times, count = fmt.Sprintf("%d+", r.From), r.From
		case r.To != r.From:
			times = fmt.Sprintf("%d–%d", r.From, r.To)
		}
		w.row("", w.tr.N("workbook.insights.times", count, map[string]any{"Times": times}), w.unit("companies"), r.Companies)
	}
}

func (w *insightsSheet) scores(in portfolio.Insights) {
	w.start("workbook.insights.scores")
	points := w.unit("points")
	for _, d := range in.Scores {
		group := string(d.Dimension) + " " + w.tr.T(ref.DimensionName(d.Dimension))
		if d.Suppressed {
			w.row(group, w.tr.Tf("workbook.insights.hidden", minGroup), "", nil)
			continue
		}
		w.row(group, w.tr.T("workbook.insights.count"), w.unit("companies"), d.Count)
		// Min and Max are nil in the anonymised view: each is one company's.
		for _, q := range []struct {
			id string
			v  *float64
		}{{"min", d.Min}, {"q1", &d.Q1}, {"median", &d.Median}, {"q3", &d.Q3}, {"max", d.Max}, {"mean", &d.Mean}} {
			if q.v != nil {
				w.row(group, w.tr.T("workbook.insights."+q.id), points, optional(q.v))
			}
		}
		for _, band := range d.Bands {
			w.row(group, w.tr.Tf("workbook.insights.band", map[string]any{"From": band.From, "To": band.To}),
				w.unit("companies"), band.Companies)
		}
	}
}

func (w *insightsSheet) gaps(in portfolio.Insights) {
	w.start("workbook.insights.gaps")
	for _, m := range in.CompetenceGaps {
		group := w.name(m.Mode, ref.ModeName)
		w.row(group, w.tr.T("workbook.insights.mode_companies"), w.unit("companies"), m.Companies)
		for _, g := range m.Gaps {
			w.row(group, w.name(g.ID, ref.CompetenceName), w.unit("companies"), g.Companies)
		}
	}
}

// ranked adds a ranked list: what, and how many companies.
func (w *insightsSheet) ranked(section string, list []portfolio.Count, msg func(string) string) {
	w.start(section)
	for _, c := range list {
		w.row("", w.name(c.ID, msg), w.unit("companies"), c.Companies)
	}
}

func (w *insightsSheet) movements(in portfolio.Insights) {
	w.start("workbook.insights.movements")
	for _, m := range in.Movements {
		group := string(m.Dimension) + " " + w.tr.T(ref.DimensionName(m.Dimension))
		if m.Suppressed {
			w.row(group, w.tr.Tf("workbook.insights.hidden", minGroup), "", nil)
			continue
		}
		w.row(group, w.tr.T("workbook.insights.movement_companies"), w.unit("companies"), m.Companies)
		for _, c := range m.Changes {
			var words []string
			for _, id := range portfolio.SplitChange(c.ID) {
				words = append(words, w.tr.T("workbook.insights.change."+id))
			}
			w.row(group, strings.Join(words, " + "), w.unit("companies"), c.Companies)
		}
		w.row(group, w.tr.T("workbook.insights.mean_change"), w.unit("points"), number(m.MeanChange, true))
	}
}

// name is the words for a reference id, "others" for the merged small groups.
func (w *insightsSheet) name(id string, msg func(string) string) string {
	if id == portfolio.OtherID {
		return w.tr.Tf("workbook.insights.other", minGroup)
	}
	return w.tr.T(msg(id))
}
