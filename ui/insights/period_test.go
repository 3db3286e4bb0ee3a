package insights

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/internal/uitest"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPresetPeriodsFollowTheCalendar(t *testing.T) {
	today := time.Date(2026, 3, 1, 15, 4, 0, 0, time.UTC)
	for id, want := range map[string]portfolio.Period{
		periodAll:      {},
		periodLast12:   {From: day("2025-03-02"), To: day("2026-03-01")},
		periodThisYear: {From: day("2026-01-01"), To: day("2026-12-31")},
		periodLastYear: {From: day("2025-01-01"), To: day("2025-12-31")},
		periodCustom:   {},
	} {
		if got := presetPeriod(id, today); !got.From.Equal(want.From) || !got.To.Equal(want.To) {
			t.Errorf("%s: %v – %v, want %v – %v", id, got.From, got.To, want.From, want.To)
		}
	}
}

// The demo's six assessments lie from February to November 2026; the
// tests' today is 28 November 2026.
func TestThePeriodChoiceChangesTheFigures(t *testing.T) {
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	p := fx.v.period
	if got := fx.v.figures["assessments"].value; got != "6" {
		t.Fatalf("all assessments: %q, want 6", got)
	}

	p.choice.SetSelected("Förra året")
	if p.from.Text != "2025-01-01" || p.to.Text != "2025-12-31" {
		t.Errorf("last year fills the dates %q – %q", p.from.Text, p.to.Text)
	}
	if !uitest.ContainsText(fx.v.body, "Inga bedömningar i den här perioden.") ||
		!uitest.ContainsText(fx.v.body, "3 företag passar filtret men har ingen bedömning i perioden.") {
		t.Errorf("last year shows %q, want the empty state", uitest.AllTexts(fx.v.body))
	}

	p.choice.SetSelected("I år")
	want := fx.stored(t, portfolio.Filter{}, presetPeriod(periodThisYear, uitest.Today))
	sameFigures(t, "this year", fx.figureTexts(), fx.wantFigures(want))

	test.Type(p.from, "x") // "2026-01-01x": refused, then corrected
	p.from.SetText("2026-06-01")
	if p.choice.Selected != "Egna datum" {
		t.Errorf("a typed date leaves the choice at %q", p.choice.Selected)
	}
	custom := portfolio.Period{From: day("2026-06-01"), To: day("2026-12-31")}
	want = fx.stored(t, portfolio.Filter{}, custom)
	if want.Assessments != 3 {
		t.Fatalf("the domain finds %d assessments from June, want 3", want.Assessments)
	}
	sameFigures(t, "from June", fx.figureTexts(), fx.wantFigures(want))
	if p.message.Visible() {
		t.Errorf("a valid period says %q", p.message.Text)
	}
}

func TestABadDateIsRefusedKeepsItsTextAndSaysWhy(t *testing.T) {
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	p := fx.v.period
	shown, computed := fx.v.done, fx.v.computed

	test.Type(p.from, "2026-13-01")
	if p.from.Text != "2026-13-01" {
		t.Errorf("the bad date became %q", p.from.Text)
	}
	if !p.message.Visible() || p.message.Text != "Skriv från-datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-31, eller lämna det tomt." {
		t.Errorf("a bad from date says %q (shown %v)", p.message.Text, p.message.Visible())
	}
	if p.from.Validate() == nil {
		t.Error("the entry itself does not mark the bad date")
	}
	if fx.v.done != shown || fx.v.computed != computed {
		t.Error("a bad date computed new figures")
	}

	p.from.SetText("2026-10-01")
	p.to.SetText("2026-09-30")
	if p.message.Text != "Till-datumet ligger före från-datumet, så välj ett till-datum samma dag eller senare." {
		t.Errorf("a to date before the from date says %q", p.message.Text)
	}
	if fx.v.done.req.period.To.Equal(day("2026-09-30")) {
		t.Error("a reversed period was computed")
	}

	p.to.SetText("2026-10-31")
	if p.message.Visible() {
		t.Errorf("the corrected period still says %q", p.message.Text)
	}
	want := fx.stored(t, portfolio.Filter{}, portfolio.Period{From: day("2026-10-01"), To: day("2026-10-31")})
	sameFigures(t, "October", fx.figureTexts(), fx.wantFigures(want))
	if want.Assessments != 1 {
		t.Errorf("October has %d assessments in the demo, want 1", want.Assessments)
	}
}
