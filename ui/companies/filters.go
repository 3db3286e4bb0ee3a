package companies

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
)

// choice is one drop-down of the filter bar: its first option lets every
// company through, each other one names a value.
type choice struct {
	sel    *widget.Select
	values []string
}

// value is the chosen value, "" for all.
func (c *choice) value() string {
	i := c.sel.SelectedIndex()
	if i <= 0 || i > len(c.values) {
		return ""
	}
	return c.values[i-1]
}

// only returns the chosen value as a filter list, nil for all.
func (c *choice) only() []string {
	if v := c.value(); v != "" {
		return []string{v}
	}
	return nil
}

// filterBar is the row of filters over the three views: stage, industry,
// size class, county, entry mode, in team mode the advisor, due for
// follow-up, overdue actions, and a button that clears them. The search
// field is the screen's.
type filterBar struct {
	screen                            *Screen
	stage, industry, size, county, md *choice
	// advisor is shown only when some company names its advisors, that
	// is in team mode: without a server the row is as it always was.
	advisor      *choice
	advisorBox   fyne.CanvasObject
	due, overdue *widget.Check
	clear        *widget.Button
	content      fyne.CanvasObject
}

func newFilterBar(s *Screen) *filterBar {
	w := words{s.loc}
	f := &filterBar{screen: s}
	f.stage = f.newChoice("ui.companies.filter.stage", ref.ExportStages, func(v string) string { return w.short("stage", v, " – ") })
	f.industry = f.newChoice("ui.companies.filter.industry", nil, nil)
	f.size = f.newChoice("ui.companies.filter.size", ref.SizeClasses, func(v string) string { return w.short("sizeclass", v, " (") })
	f.county = f.newChoice("ui.companies.filter.county", ref.Counties, func(v string) string { return s.loc.T(ref.VocabName("county", v)) })
	f.md = f.newChoice("ui.companies.filter.mode", modeIDs(s.data), func(v string) string { return s.loc.T(ref.ModeName(v)) })
	f.advisor = f.newChoice("ui.companies.filter.advisor", nil, nil)
	f.advisorBox = fitted(f.advisor.sel)
	f.advisorBox.Hide()
	f.due = widget.NewCheck(s.loc.T("ui.companies.filter.due"), func(bool) { s.filterChanged() })
	f.overdue = widget.NewCheck(s.loc.T("ui.companies.filter.overdue"), func(bool) { s.filterChanged() })
	f.clear = widget.NewButtonWithIcon(s.loc.T("ui.companies.filter.clear"), theme.ContentClearIcon(), f.reset)
	f.clear.Importance = widget.LowImportance
	f.clear.Disable()
	// At 200 % scaling the row is wider than the window: it scrolls sideways
	// rather than pushing the window wider than the screen.
	f.content = container.NewHScroll(container.NewHBox(fitted(f.stage.sel), fitted(f.industry.sel), fitted(f.size.sel),
		fitted(f.county.sel), fitted(f.md.sel), f.advisorBox, f.due, f.overdue, f.clear))
	return f
}

// newChoice makes a drop-down over values named by name, its first option
// "all" in the words of id.
func (f *filterBar) newChoice(id string, values []string, name func(string) string) *choice {
	c := &choice{sel: widget.NewSelect(nil, nil)}
	f.setOptions(c, id, values, name)
	c.sel.OnChanged = func(string) { f.screen.filterChanged() }
	return c
}

func (f *filterBar) setOptions(c *choice, id string, values []string, name func(string) string) {
	options := []string{f.screen.loc.T(id)}
	for _, v := range values {
		if name != nil {
			options = append(options, name(v))
		} else {
			options = append(options, v)
		}
	}
	c.values = values
	c.sel.Options = options
	if c.sel.SelectedIndex() < 0 {
		c.sel.SetSelectedIndex(0)
	}
	c.sel.Refresh()
}

// setIndustries offers the industries the companies give, each spelling
// once; the choice made stays when it is still there.
func (f *filterBar) setIndustries(rows []portfolio.Row) {
	seen := map[string]bool{}
	var list []string
	for i := range rows {
		v := strings.TrimSpace(rows[i].Industry)
		if k := portfolio.Fold(v); v != "" && !seen[k] {
			seen[k] = true
			list = append(list, v)
		}
	}
	slices.SortFunc(list, func(a, b string) int { return strings.Compare(portfolio.Fold(a), portfolio.Fold(b)) })
	f.setValues(f.industry, "ui.companies.filter.industry", list)
}

// setAdvisors offers the advisors who handle the companies, and shows the
// drop-down only when there are any (team mode).
func (f *filterBar) setAdvisors(rows []portfolio.Row) {
	list := portfolio.Advisors(rows)
	f.setValues(f.advisor, "ui.companies.filter.advisor", list)
	if len(list) > 0 {
		f.advisorBox.Show()
	} else {
		f.advisorBox.Hide()
	}
}

// setValues gives a drop-down new values; the choice made stays when it
// is still there.
func (f *filterBar) setValues(c *choice, id string, list []string) {
	if slices.Equal(list, c.values) {
		return
	}
	at := slices.Index(list, c.value())
	c.sel.OnChanged = nil
	c.sel.ClearSelected()
	f.setOptions(c, id, list, nil)
	c.sel.SetSelectedIndex(at + 1)
	c.sel.OnChanged = func(string) { f.screen.filterChanged() }
}

// filter is what the bar and the search field choose.
func (f *filterBar) filter() portfolio.Filter {
	return portfolio.Filter{
		Stages: f.stage.only(), Industries: f.industry.only(), SizeClasses: f.size.only(),
		Counties: f.county.only(), Modes: f.md.only(), Advisors: f.advisor.only(),
		DueForFollowUp: f.due.Checked, HasOverdueActions: f.overdue.Checked,
		Search: f.screen.search.Text,
	}
}

// reset lets every company through again, keeping the search.
func (f *filterBar) reset() {
	f.screen.quiet = true
	for _, c := range []*choice{f.stage, f.industry, f.size, f.county, f.md, f.advisor} {
		c.sel.SetSelectedIndex(0)
	}
	f.due.SetChecked(false)
	f.overdue.SetChecked(false)
	f.screen.quiet = false
	f.screen.filterChanged()
}

// showActive enables the clear button while a filter other than the search is on.
func (f *filterBar) showActive(filter portfolio.Filter) {
	filter.Search = ""
	if filter.IsZero() {
		f.clear.Disable()
	} else {
		f.clear.Enable()
	}
}

// maxChoiceWidth keeps a drop-down with a long option from taking the row.
const maxChoiceWidth = 240

// fitted gives a drop-down the width of its first option ("Alla
// exportstadier"), which it shows until something is chosen, and at most
// maxChoiceWidth; a longer choice is cut with an ellipsis.
func fitted(sel *widget.Select) fyne.CanvasObject {
	text := fyne.MeasureText(sel.Options[0], theme.TextSize(), fyne.TextStyle{})
	w := min(maxChoiceWidth, text.Width+theme.IconInlineSize()+5*theme.InnerPadding())
	return container.NewGridWrap(fyne.NewSize(w, sel.MinSize().Height), sel)
}

func modeIDs(d *ref.Data) []string {
	out := make([]string, len(d.EntryModes))
	for i := range d.EntryModes {
		out[i] = d.EntryModes[i].ID
	}
	return out
}
