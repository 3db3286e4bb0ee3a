package companies

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

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

// CompaniesPageSize is how many companies the list shows; the search finds
// the rest.
const pageSize = 500

// Screen is the list of clients: search as you type, the last
// changed first, and the actions on them.
type Screen struct {
	// deps runs the store work off the UI thread and gives today's date.
	deps *kit.Deps
	repo app.Repository
	data *ref.Data
	loc  *locales.Localizer
	win  fyne.Window
	// OnOpen is called with a company the user opens; nil leaves opening out.
	OnOpen func(app.CompanyID)
	// OnError shows a failure; the detail has already gone to the log.
	OnError func(err error)

	search   *widget.Entry
	list     *widget.List
	status   *widget.Label
	empty    *fyne.Container
	body     *fyne.Container
	rows     []app.CompanySummary
	total    int
	selected int
	content  fyne.CanvasObject
}

// NewScreen builds the screen; Reload fills it.
func NewScreen(w fyne.Window, deps *kit.Deps, repo app.Repository, d *ref.Data, loc *locales.Localizer) *Screen {
	s := &Screen{deps: deps, repo: repo, data: d, loc: loc, win: w, selected: -1}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(loc.T("ui.companies.search"))
	s.search.OnChanged = func(string) { s.Reload() }
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.selected = id }
	s.search.OnSubmitted = func(string) { s.openOnlyMatch() }
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1 }
	s.status = widget.NewLabel("")
	s.empty = container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(loc.T("ui.companies.empty"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(loc.T("ui.companies.empty_hint"), fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewHBox(layout.NewSpacer(), widget.NewButtonWithIcon(loc.T("ui.companies.load_examples"), theme.DownloadIcon(), s.LoadExamples),
			widget.NewButtonWithIcon(loc.T("ui.companies.new"), theme.ContentAddIcon(), s.AskNew), layout.NewSpacer()),
	))
	s.body = container.NewStack(s.list)
	open := widget.NewButtonWithIcon(loc.T("ui.companies.open"), theme.FolderOpenIcon(), s.OpenSelected)
	open.Importance = widget.HighImportance
	toolbar := container.NewHBox(
		open,
		widget.NewButtonWithIcon(loc.T("ui.companies.new"), theme.ContentAddIcon(), s.AskNew),
		widget.NewButtonWithIcon(loc.T("ui.companies.duplicate"), theme.ContentCopyIcon(), s.DuplicateSelected),
		widget.NewButtonWithIcon(loc.T("ui.companies.delete"), theme.DeleteIcon(), s.AskDelete),
	)
	top := container.NewBorder(nil, nil, nil, toolbar, s.search)
	s.content = container.NewBorder(top, s.status, nil, nil, s.body)
	return s
}

// Content is the screen's canvas object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Rows returns the companies listed now.
func (s *Screen) Rows() []app.CompanySummary { return s.rows }

// Search is the search field, for the Ctrl+F shortcut and tests.
func (s *Screen) Search() *widget.Entry { return s.search }

// Select selects the i-th listed company.
func (s *Screen) Select(i int) { s.list.Select(i) }

func (s *Screen) newRow() fyne.CanvasObject { return newRow(s) }

func (s *Screen) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	row := obj.(*row)
	row.id = id
	row.name.SetText(s.rows[id].Name)
	row.detail.SetText(s.rowDetail(s.rows[id]))
}

// OpenSelected opens the selected company in the workspace.
func (s *Screen) OpenSelected() {
	if s.selected < 0 || s.selected >= len(s.rows) || s.OnOpen == nil {
		return
	}
	s.OnOpen(s.rows[s.selected].ID)
}

// rowDetail is a company's second line: city, last assessment, export stage.
func (s *Screen) rowDetail(row app.CompanySummary) string {
	parts := []string{}
	if row.City != "" {
		parts = append(parts, row.City)
	}
	if t, err := validate.ParseDate(row.LastAssessment); err == nil {
		parts = append(parts, s.loc.Tf("ui.companies.last_assessment", map[string]any{"Date": s.loc.DateShort(t)}))
	} else {
		parts = append(parts, s.loc.T("ui.companies.no_assessment"))
	}
	if row.ExportStage != "" {
		stage, _, _ := strings.Cut(s.loc.T(ref.VocabName("stage", row.ExportStage)), " – ")
		parts = append(parts, stage)
	}
	return strings.Join(parts, " · ")
}

// Reload reads the list again for the current search.
func (s *Screen) Reload() {
	query := app.ListQuery{Search: s.search.Text, Limit: pageSize}
	var rows []app.CompanySummary
	var total int
	var err error
	s.deps.Async(func() {
		rows, total, err = s.repo.ListCompanies(context.Background(), query)
	}, func() {
		if err != nil {
			s.fail(fmt.Errorf("list companies: %w", err))
			return
		}
		if query.Search != s.search.Text {
			return // the user typed on; a newer reload is on its way
		}
		s.rows, s.total, s.selected = rows, total, -1
		s.list.UnselectAll()
		s.show()
	})
}

func (s *Screen) show() {
	noneAtAll := s.total == 0 && strings.TrimSpace(s.search.Text) == ""
	if noneAtAll {
		s.body.Objects = []fyne.CanvasObject{s.empty}
	} else {
		s.body.Objects = []fyne.CanvasObject{s.list}
	}
	s.body.Refresh()
	s.list.Refresh()
	switch {
	case noneAtAll:
		s.status.SetText("")
	case s.total == 0:
		s.status.SetText(s.loc.T("ui.companies.no_match"))
	default:
		s.status.SetText(s.loc.N("ui.companies.count", s.total, map[string]any{"Count": s.total}))
	}
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
	if s.selected < 0 || s.selected >= len(s.rows) {
		return
	}
	id := s.rows[s.selected].ID
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
	if len(s.rows) == 1 {
		s.list.Select(0)
		s.OpenSelected()
	}
}
