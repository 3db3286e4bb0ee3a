package insights

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/validate"
	"github.com/pomi-planner/pomi/locales"
)

// The period choices, in the order the select lists them; each names its
// message ui.insights.period.<id>.
const (
	periodAll      = "all"
	periodLast12   = "last12"
	periodThisYear = "this_year"
	periodLastYear = "last_year"
	periodCustom   = "custom"
)

var periodIDs = []string{periodAll, periodLast12, periodThisYear, periodLastYear, periodCustom}

// presetPeriod is the period a choice other than periodCustom means on
// today's date: every assessment, the last 12 months up to today, this
// calendar year or the last one. periodCustom and unknown ids give the
// open period.
func presetPeriod(id string, today time.Time) portfolio.Period {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	year := day.Year()
	switch id {
	case periodLast12:
		return portfolio.Period{From: day.AddDate(-1, 0, 1), To: day}
	case periodThisYear:
		return portfolio.Period{From: yearStart(year), To: yearStart(year+1).AddDate(0, 0, -1)}
	case periodLastYear:
		return portfolio.Period{From: yearStart(year - 1), To: yearStart(year).AddDate(0, 0, -1)}
	}
	return portfolio.Period{}
}

func yearStart(year int) time.Time { return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC) }

// periodBar is the choice of period: a select of the usual periods and two
// date entries, which show the dates a choice means and, edited, make it a
// custom period. A date that does not parse keeps its text and the message
// under the bar says why; the period stays the last valid one meanwhile.
type periodBar struct {
	loc   *locales.Localizer
	today func() time.Time
	// onChange is called when a new valid period is chosen.
	onChange func()

	choice   *widget.Select
	from, to *widget.Entry
	message  *widget.Label
	content  fyne.CanvasObject
	// id is the choice made; syncing is set while the bar fills its own
	// fields, so that does not count as an edit.
	id      string
	syncing bool
}

func newPeriodBar(loc *locales.Localizer, today func() time.Time, onChange func()) *periodBar {
	p := &periodBar{loc: loc, today: today, onChange: onChange, id: periodAll}
	labels := make([]string, len(periodIDs))
	for i, id := range periodIDs {
		labels[i] = loc.T("ui.insights.period." + id)
	}
	p.choice = widget.NewSelect(labels, p.chosen)
	p.from, p.to = p.dateEntry(), p.dateEntry()
	p.message = wrapped("", fyne.TextStyle{})
	p.message.Importance = widget.DangerImportance
	p.message.Hide()
	p.syncing = true
	p.choice.SetSelectedIndex(0)
	p.syncing = false
	dateWidth := widthOf("2026-12-31", loc.T("ui.insights.period.placeholder"))
	field := func(id string, e *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(loc.T("ui.insights.period."+id)), nil,
			container.New(atLeast{dateWidth}, e))
	}
	choice := container.NewBorder(nil, nil, widget.NewLabel(loc.T("ui.insights.period.label")), nil,
		container.New(atLeast{widthOf(labels...)}, p.choice))
	row := container.New(&flow{}, choice, field("from", p.from), field("to", p.to))
	p.content = container.NewVBox(row, p.message)
	return p
}

func (p *periodBar) dateEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(p.loc.T("ui.insights.period.placeholder"))
	e.Validator = func(s string) error {
		_, err := parseDay(s)
		return err
	}
	e.OnChanged = func(string) { p.edited() }
	return e
}

// parseDay reads an entry's date; empty is an open end (zero time).
func parseDay(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return validate.ParseDate(s)
}

// chosen fills the date entries with what the choice means and asks for
// the figures, unless the custom choice was made by an edit.
func (p *periodBar) chosen(label string) {
	if p.syncing {
		return
	}
	p.id = periodIDs[max(0, slices.Index(p.choice.Options, label))]
	if p.id == periodCustom {
		p.edited()
		return
	}
	per := presetPeriod(p.id, p.today())
	p.syncing = true
	p.from.SetText(dayText(per.From))
	p.to.SetText(dayText(per.To))
	p.syncing = false
	p.say("")
	p.onChange()
}

func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(validate.DateLayout)
}

// edited makes a typed date a custom period, and asks for the figures
// once both dates are valid and in order.
func (p *periodBar) edited() {
	if p.syncing {
		return
	}
	if p.id != periodCustom {
		p.id = periodCustom
		p.syncing = true
		p.choice.SetSelectedIndex(len(periodIDs) - 1)
		p.syncing = false
	}
	if _, err := p.custom(); err != "" {
		p.say(err)
		return
	}
	p.say("")
	p.onChange()
}

// custom reads the entries; the message id of what is wrong, if anything.
func (p *periodBar) custom() (portfolio.Period, string) {
	from, err := parseDay(p.from.Text)
	if err != nil {
		return portfolio.Period{}, "ui.insights.period.bad_from"
	}
	to, err := parseDay(p.to.Text)
	if err != nil {
		return portfolio.Period{}, "ui.insights.period.bad_to"
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return portfolio.Period{}, "ui.insights.period.reversed"
	}
	return portfolio.Period{From: from, To: to}, ""
}

// period is the period chosen now, false while the dates are not valid.
// A preset is taken on today's date, so it follows the calendar.
func (p *periodBar) period() (portfolio.Period, bool) {
	if p.id != periodCustom {
		return presetPeriod(p.id, p.today()), true
	}
	per, err := p.custom()
	return per, err == ""
}

// say shows the message id's text under the bar, or hides it for "".
func (p *periodBar) say(id string) {
	if id == "" {
		p.message.SetText("")
		p.message.Hide()
		return
	}
	p.message.SetText(p.loc.T(id))
	p.message.Show()
}
