package main

import (
	"fmt"
	"strings"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
)

// filtered is the clients whose row passes the filter, in their order.
func (v *portfolioView) filtered() []portfolio.Client {
	var out []portfolio.Client
	for i := range v.clients {
		row := portfolio.MakeRow(v.d, &v.clients[i], v.req.today)
		if v.req.filter.Match(&row) {
			out = append(out, v.clients[i])
		}
	}
	return out
}

// followUps prints the reviews due and the overdue actions of the filtered
// companies, by week.
func (v *portfolioView) followUps() error {
	weeks := portfolio.FollowUps(v.filtered(), v.req.today)
	if v.req.asJSON {
		return writeJSON(v.out, map[string]any{"today": v.req.today.Format(validate.DateLayout), "weeks": weeks})
	}
	w := &textWriter{out: v.out}
	if len(weeks) == 0 {
		w.line(v.l.T("cli.portfolio.no_follow_ups"))
		return w.err
	}
	for i, week := range weeks {
		if i > 0 {
			w.line("")
		}
		w.line(v.l.Tf("cli.portfolio.week", map[string]any{"Week": week.Key, "Start": dateText(week.Start, v.l)}))
		var cells [][]string
		for _, f := range week.Items {
			cells = append(cells, v.followUpCells(f))
		}
		for _, line := range align(cells, []bool{false, false, true, false, false}) {
			w.line("  " + line)
		}
	}
	return w.err
}

func (v *portfolioView) followUpCells(f portfolio.FollowUp) []string {
	what := v.l.T("cli.portfolio.follow_up.review")
	if f.Kind == portfolio.KindAction {
		title := f.Title
		if title == "" {
			title = v.tr.T(ref.RecommendationTitle(f.Source))
		}
		what = v.l.Tf("cli.portfolio.follow_up.action", map[string]any{"Title": clip(title, 60)})
	}
	late := ""
	if f.Overdue {
		late = v.l.T("cli.portfolio.follow_up.overdue")
	}
	return []string{f.Date, f.CompanyName, fmt.Sprintf("(%d)", f.Company), what, late}
}

// insights prints what the filtered companies have in common over the
// period: anonymised unless --named, which also lists the companies.
func (v *portfolioView) insights() error {
	in := portfolio.ComputeInsights(v.d, v.clients, v.req.filter, v.req.period, v.req.today)
	if !v.req.named {
		in = portfolio.Anonymise(in)
	}
	var names []string
	if v.req.named {
		names = v.namesInPeriod()
	}
	if v.req.asJSON {
		doc := map[string]any{"insights": in}
		if v.req.named {
			doc["companies"] = names
		}
		return writeJSON(v.out, doc)
	}
	w := &textWriter{out: v.out}
	v.insightsHead(w, in)
	if in.Suppressed || in.Companies == 0 {
		return w.err
	}
	v.frequency(w, in)
	v.scores(w, in)
	v.gaps(w, in)
	v.counts(w, v.l.T("cli.portfolio.barriers"), in.Barriers, ref.BarrierName)
	v.counts(w, v.l.T("cli.recommendations"), in.Recommendations, ref.RecommendationTitle)
	v.movements(w, in)
	if v.req.named {
		w.section(v.l.T("cli.portfolio.named"))
		for _, n := range names {
			w.line("  " + n)
		}
	}
	return w.err
}

// namesInPeriod names the filtered companies with an assessment in the
// period, for the named insights.
func (v *portfolioView) namesInPeriod() []string {
	names := []string{}
	for _, c := range v.companiesInPeriod() {
		names = append(names, c.Name)
	}
	return names
}

func (v *portfolioView) insightsHead(w *textWriter, in portfolio.Insights) {
	l := v.l
	w.heading(l.T("cli.portfolio.insights"))
	from, to := l.T("cli.portfolio.period.open"), l.T("cli.portfolio.period.open")
	if !in.Period.From.IsZero() {
		from = l.DateShort(in.Period.From)
	}
	if !in.Period.To.IsZero() {
		to = l.DateShort(in.Period.To)
	}
	w.line(l.Tf("cli.portfolio.period", map[string]any{"From": from, "To": to}))
	if in.Anonymised {
		w.line(l.Tf("cli.portfolio.anonymised", map[string]any{"Min": portfolio.MinGroup}))
	}
	switch {
	case in.Suppressed:
		w.line(l.Tf("cli.portfolio.suppressed", map[string]any{"Min": portfolio.MinGroup}))
	case in.Companies == 0:
		w.line(l.T("cli.portfolio.no_assessments"))
	default:
		w.line(l.Tf("cli.portfolio.totals", map[string]any{
			"Companies": in.Companies, "Assessments": in.Assessments, "Unassessed": in.Unassessed}))
	}
}

func (v *portfolioView) frequency(w *textWriter, in portfolio.Insights) {
	w.section(v.l.T("cli.portfolio.frequency"))
	for _, r := range in.Frequency {
		times := fmt.Sprint(r.From)
		if r.To != r.From {
			times = fmt.Sprintf("%d–%d", r.From, r.To)
			if r.To <= 0 {
				times = fmt.Sprintf("%d+", r.From)
			}
		}
		w.line("  " + v.l.N("cli.portfolio.frequency_line", r.Companies, map[string]any{"Times": times}))
	}
}

func (v *portfolioView) scores(w *textWriter, in portfolio.Insights) {
	l := v.l
	w.section(l.T("cli.portfolio.scores"))
	for _, d := range in.Scores {
		w.line(fmt.Sprintf("  %s  %s", d.Dimension, l.T(ref.DimensionName(d.Dimension))))
		if d.Suppressed {
			w.line("     " + l.Tf("cli.portfolio.group_hidden", map[string]any{"Min": portfolio.MinGroup}))
			continue
		}
		line := l.Tf("cli.portfolio.distribution", map[string]any{"Count": d.Count, "Median": l.Number(d.Median, 0),
			"Q1": l.Number(d.Q1, 0), "Q3": l.Number(d.Q3, 0), "Mean": l.Number(d.Mean, 1)})
		if d.Min != nil && d.Max != nil {
			line += ", " + l.Tf("cli.portfolio.min_max", map[string]any{"Min": l.Number(*d.Min, 0), "Max": l.Number(*d.Max, 0)})
		}
		w.line("     " + line)
		var bands []string
		for _, b := range d.Bands {
			bands = append(bands, fmt.Sprintf("%d–%d: %d", b.From, b.To, b.Companies))
		}
		w.line("     " + strings.Join(bands, "   "))
	}
}

func (v *portfolioView) gaps(w *textWriter, in portfolio.Insights) {
	l := v.l
	w.section(l.T("cli.portfolio.gaps"))
	if len(in.CompetenceGaps) == 0 {
		w.line("  " + l.T("cli.portfolio.nothing"))
	}
	for _, m := range in.CompetenceGaps {
		name := v.name(m.Mode, ref.ModeName)
		w.line("  " + l.N("cli.portfolio.mode_line", m.Companies, map[string]any{"Mode": name}))
		for _, c := range m.Gaps {
			w.line(fmt.Sprintf("     %3d  %s", c.Companies, v.name(c.ID, ref.CompetenceName)))
		}
	}
}

// counts prints a ranked list: how many companies, and what.
func (v *portfolioView) counts(w *textWriter, title string, list []portfolio.Count, msg func(string) string) {
	w.section(title)
	if len(list) == 0 {
		w.line("  " + v.l.T("cli.portfolio.nothing"))
	}
	for _, c := range list {
		w.line(fmt.Sprintf("  %3d  %s", c.Companies, v.name(c.ID, msg)))
	}
}

func (v *portfolioView) movements(w *textWriter, in portfolio.Insights) {
	l := v.l
	w.section(l.T("cli.portfolio.movements"))
	if len(in.Movements) == 0 {
		w.line("  " + l.T("cli.portfolio.nothing"))
	}
	for _, m := range in.Movements {
		if m.Suppressed {
			w.line(fmt.Sprintf("  %s  %s", m.Dimension, l.Tf("cli.portfolio.group_hidden", map[string]any{"Min": portfolio.MinGroup})))
			continue
		}
		var parts []string
		for _, c := range m.Changes {
			parts = append(parts, l.Tf("cli.portfolio.change."+c.ID, map[string]any{"Count": c.Companies}))
		}
		w.line(fmt.Sprintf("  %s  %s; %s", m.Dimension, l.N("cli.portfolio.companies", m.Companies, nil), strings.Join(parts, ", ")) +
			"; " + l.Tf("cli.portfolio.mean_change", map[string]any{"Points": l.Number(m.MeanChange, 1)}))
	}
}

// name is the words for a reference id, "other" for the merged small groups.
func (v *portfolioView) name(id string, msg func(string) string) string {
	if id == portfolio.OtherID {
		return v.l.Tf("cli.portfolio.other", map[string]any{"Min": portfolio.MinGroup})
	}
	return v.tr.T(msg(id))
}
