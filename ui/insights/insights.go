package insights

import (
	"reflect"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/clientbook"
	"github.com/pomi-planner/pomi/ui/kit"
)

// View is the insights tab: the choice of period on top, a note while the
// portfolio is still being read, and the figures and charts below in a
// vertical scroll. Its methods are called on the UI thread.
type View struct {
	deps  *kit.Deps
	book  *clientbook.Book
	loc   *locales.Localizer
	win   fyne.Window
	texts map[string]string

	period  *periodBar
	note    *widget.Label
	body    *fyne.Container
	content fyne.CanvasObject
	// stop ends following the book's changes.
	stop func()
	// figures are the key figures shown, by id (companies, assessed,
	// assessments, unassessed).
	figures map[string]*figure

	filter portfolio.Filter
	// shown is set once the home has asked for the figures.
	shown bool
	// version counts the book's reads, so that a new read asks anew.
	version int
	// wanted is the latest figures asked for; running is set while some
	// are computed; done are the figures on screen, nil before the first.
	wanted  request
	running bool
	done    *result
	// computed counts the computations started.
	computed int
}

// request is what a set of figures answers: the filter, the period and
// the read of the book.
type request struct {
	filter  portfolio.Filter
	period  portfolio.Period
	version int
}

// result is a set of figures and what it answers; clients is how many
// companies the book held.
type result struct {
	req     request
	ins     portfolio.Insights
	clients int
}

// input is what a computation reads: the book's slices as they were when
// it started (the book replaces them on each read, never changes them).
type input struct {
	data    *ref.Data
	clients []portfolio.Client
	rows    []portfolio.Row
	today   time.Time
}

// NewView builds the insights over book in loc's language; Show fills it.
// It recomputes by itself when the book has read the portfolio again.
func NewView(deps *kit.Deps, book *clientbook.Book, loc *locales.Localizer, win fyne.Window) *View {
	v := &View{deps: deps, book: book, loc: loc, win: win, figures: map[string]*figure{}}
	v.period = newPeriodBar(loc, book.Today, v.refresh)
	v.note = wrapped("", fyne.TextStyle{Italic: true})
	v.note.Hide()
	v.body = container.NewVBox()
	top := container.NewVBox(v.period.content, v.note)
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil,
		container.NewVScroll(container.NewPadded(v.body)))
	v.stop = book.OnChange(func() {
		v.version++
		v.refresh()
	})
	v.updateNote()
	return v
}

// Close stops the view following the book, when the home screen it is on
// is replaced (in another language).
func (v *View) Close() { v.stop() }

// Content is the view's canvas object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Show computes the figures for the companies that pass f, over the period
// chosen in the view; the home calls it when its filter changes and when
// the tab is shown. Asking again for the figures on screen does nothing.
func (v *View) Show(f portfolio.Filter) {
	v.filter = cloneFilter(f)
	v.shown = true
	v.refresh()
}

// SetTexts gives the organisation's own texts in the view's language
// (app.CustomTexts), so its own recommendations are shown by their titles;
// nil when it has none.
func (v *View) SetTexts(texts map[string]string) {
	v.texts = texts
	if v.done != nil {
		v.render()
	}
}

func cloneFilter(f portfolio.Filter) portfolio.Filter {
	f.Stages, f.Industries = slices.Clone(f.Stages), slices.Clone(f.Industries)
	f.SizeClasses, f.Counties, f.Modes = slices.Clone(f.SizeClasses), slices.Clone(f.Counties), slices.Clone(f.Modes)
	return f
}

// refresh asks for the figures of the filter, the period and the book as
// they are now, unless they are on screen or on their way, or the period's
// dates are not valid.
func (v *View) refresh() {
	v.updateNote()
	p, ok := v.period.period()
	if !ok || !v.shown {
		return
	}
	req := request{filter: v.filter, period: p, version: v.version}
	if (v.running || v.done != nil) && reflect.DeepEqual(req, v.wanted) {
		return
	}
	v.wanted = req
	if !v.running {
		v.start()
	}
}

// start computes the figures wanted off the UI thread. One computation
// runs at a time: a result that was overtaken meanwhile is dropped and
// the latest request computed instead.
func (v *View) start() {
	req := v.wanted
	in := input{data: v.book.Data(), clients: v.book.Clients(), rows: v.book.Rows(), today: v.book.Today()}
	v.running = true
	v.computed++
	var ins portfolio.Insights
	v.deps.Async(func() { ins = compute(in, req) }, func() {
		v.running = false
		if !reflect.DeepEqual(req, v.wanted) {
			v.start()
			return
		}
		v.done = &result{req: req, ins: ins, clients: len(in.clients)}
		v.render()
	})
}

// compute filters with the book's rows (made for today, as
// portfolio.ComputeInsights would make them) and computes the insights.
func compute(in input, req request) portfolio.Insights {
	clients, f := in.clients, req.filter
	if !f.IsZero() && len(in.rows) == len(in.clients) {
		clients, f = portfolio.Select(in.clients, in.rows, f), portfolio.Filter{}
	}
	return portfolio.ComputeInsights(in.data, clients, f, req.period, in.today)
}

// render shows the figures on screen, or says why there are none.
func (v *View) render() {
	v.updateNote()
	r := v.done
	switch {
	case r == nil:
		return
	case r.ins.Companies == 0:
		v.setBody(v.emptyState(r)...)
	default:
		v.setBody(v.sections(&r.ins)...)
	}
}

func (v *View) setBody(objs ...fyne.CanvasObject) {
	v.body.Objects = objs
	v.body.Refresh()
}

// emptyState says why nothing is shown: no companies yet (or not read
// yet), none that passes the filter, or none assessed in the period.
func (v *View) emptyState(r *result) []fyne.CanvasObject {
	say := func(title, hint string) []fyne.CanvasObject {
		return []fyne.CanvasObject{heading(title), wrapped(hint, fyne.TextStyle{})}
	}
	switch {
	case r.clients == 0 && !v.book.Complete():
		return []fyne.CanvasObject{wrapped(v.loc.T("ui.insights.loading"), fyne.TextStyle{Italic: true})}
	case r.clients == 0:
		return say(v.loc.T("ui.insights.empty.no_companies"), v.loc.T("ui.insights.empty.no_companies_hint"))
	case r.ins.Unassessed == 0:
		return say(v.loc.T("ui.insights.empty.no_match"), v.loc.T("ui.insights.empty.no_match_hint"))
	}
	return say(v.loc.T("ui.insights.empty.no_assessments"),
		v.loc.N("ui.insights.empty.unassessed", r.ins.Unassessed, map[string]any{"Count": v.count(r.ins.Unassessed)}))
}

// updateNote says when the figures rest on part of the portfolio: while it
// is read, or when a read failed.
func (v *View) updateNote() {
	b := v.book
	text := ""
	switch {
	case b.Err() != nil:
		text = v.loc.T("ui.insights.read_failed")
	case !b.Complete() && b.Total() > 0:
		text = v.loc.N("ui.insights.partial", b.Total(), map[string]any{
			"Read": v.count(len(b.Clients())), "Total": v.count(b.Total())})
	case !b.Complete():
		text = v.loc.T("ui.insights.loading")
	}
	v.note.SetText(text)
	v.note.Hidden = text == ""
	v.note.Refresh()
}
