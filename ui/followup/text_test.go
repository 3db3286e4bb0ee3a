package followup

import (
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

func TestWeekHeadersWriteTheSpanOfTheWeek(t *testing.T) {
	sv, en := locales.MustNew("sv"), locales.MustNew("en")
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	cases := []struct {
		loc   *locales.Localizer
		start string
		today string
		want  string
	}{
		{sv, "2026-11-30", "2026-11-28", "Vecka 49 · 30 nov.–6 dec. 2026"},
		{en, "2026-11-30", "2026-11-28", "Week 49 · 30 Nov – 6 Dec 2026"},
		{sv, "2026-11-30", "2026-12-06", "Vecka 49 · 30 nov.–6 dec. 2026 · den här veckan"},
		{sv, "2026-12-07", "2026-11-28", "Vecka 50 · 7–13 dec. 2026"},
		{en, "2026-12-07", "2026-11-28", "Week 50 · 7–13 Dec 2026"},
		{sv, "2026-12-28", "2026-11-28", "Vecka 53 · 28 dec. 2026–3 jan. 2027"},
		{en, "2026-12-28", "2027-01-01", "Week 53 · 28 Dec 2026 – 3 Jan 2027 · this week"},
	}
	for _, c := range cases {
		w := portfolio.Week{Key: portfolio.WeekKey(day(c.start)), Start: c.start}
		if got := weekText(c.loc, &w, day(c.today)); got != c.want {
			t.Errorf("%s %s today %s: %q, want %q", c.loc.Lang(), c.start, c.today, got, c.want)
		}
	}
}

func TestAnActionWithoutATitleIsNamedByItsRecommendation(t *testing.T) {
	sv := locales.MustNew("sv")
	rec := ref.MustLoad().Recommendations[0].ID
	f := portfolio.FollowUp{Kind: portfolio.KindAction, Source: rec, Overdue: true}
	want := sv.T(ref.RecommendationTitle(rec))
	if got := whatText(sv, &f); got != want || strings.HasPrefix(got, "rec.") {
		t.Errorf("action from %s: %q, want %q", rec, got, want)
	}
	f.Source = "custom"
	if got := whatText(sv, &f); got != "Åtgärd utan rubrik" {
		t.Errorf("custom action without a title: %q", got)
	}
	f.Title = "Boka mässa\ni  Hamburg "
	if got := whatText(sv, &f); got != "Boka mässa i Hamburg" {
		t.Errorf("a title over two lines: %q", got)
	}
	if got := lateText(sv, &f); got != "Åtgärd försenad" {
		t.Errorf("overdue action: %q", got)
	}
}

func TestTheSummaryCountsInTheLanguagesPluralForms(t *testing.T) {
	sv, en := locales.MustNew("sv"), locales.MustNew("en")
	cases := []struct {
		loc              *locales.Localizer
		reviews, actions int
		want             string
	}{
		{sv, 1, 0, "1 uppföljning försenad eller inom 30 dagar"},
		{sv, 0, 1, "1 försenad åtgärd"},
		{sv, 12, 5, "12 uppföljningar försenade eller inom 30 dagar och 5 försenade åtgärder"},
		{sv, 12000, 5000, "12\u00a0000 uppföljningar försenade eller inom 30 dagar och 5\u00a0000 försenade åtgärder"},
		{en, 1, 1, "1 follow-up overdue or due within 30 days and 1 overdue action"},
		{en, 12000, 0, "12,000 follow-ups overdue or due within 30 days"},
	}
	for _, c := range cases {
		res := result{lines: make([]line, 1), reviews: c.reviews, actions: c.actions}
		if got := summaryText(c.loc, &res, 3, 3, true, nil); got != c.want {
			t.Errorf("%s %d/%d: %q, want %q", c.loc.Lang(), c.reviews, c.actions, got, c.want)
		}
	}
	res := result{lines: make([]line, 1), reviews: 1}
	if got := summaryText(sv, &res, 10000, 60, false, nil); got != "Läser in företagen, 60 av 10\u00a0000 hittills. Listan fylls på medan de kommer." {
		t.Errorf("loading: %q", got)
	}
}
