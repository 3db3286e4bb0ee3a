package followup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/clientbook"
	"github.com/pomi-planner/pomi/ui/kit"
)

// View lists what is due across the portfolio, week by week: the reviews
// past or within the next 30 days and the overdue actions of the companies
// that pass the home screen's filter. Its methods are called on the UI
// thread.
type View struct {
	// OnOpen is called with the company and the workspace step
	// (portfolio.StepHistory or portfolio.StepActions) of a follow-up the
	// user opens; nil leaves opening out.
	OnOpen func(id app.CompanyID, step string)
	// OnStartFollowUp is called with the company of a review the user
	// starts the follow-up assessment of; the home opens the company at
	// the history step and starts it there.
	OnStartFollowUp func(id app.CompanyID)

	deps *kit.Deps
	book *clientbook.Book
	loc  *locales.Localizer
	win  fyne.Window

	// filter is the one Show was last given; shown is set once it was.
	filter portfolio.Filter
	shown  bool
	// run counts the computations started; a result whose number is not
	// the last one's is stale and dropped.
	run int
	res result
	// selected is the selected follow-up's line, -1 when none is.
	selected int
	widths   widths

	summary *widget.Label
	list    *lineList
	empty   *widget.Label
	body    *fyne.Container
	buttons *fyne.Container
	open    *widget.Button
	start   *widget.Button
	content fyne.CanvasObject
	// stop ends following the book's changes.
	stop func()
}

// NewView builds the view over the book; Show fills it, and it follows the
// book's changes from then on.
func NewView(deps *kit.Deps, book *clientbook.Book, loc *locales.Localizer, win fyne.Window) *View {
	v := &View{deps: deps, book: book, loc: loc, win: win, selected: -1}
	v.widths = measure(v)
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.list = newLineList(func() int { return len(v.res.lines) },
		func() fyne.CanvasObject { return newRow(v) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*row).show(id) })
	v.list.OnSelected = v.onSelected
	v.list.OnUnselected = func(id widget.ListItemID) {
		if id == v.selected {
			v.selected = -1
			v.updateButtons()
		}
	}
	v.list.onEnter = func(id widget.ListItemID) {
		if v.pick(id) {
			v.OpenSelected()
		}
	}
	v.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	v.empty.Wrapping = fyne.TextWrapWord
	v.body = container.NewStack(v.list)
	v.open = widget.NewButtonWithIcon(loc.T("ui.followup.open"), theme.FolderOpenIcon(), v.OpenSelected)
	v.start = widget.NewButtonWithIcon(loc.T("ui.followup.start"), theme.HistoryIcon(), v.StartSelected)
	v.updateButtons()
	v.buttons = container.NewHBox(v.open, v.start)
	top := container.NewBorder(nil, nil, nil, v.buttons, v.summary)
	v.content = container.NewBorder(top, nil, nil, nil, v.body)
	v.stop = book.OnChange(func() {
		if v.shown {
			v.recompute()
		}
	})
	return v
}

// Close stops the view following the book, when the home screen it is on
// is replaced (in another language).
func (v *View) Close() { v.stop() }

// Content is the view's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Show lists the follow-ups of the companies passing f, computed off the
// UI thread; the home calls it when the filter changes or the tab is
// shown. After the first Show the view also follows the book's changes.
func (v *View) Show(f portfolio.Filter) {
	v.filter, v.shown = cloneFilter(f), true
	v.recompute()
}

// recompute works the follow-ups out again from the book as it is now;
// a result that a newer computation overtakes is dropped.
func (v *View) recompute() {
	v.run++
	run := v.run
	clients, rows, f, today := v.book.Clients(), v.book.Rows(), v.filter, v.book.Today()
	var res result
	v.deps.Async(func() {
		res = compute(clients, rows, f, today)
	}, func() {
		if run == v.run {
			v.apply(res)
		}
	})
}

// apply shows a new result, keeping the selection on the same follow-up
// when it is still listed.
func (v *View) apply(res result) {
	old := v.res.item(v.selected)
	v.res = res
	v.selected = -1
	if n := len(res.lines); v.list.cursor >= n {
		v.list.cursor = max(n-1, 0)
	}
	v.list.Refresh()
	if i := v.res.find(old); i >= 0 {
		v.selected = i
		v.list.Select(i)
	} else {
		v.list.UnselectAll()
	}
	v.showState()
}

// showState puts the summary and either the list or the empty text up.
func (v *View) showState() {
	b := v.book
	v.summary.SetText(summaryText(v.loc, &v.res, b.Total(), len(b.Clients()), b.Complete(), b.Err()))
	if len(v.res.lines) == 0 {
		v.empty.SetText(emptyText(v.loc, &v.res, !v.filter.IsZero(), b.Complete(), b.Err()))
		// Spacers, not a Center: the sentence gets the whole width to wrap in.
		v.body.Objects = []fyne.CanvasObject{container.NewVBox(layout.NewSpacer(), v.empty, layout.NewSpacer())}
		v.buttons.Hide()
	} else {
		v.body.Objects = []fyne.CanvasObject{v.list}
		v.buttons.Show()
	}
	v.body.Refresh()
	v.updateButtons()
}

// onSelected keeps a follow-up selected; a week's header cannot be.
func (v *View) onSelected(id widget.ListItemID) {
	if v.res.item(id) == nil {
		v.list.Unselect(id)
		return
	}
	v.selected = id
	v.updateButtons()
}

// pick selects the follow-up on line id and gives the list the keyboard;
// it reports whether the line is a follow-up.
func (v *View) pick(id widget.ListItemID) bool {
	if v.res.item(id) == nil {
		return false
	}
	if v.win != nil && v.win.Canvas() != nil {
		v.win.Canvas().Focus(v.list)
	}
	v.list.moveCursor(id)
	v.list.Select(id)
	return true
}

func (v *View) updateButtons() {
	f := v.res.item(v.selected)
	setEnabled(v.open, f != nil)
	setEnabled(v.start, f != nil && f.Kind == portfolio.KindReview)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// OpenSelected opens the selected follow-up's company at its step.
func (v *View) OpenSelected() {
	if f := v.res.item(v.selected); f != nil && v.OnOpen != nil {
		v.OnOpen(f.Company, f.Step)
	}
}

// StartSelected starts the follow-up assessment of the selected review's
// company; it does nothing for an action.
func (v *View) StartSelected() {
	if f := v.res.item(v.selected); f != nil && f.Kind == portfolio.KindReview && v.OnStartFollowUp != nil {
		v.OnStartFollowUp(f.Company)
	}
}
