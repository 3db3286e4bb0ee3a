package followup

import (
	"strconv"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/validate"
	"github.com/pomi-planner/pomi/locales"
)

// weekText is a week's header: "Vecka 49 · 30 nov.–6 dec. 2026", with
// "den här veckan" added to today's week.
func weekText(loc *locales.Localizer, w *portfolio.Week, today time.Time) string {
	start, err := validate.ParseDate(w.Start)
	if err != nil {
		return w.Key
	}
	_, n := start.ISOWeek()
	id := "ui.followup.week"
	if portfolio.WeekKey(today) == w.Key {
		id = "ui.followup.week.current"
	}
	return loc.Tf(id, map[string]any{"Week": n, "Dates": weekDates(loc, start)})
}

// weekDates is the span of the week starting on monday: "7–13 dec. 2026",
// "30 nov.–6 dec. 2026" or "28 dec. 2026–3 jan. 2027".
func weekDates(loc *locales.Localizer, monday time.Time) string {
	sunday := monday.AddDate(0, 0, 6)
	month := func(t time.Time) string { return loc.T("month." + strconv.Itoa(int(t.Month())) + ".short") }
	switch {
	case monday.Year() != sunday.Year():
		return loc.Tf("ui.followup.dates.years", map[string]any{"From": loc.DateShort(monday), "To": loc.DateShort(sunday)})
	case monday.Month() != sunday.Month():
		return loc.Tf("ui.followup.dates.months", map[string]any{
			"From": monday.Day(), "FromMonth": month(monday), "To": sunday.Day(), "ToMonth": month(sunday), "Year": sunday.Year(),
		})
	}
	return loc.Tf("ui.followup.dates.days", map[string]any{
		"From": monday.Day(), "To": sunday.Day(), "Month": month(sunday), "Year": sunday.Year(),
	})
}

// dateText is a follow-up's date as the tables write it, "27 nov. 2026".
func dateText(loc *locales.Localizer, date string) string {
	t, err := validate.ParseDate(date)
	if err != nil {
		return date
	}
	return loc.DateShort(t)
}

// whatText says what is due: a follow-up assessment, or the action by its
// title, or by its recommendation's title when it has none of its own.
func whatText(loc *locales.Localizer, f *portfolio.FollowUp) string {
	if f.Kind == portfolio.KindReview {
		return loc.T("ui.followup.review")
	}
	if title := strings.Join(strings.Fields(f.Title), " "); title != "" {
		return title
	}
	if id := ref.RecommendationTitle(f.Source); f.Source != "" && loc.Has(id) {
		return loc.T(id)
	}
	return loc.T("ui.followup.action.untitled")
}

// lateText is the word an overdue follow-up carries beside its colour;
// empty for one not yet due.
func lateText(loc *locales.Localizer, f *portfolio.FollowUp) string {
	switch {
	case !f.Overdue:
		return ""
	case f.Kind == portfolio.KindReview:
		return loc.T("ui.followup.late.review")
	}
	return loc.T("ui.followup.late.action")
}

// summaryText is the line above the list: how many follow-ups there are,
// or that the companies are still being read, or could not be.
func summaryText(loc *locales.Localizer, res *result, total, read int, complete bool, err error) string {
	switch {
	case err != nil:
		return loc.T("ui.followup.error")
	case !complete && total == 0:
		return loc.T("ui.followup.loading.start")
	case !complete:
		return loc.Tf("ui.followup.loading", map[string]any{"Read": count(loc, read), "Total": count(loc, total)})
	case len(res.lines) == 0:
		return ""
	}
	days := map[string]any{"Days": portfolio.DueWindowDays}
	reviews := loc.N("ui.followup.summary.reviews", res.reviews, withCount(loc, days, res.reviews))
	actions := loc.N("ui.followup.summary.actions", res.actions, withCount(loc, nil, res.actions))
	switch {
	case res.actions == 0:
		return reviews
	case res.reviews == 0:
		return actions
	}
	return loc.Tf("ui.followup.summary.both", map[string]any{"Reviews": reviews, "Actions": actions})
}

// emptyText is what the list area says when there is no line to show;
// nothing when the companies could not be read, which the summary says.
func emptyText(loc *locales.Localizer, res *result, filtered, complete bool, err error) string {
	days := map[string]any{"Days": portfolio.DueWindowDays}
	switch {
	case err != nil:
		return ""
	case !complete:
		return loc.T("ui.followup.empty.loading")
	case filtered && res.companies == 0:
		return loc.T("ui.followup.empty.no_match")
	case filtered:
		return loc.Tf("ui.followup.empty.filtered", days)
	}
	return loc.Tf("ui.followup.empty", days)
}

// count writes n with the language's thousands separator, "10 000".
func count(loc *locales.Localizer, n int) string { return loc.Number(float64(n), 0) }

// withCount adds n, written as the language writes numbers, to data as the
// plural message's Count.
func withCount(loc *locales.Localizer, data map[string]any, n int) map[string]any {
	out := map[string]any{"Count": count(loc, n)}
	for k, v := range data {
		out[k] = v
	}
	return out
}
