package companies

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/validate"
	"github.com/pomi-planner/pomi/ui/clientbook"
	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// View is a view of the portfolio beside the table, on a tab of its own:
// the follow-ups and the insights. Show recomputes it for the filter
// chosen; Close stops it following the book when the screen is replaced.
type View interface {
	Content() fyne.CanvasObject
	Show(f portfolio.Filter)
	Close()
}

// Screen is the home screen: the search and the filters over the
// portfolio table and the views added beside it, and the actions on the
// companies. The portfolio itself is the book's, held in memory.
type Screen struct {
	// deps runs the store work off the UI thread and gives today's date.
	deps *kit.Deps
	repo app.Repository
	book *clientbook.Book
	data *ref.Data
	loc  *locales.Localizer
	win  fyne.Window
	// OnOpen is called with a company the user opens; nil leaves opening out.
	OnOpen func(app.CompanyID)
	// OnError shows a failure; the detail has already gone to the log.
	OnError func(err error)

	search  *widget.Entry
	filters *filterBar
	table   *table
	status  *widget.Label
	empty   *fyne.Container
	noMatch *fyne.Container
	body    *fyne.Container
	tabs    *container.AppTabs
	views   []View
	content fyne.CanvasObject
	// rows are the book's rows the view was made from; view holds their
	// positions in the table's order, sorted and filtered; selected is a
	// position in view, -1 for none.
	rows     []portfolio.Row
	view     []int
	selected int
	sortCol  portfolio.Column
	desc     bool
	// shown counts the views made, so a slower one finishing late is dropped.
	shown int
	// quiet holds back recomputing while several filters are set at once.
	quiet         bool
	stopListening func()
}

// NewScreen builds the screen over book; Reload fills it.
func NewScreen(w fyne.Window, deps *kit.Deps, repo app.Repository, book *clientbook.Book, loc *locales.Localizer) *Screen {
	s := &Screen{deps: deps, repo: repo, book: book, data: book.Data(), loc: loc, win: w, selected: -1,
		sortCol: portfolio.ColChanged, desc: true}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(loc.T("ui.companies.search"))
	s.search.OnChanged = func(string) { s.filterChanged() }
	s.search.OnSubmitted = func(string) { s.openOnlyMatch() }
	s.filters = newFilterBar(s)
	s.table = newTable(s)
	s.status = widget.NewLabel("")
	s.empty = container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(loc.T("ui.companies.empty"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(loc.T("ui.companies.empty_hint"), fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewHBox(layout.NewSpacer(), widget.NewButtonWithIcon(loc.T("ui.companies.load_examples"), theme.DownloadIcon(), s.LoadExamples),
			widget.NewButtonWithIcon(loc.T("ui.companies.new"), theme.ContentAddIcon(), s.AskNew), layout.NewSpacer()),
	))
	s.noMatch = container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(loc.T("ui.companies.no_match"), fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(widget.NewButtonWithIcon(loc.T("ui.companies.filter.clear_all"), theme.ContentClearIcon(), s.clearAll)),
	))
	s.body = container.NewStack(s.table.w)
	s.tabs = container.NewAppTabs(container.NewTabItemWithIcon(loc.T("ui.companies.tab.table"), theme.ListIcon(), s.tableTab()))
	s.tabs.OnSelected = func(*container.TabItem) { s.showView() }
	newCompany := widget.NewButtonWithIcon(loc.T("ui.companies.new"), theme.ContentAddIcon(), s.AskNew)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, newCompany, s.search), s.filters.content)
	s.content = container.NewBorder(top, nil, nil, nil, s.tabs)
	s.stopListening = book.OnChange(s.bookChanged)
	return s
}

// Close stops the screen and its views following the book, when the shell
// replaces them.
func (s *Screen) Close() {
	s.stopListening()
	for _, v := range s.views {
		v.Close()
	}
}

// tableTab is the table with the actions on the selected company and the
// count below it.
func (s *Screen) tableTab() fyne.CanvasObject {
	open := widget.NewButtonWithIcon(s.loc.T("ui.companies.open"), theme.FolderOpenIcon(), s.OpenSelected)
	open.Importance = widget.HighImportance
	actions := container.NewHBox(open,
		widget.NewButtonWithIcon(s.loc.T("ui.companies.duplicate"), theme.ContentCopyIcon(), s.DuplicateSelected),
		widget.NewButtonWithIcon(s.loc.T("ui.companies.delete"), theme.DeleteIcon(), s.AskDelete))
	return container.NewBorder(nil, container.NewBorder(nil, nil, nil, actions, s.status), nil, nil, s.body)
}

// AddView adds a view of the portfolio on a tab of its own after the table.
func (s *Screen) AddView(title string, icon fyne.Resource, v View) {
	s.views = append(s.views, v)
	s.tabs.Append(container.NewTabItemWithIcon(title, icon, v.Content()))
}

// Content is the screen's canvas object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Tabs are the table's tab and the views'.
func (s *Screen) Tabs() *container.AppTabs { return s.tabs }

// Rows returns the companies the table shows now, in its order.
func (s *Screen) Rows() []portfolio.Row {
	out := make([]portfolio.Row, len(s.view))
	for i, at := range s.view {
		out[i] = s.rows[at]
	}
	return out
}

// Search is the search field, for the Ctrl+F shortcut and tests.
func (s *Screen) Search() *widget.Entry { return s.search }

// Filter is what the search and the filters choose now.
func (s *Screen) Filter() portfolio.Filter { return s.filters.filter() }

// Select selects the i-th company the table shows.
func (s *Screen) Select(i int) { s.table.selectRow(i) }

// row is the row at position i of the table, nil when there is none.
func (s *Screen) row(i int) *portfolio.Row {
	if i < 0 || i >= len(s.view) {
		return nil
	}
	return &s.rows[s.view[i]]
}

// OpenSelected opens the selected company in the workspace.
func (s *Screen) OpenSelected() {
	if r := s.row(s.selected); r != nil && s.OnOpen != nil {
		s.OnOpen(r.ID)
	}
}

// SortBy sorts the table by col; the sorted column again reverses it.
// Dates, scores, gaps and counts sort largest first, text from A.
func (s *Screen) SortBy(col portfolio.Column) {
	if col == s.sortCol {
		s.desc = !s.desc
	} else {
		s.sortCol, s.desc = col, descFirst(col)
	}
	s.remake()
}

func descFirst(col portfolio.Column) bool {
	switch col {
	case portfolio.ColName, portfolio.ColPlace, portfolio.ColIndustry, portfolio.ColStage, portfolio.ColNextReview:
		return false
	}
	return true
}

// Reload reads what changed in the database since the book was read (the
// whole portfolio the first time) and shows it.
func (s *Screen) Reload() { s.book.Load() }

// bookChanged makes the table anew from the book's rows.
func (s *Screen) bookChanged() {
	if err := s.book.Err(); err != nil {
		s.fail(fmt.Errorf("list companies: %w", err))
	}
	s.filters.setIndustries(s.book.Rows())
	s.filters.setAdvisors(s.book.Rows())
	s.remake()
}

// filterChanged makes the table and the shown view anew for the new filter.
func (s *Screen) filterChanged() {
	if s.quiet {
		return
	}
	s.remake()
	s.showView()
}

// showView recomputes the view on the tab shown, if it is not the table's.
func (s *Screen) showView() {
	if i := s.tabs.SelectedIndex(); i > 0 && i <= len(s.views) {
		s.views[i-1].Show(s.filters.filter())
	}
}

// remake sorts and filters the book's rows off the UI thread (10,000 rows
// take tens of milliseconds) and shows them; a result overtaken by a newer
// one is dropped.
func (s *Screen) remake() {
	s.shown++
	n, rows, f, col, desc, lang := s.shown, s.book.Rows(), s.filters.filter(), s.sortCol, s.desc, s.loc.Lang()
	s.filters.showActive(f)
	var view []int
	work := func() { view = f.Keep(rows, portfolio.OrderIn(lang, rows, col, desc)) }
	done := func() {
		if n != s.shown {
			return
		}
		s.rows, s.view, s.selected = rows, view, -1
		s.show()
	}
	if len(rows) <= inlineRows {
		work() // the first rows, or a small portfolio: shown in this very frame
		done()
		return
	}
	s.deps.Async(work, done)
}

// inlineRows is how many rows are sorted and filtered on the UI thread, in
// well under a millisecond, rather than in the background.
const inlineRows = 500

func (s *Screen) show() {
	filter := s.filters.filter()
	noneAtAll := s.book.Complete() && s.book.Total() == 0
	switch {
	case noneAtAll:
		s.body.Objects = []fyne.CanvasObject{s.empty}
	case len(s.view) == 0 && len(s.rows) > 0 && !filter.IsZero():
		s.body.Objects = []fyne.CanvasObject{s.noMatch}
	default:
		s.body.Objects = []fyne.CanvasObject{s.table.w}
	}
	s.body.Refresh()
	s.table.w.Refresh()
	s.status.SetText(s.statusText(filter, noneAtAll))
}

// statusText says how many companies are shown of how many, and that the
// rest is being read while it is.
func (s *Screen) statusText(filter portfolio.Filter, noneAtAll bool) string {
	total := s.book.Total()
	switch {
	case noneAtAll:
		return ""
	case !s.book.Complete():
		return s.loc.N("ui.companies.loading", total, map[string]any{"Count": s.loc.Number(float64(total), 0)})
	case filter.IsZero():
		return s.loc.N("ui.companies.count", total, map[string]any{"Count": s.loc.Number(float64(total), 0)})
	}
	return s.loc.N("ui.companies.count_of", total, map[string]any{
		"Shown": s.loc.Number(float64(len(s.view)), 0), "Count": s.loc.Number(float64(total), 0)})
}

// clearAll clears the filters and the search.
func (s *Screen) clearAll() {
	s.quiet = true
	s.search.SetText("")
	s.quiet = false
	s.filters.reset()
}

func (s *Screen) fail(err error) {
	if s.OnError != nil {
		s.OnError(err)
		return
	}
	dialog.ShowError(errors.New(s.loc.T("ui.error.storage")), s.win)
}

// LoadExamples stores the three example companies and shows them.
func (s *Screen) LoadExamples() {
	var err error
	today := s.deps.Now()
	s.deps.Async(func() {
		_, err = demo.Load(context.Background(), s.repo, s.data, today)
	}, func() {
		if err != nil {
			s.fail(err)
		}
		s.Reload()
	})
}

// AskNew asks for the new company's name, then creates and opens it.
func (s *Screen) AskNew() {
	name := widget.NewEntry()
	name.SetPlaceHolder(s.loc.T("ui.companies.name_hint"))
	name.Validator = func(v string) error {
		return s.fieldMessage(validate.Name(v))
	}
	items := []*widget.FormItem{widget.NewFormItem(s.loc.T("ui.companies.name"), name)}
	d := dialog.NewForm(s.loc.T("ui.companies.new_title"), s.loc.T("ui.create"), s.loc.T("ui.cancel"), items,
		func(ok bool) {
			if ok {
				s.Create(strings.TrimSpace(name.Text))
			}
		}, s.win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	s.win.Canvas().Focus(name)
}

// fieldMessage turns a validator's error into its sentence in the UI language.
func (s *Screen) fieldMessage(err error) error {
	var fe *validate.FieldError
	if errors.As(err, &fe) {
		return errors.New(s.loc.T(fe.MessageID()))
	}
	return err
}

// Create stores a new company with only a name and opens it.
func (s *Screen) Create(name string) {
	var id app.CompanyID
	var err error
	s.deps.Async(func() {
		id, err = s.repo.CreateCompany(context.Background(), &app.Company{Name: name})
	}, func() {
		if err != nil {
			s.fail(fmt.Errorf("create company: %w", err))
			return
		}
		s.search.SetText("")
		s.Reload()
		if s.OnOpen != nil {
			s.OnOpen(id)
		}
	})
}

// DuplicateSelected copies the selected company's profile as a new company,
// without its assessments and without the org.nr, which must stay unique.
func (s *Screen) DuplicateSelected() {
	r := s.row(s.selected)
	if r == nil {
		return
	}
	id := r.ID
	var err error
	s.deps.Async(func() {
		ctx := context.Background()
		var c *app.StoredCompany
		if c, err = s.repo.Company(ctx, id); err != nil {
			return
		}
		copyOf := c.Company
		copyOf.Name = s.loc.Tf("ui.companies.copy_name", map[string]any{"Name": c.Name})
		copyOf.OrgNr = ""
		_, err = s.repo.CreateCompany(ctx, &copyOf)
	}, func() {
		if err != nil {
			s.fail(fmt.Errorf("duplicate company %d: %w", id, err))
		}
		s.Reload()
	})
}

// openOnlyMatch opens the company when a search finds exactly one, so that
// Ctrl+F, a few letters and Enter reach a client without the mouse.
func (s *Screen) openOnlyMatch() {
	if len(s.view) == 1 {
		s.Select(0)
		s.OpenSelected()
	}
}
