package companies

import (
	"strconv"
	"strings"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
	"github.com/pomi-planner/pomi/locales"
)

// column is one column of the portfolio table: what it sorts by, its
// heading, its width and what a row shows in it.
type column struct {
	sort  portfolio.Column
	title string
	width float32
	// dim is the dimension of a score column, "" for a text column.
	dim ref.Dimension
	// text is what a text column shows for a row; warn marks it in the
	// warning colour (with a word, never colour alone).
	text func(r *portfolio.Row) (text string, warn bool)
	// right aligns numbers to the right.
	right bool
}

// columns are the table's columns in the order shown; the name column
// stays in view when the table scrolls sideways.
func columns(loc *locales.Localizer) []column {
	w := words{loc}
	cols := []column{
		{sort: portfolio.ColName, title: loc.T("ui.companies.col.name"), width: 230, text: plain(func(r *portfolio.Row) string { return r.Name })},
		{sort: portfolio.ColPlace, title: loc.T("ui.companies.col.place"), width: 130, text: plain(w.place)},
		{sort: portfolio.ColIndustry, title: loc.T("ui.companies.col.industry"), width: 130, text: plain(func(r *portfolio.Row) string { return r.Industry })},
		{sort: portfolio.ColSize, title: loc.T("ui.companies.col.size"), width: 120, text: plain(func(r *portfolio.Row) string { return w.short("sizeclass", r.SizeClass, " (") })},
		{sort: portfolio.ColStage, title: loc.T("ui.companies.col.stage"), width: 130, text: plain(func(r *portfolio.Row) string { return w.short("stage", r.Stage, " – ") })},
		{sort: portfolio.ColLatest, title: loc.T("ui.companies.col.latest"), width: 110, text: plain(func(r *portfolio.Row) string { return w.date(r.LatestDate) })},
	}
	for _, dim := range ref.Dimensions {
		cols = append(cols, column{sort: scoreColumn[dim], title: string(dim), width: 84, dim: dim})
	}
	return append(cols,
		column{sort: portfolio.ColGap, title: loc.T("ui.companies.col.gap"), width: 120, text: plain(w.gap)},
		column{sort: portfolio.ColNextReview, title: loc.T("ui.companies.col.next_review"), width: 150, text: w.review},
		column{sort: portfolio.ColOpenActions, title: loc.T("ui.companies.col.open"), width: 115, right: true,
			text: plain(func(r *portfolio.Row) string { return w.count(r.OpenActions) })},
		column{sort: portfolio.ColOverdueActions, title: loc.T("ui.companies.col.overdue"), width: 90, right: true, text: w.overdue},
		column{sort: portfolio.ColCompleteness, title: loc.T("ui.companies.col.complete"), width: 90, right: true, text: plain(w.complete)},
	)
}

// scoreColumn is the sort column of each dimension's score.
var scoreColumn = map[ref.Dimension]portfolio.Column{
	ref.Personal: portfolio.ColScoreP, ref.Organizational: portfolio.ColScoreO,
	ref.Market: portfolio.ColScoreM, ref.Institutional: portfolio.ColScoreI,
}

func plain(f func(r *portfolio.Row) string) func(r *portfolio.Row) (string, bool) {
	return func(r *portfolio.Row) (string, bool) { return f(r), false }
}

// words turns a row's values into the table's words in the UI language.
type words struct{ loc *locales.Localizer }

// short is a vocabulary name up to cut: "Mikroföretag", not its definition.
func (w words) short(kind, id, cut string) string {
	if id == "" {
		return ""
	}
	name, _, _ := strings.Cut(w.loc.T(ref.VocabName(kind, id)), cut)
	return name
}

func (w words) place(r *portfolio.Row) string {
	if r.City != "" {
		return r.City
	}
	return w.short("county", r.County, " (")
}

func (w words) date(s string) string {
	t, err := validate.ParseDate(s)
	if err != nil {
		return ""
	}
	return w.loc.DateShort(t)
}

// gap is the largest gap's dimension and points: "M · 35".
func (w words) gap(r *portfolio.Row) string {
	if r.GapDimension == "" {
		return ""
	}
	return string(r.GapDimension) + " · " + strconv.Itoa(int(r.GapPoints+0.5))
}

// review is the next review's date, with "overdue" when it is past.
func (w words) review(r *portfolio.Row) (string, bool) {
	d := w.date(r.NextReview)
	if d == "" || !r.ReviewOverdue {
		return d, false
	}
	return w.loc.Tf("ui.companies.overdue_date", map[string]any{"Date": d}), true
}

func (w words) count(n int) string {
	if n == 0 {
		return "–"
	}
	return w.loc.Number(float64(n), 0)
}

func (w words) overdue(r *portfolio.Row) (string, bool) {
	return w.count(r.OverdueActions), r.OverdueActions > 0
}

func (w words) complete(r *portfolio.Row) string {
	if r.Latest == 0 {
		return ""
	}
	return w.loc.Percent(r.Completeness*100, 0)
}
