package workbook

import (
	"math"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
)

// builder makes the sheets of one workbook.
type builder struct {
	in      *Input
	tr      app.Translator
	clients map[app.CompanyID]*portfolio.Client
}

func newBuilder(in *Input, tr app.Translator) *builder {
	b := &builder{in: in, tr: tr, clients: make(map[app.CompanyID]*portfolio.Client, len(in.Clients))}
	for i := range in.Clients {
		b.clients[in.Clients[i].ID] = &in.Clients[i]
	}
	return b
}

// headers are the column headers of the message ids workbook.col.<id>.
func (b *builder) headers(ids ...string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = b.tr.T("workbook.col." + id)
	}
	return out
}

// dimHeaders are the headers of one column per POMI dimension: id is
// "score", "target" or "dim_gap".
func (b *builder) dimHeaders(id string, dim ref.Dimension) string {
	return b.tr.Tf("workbook.col."+id, map[string]any{"Dim": string(dim)})
}

// companies is the portfolio table, one row per company.
func (b *builder) companies() sheet {
	s := sheet{name: b.tr.T("workbook.sheet.companies"),
		headers: b.headers("company_id", "name", "org_nr", "city", "county", "industry", "size", "stage", "assessments", "latest")}
	for _, dim := range ref.Dimensions {
		s.headers = append(s.headers, b.dimHeaders("score", dim))
	}
	s.headers = append(s.headers, b.headers("gap", "gap_points", "next_review", "open_actions", "overdue_actions", "completeness")...)
	for i := range b.in.Rows {
		r := &b.in.Rows[i]
		cells := []any{int(r.ID), text(r.Name), text(r.OrgNr), text(r.City), text(r.County), text(r.Industry),
			b.vocab("sizeclass", r.SizeClass), b.vocab("stage", r.Stage), r.Assessments, date(r.LatestDate)}
		for _, dim := range ref.Dimensions {
			cells = append(cells, number(r.Score(dim)))
		}
		var complete any
		if r.Latest != 0 {
			complete = share(r.Completeness)
		}
		s.add(append(cells, text(string(r.GapDimension)), number(r.GapPoints, r.GapDimension != ""), date(r.NextReview),
			r.OpenActions, r.OverdueActions, complete)...)
	}
	return s
}

// assessments lists every assessment of the companies in the period, by
// company in the table's order, oldest first.
func (b *builder) assessments() sheet {
	s := sheet{name: b.tr.T("workbook.sheet.assessments"), headers: b.headers("company_id", "name", "date")}
	for _, dim := range ref.Dimensions {
		s.headers = append(s.headers, b.dimHeaders("score", dim), b.dimHeaders("target", dim), b.dimHeaders("dim_gap", dim))
	}
	s.headers = append(s.headers, b.headers("gap", "gap_points", "next_review", "completeness")...)
	for i := range b.in.Rows {
		c := b.clients[b.in.Rows[i].ID]
		if c == nil {
			continue
		}
		for j := range c.Assessments {
			if a := &c.Assessments[j]; inPeriod(a.Date, b.in.Period) {
				s.add(b.assessmentRow(c, a)...)
			}
		}
	}
	return s
}

func (b *builder) assessmentRow(c *portfolio.Client, a *app.StoredAssessment) []any {
	cells := []any{int(c.ID), text(c.Company.Name), date(a.Date)}
	scores := app.ScoreDimensions(b.in.Data, &a.Assessment)
	for _, dim := range ref.Dimensions {
		var score, target, gap any
		for _, sc := range scores {
			if sc.Dimension == dim {
				score, target, gap = optional(sc.Score), number(sc.Target, true), optional(sc.Gap)
			}
		}
		cells = append(cells, score, target, gap)
	}
	var gapDim, gapPoints, review any
	if g, ok := (&app.Analysis{Dimensions: scores}).LargestGap(); ok {
		gapDim, gapPoints = string(g.Dimension), optional(g.Gap)
	}
	if t, ok := a.ReviewDate(); ok {
		review = t
	}
	return append(cells, gapDim, gapPoints, review, share(app.Completeness(b.in.Data, &c.Company, &a.Assessment)))
}

// actions lists the plan of each company's latest assessment in the
// period: a follow-up carries the unfinished actions of the one before
// over, so older plans would repeat them.
func (b *builder) actions() sheet {
	s := sheet{name: b.tr.T("workbook.sheet.actions"),
		headers: b.headers("company_id", "name", "date", "action", "owner", "due", "status", "priority")}
	for i := range b.in.Rows {
		c := b.clients[b.in.Rows[i].ID]
		if c == nil {
			continue
		}
		a := latestInPeriod(c.Assessments, b.in.Period)
		if a == nil {
			continue
		}
		for k := range a.Actions {
			act := &a.Actions[k]
			title := act.Title
			if title == "" {
				title = b.tr.T(ref.RecommendationTitle(act.Source))
			}
			s.add(int(c.ID), text(c.Company.Name), date(a.Date), text(title), text(act.Owner), date(act.Due),
				b.word("status", act.Status), b.word("priority", act.Priority))
		}
	}
	return s
}

// latestInPeriod is the assessment dated last in the period (the later one
// in the list on a tie), nil when none is.
func latestInPeriod(as []app.StoredAssessment, p portfolio.Period) *app.StoredAssessment {
	var best *app.StoredAssessment
	for i := range as {
		if inPeriod(as[i].Date, p) && (best == nil || as[i].Date >= best.Date) {
			best = &as[i]
		}
	}
	return best
}

// inPeriod reports whether a yyyy-mm-dd date lies in p, both ends
// included; an undated assessment lies only in the open period.
func inPeriod(day string, p portfolio.Period) bool {
	t, err := validate.ParseDate(day)
	if err != nil {
		return p.From.IsZero() && p.To.IsZero()
	}
	return (p.From.IsZero() || !t.Before(p.From)) && (p.To.IsZero() || !t.After(p.To))
}

// vocab is the short name of a vocabulary code: the words before " – " or
// " (" of its name ("Trial – we are doing…" → "Trial"); nil for none.
func (b *builder) vocab(kind, id string) any {
	if id == "" {
		return nil
	}
	name := b.tr.T(ref.VocabName(kind, id))
	for _, sep := range []string{" – ", " ("} {
		name, _, _ = strings.Cut(name, sep)
	}
	return name
}

// word is an action's status or priority in words, nil for none.
func (b *builder) word(kind, id string) any {
	if id == "" {
		return nil
	}
	return b.tr.T("workbook." + kind + "." + id)
}

// text is s, or nil (an empty cell) for "".
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// date is a yyyy-mm-dd date as a date cell, nil when it is none.
func date(s string) any {
	t, err := validate.ParseDate(s)
	if err != nil {
		return nil
	}
	return t
}

// dateOf is t as a date cell, nil when zero.
func dateOf(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// number is v rounded to one decimal, as the portfolio's CSV writes it;
// nil when there is none.
func number(v float64, ok bool) any {
	if !ok || math.IsNaN(v) {
		return nil
	}
	return math.Round(v*10) / 10
}

// share is a share 0–1 as a percentage cell, to a tenth of a per cent.
func share(v float64) percent { return percent(math.Round(v*1000) / 1000) }

// optional is number for a value that may be missing.
func optional(v *float64) any {
	if v == nil {
		return nil
	}
	return number(*v, true)
}
