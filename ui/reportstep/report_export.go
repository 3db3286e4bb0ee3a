package reportstep

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// Export saves the session, then makes the plan with app.MakePlan and
// writes it as a PDF off the UI thread, and says where it went, or why not.
func (v *view) Export() {
	if v.busy {
		return
	}
	if err := v.s.Flush(); err != nil {
		// The plan is made from what the screen shows; the save indicator
		// already says that saving failed.
		kit.LogError("save before the report", err)
	}
	job := v.exportJob()
	v.setBusy(true)
	var out exportOutcome
	v.s.Deps.Async(func() {
		out = job.run(context.Background())
	}, func() {
		v.setBusy(false)
		v.showOutcome(out.path, out.warnings, out.err)
		if out.err == nil {
			v.savedLang = out.lang
		}
	})
}

// exportJob is what Export takes from the screen, on the UI thread, to make
// and write the plan off it.
type exportJob struct {
	src planSource
	// req leaves the plan's language to app.MakePlan: the chosen one, else
	// the saved report language, else the UI's.
	req app.PlanRequest
	// company, assessment and previous are the session's working copies:
	// the plan shows what the screen shows, even when the save before it
	// failed.
	company    app.Company
	assessment app.Assessment
	previous   *app.Assessment
	paper      string
	folder     string
	typedName  string
	uiLoc      *locales.Localizer
	// today dates the plan, and names it when the assessment has no date.
	today time.Time
}

func (v *view) exportJob() *exportJob {
	s := v.s
	j := &exportJob{
		src: planSource{PlanSource: s.Store, data: s.Data, texts: s.Texts},
		req: app.PlanRequest{
			Company: s.CompanyID(), Assessment: s.AssessmentID(),
			Language: v.chosenLanguage(), Fallback: s.Loc.Lang(), Supported: locales.Supported,
		},
		company: session.Clone(*s.Company()), assessment: session.Clone(*s.Assessment()),
		previous: session.Clone(s.Previous()),
		paper:    v.paperSize(), folder: v.folder, typedName: v.fileName.Text, uiLoc: s.Loc,
		today: s.Deps.Now(),
	}
	if j.req.Assessment == 0 {
		// Never saved: MakePlan finds it by its date among the stored
		// assessments and this copy.
		j.req.Date = j.assessment.Date
		j.src.unsaved = &app.StoredAssessment{CompanyID: j.req.Company, Assessment: session.Clone(j.assessment)}
	}
	return j
}

// exportOutcome is what came of an export: the plan's path and language and
// what it left out, or why it was not written.
type exportOutcome struct {
	path     string
	lang     string
	warnings []report.Warning
	err      error
}

// run makes the plan, names its file in the plan's language and writes it.
func (j *exportJob) run(ctx context.Context) exportOutcome {
	in, loc, err := j.input(ctx)
	if err != nil {
		return exportOutcome{err: err}
	}
	path := filepath.Join(j.folder, outputName(j.typedName, in.Company.Name, in.Assessment.Date, loc, j.today))
	warnings, err := generate(in, loc, path)
	return exportOutcome{path: path, lang: loc.Lang(), warnings: warnings, err: err}
}

// input makes the plan with app.MakePlan, which decides its language, puts
// the working copies in it and returns its input, on the chosen paper, and
// a localizer in its language.
func (j *exportJob) input(ctx context.Context) (*report.Input, *locales.Localizer, error) {
	plan, err := app.MakePlan(ctx, j.src, j.req)
	if err != nil {
		return nil, nil, err
	}
	plan.Company, plan.Assessment, plan.Previous = j.company, j.assessment, j.previous
	loc, err := locales.New(plan.Language)
	if err != nil {
		kit.LogError("report language", err)
		loc = j.uiLoc
	}
	in := report.InputFor(plan, j.today)
	in.Paper = j.paper
	return in, loc, nil
}

// planSource is the store as the window's plan reads it: with the reference
// data the screens show, with the assessment being edited even when it was
// never saved, and without a logo that cannot be read (that is logged; the
// plan is still worth making).
type planSource struct {
	app.PlanSource
	data    *ref.Data
	texts   func(lang string) map[string]string
	unsaved *app.StoredAssessment
}

// Reference is the session's reference data and texts.
func (p planSource) Reference(context.Context) (*ref.Data, func(lang string) map[string]string, error) {
	return p.data, p.texts, nil
}

// Assessments are the stored ones and the unsaved one, if any.
func (p planSource) Assessments(ctx context.Context, company app.CompanyID) ([]app.StoredAssessment, error) {
	list, err := p.PlanSource.Assessments(ctx, company)
	if err != nil || p.unsaved == nil {
		return list, err
	}
	return append(list, *p.unsaved), nil
}

// Logo is the company's logo; nil, logged, when it cannot be read.
func (p planSource) Logo(ctx context.Context, id app.CompanyID) ([]byte, error) {
	logo, err := p.PlanSource.Logo(ctx, id)
	if err != nil {
		kit.LogError("read the company's logo for the report", err)
		return nil, nil
	}
	return logo, nil
}

// generate makes the plan's folder and writes the plan.
func generate(in *report.Input, loc *locales.Localizer, path string) ([]report.Warning, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, &report.WriteError{Path: path, Err: err}
	}
	return report.Generate(in, loc, path)
}

func (v *view) setBusy(busy bool) {
	v.busy = busy
	if busy {
		v.export.Disable()
		v.progress.Show()
		v.progress.Start()
	} else {
		v.progress.Stop()
		v.progress.Hide()
		v.export.Enable()
	}
	v.content.Refresh() // lay out again around what was shown or hidden
}

// showOutcome says where the plan was saved and what was left out, or in
// one sentence why it was not saved; the detail goes to the log.
func (v *view) showOutcome(path string, warnings []report.Warning, err error) {
	loc := v.s.Loc
	v.warnings.Hide()
	if len(warnings) > 0 {
		var msgs []string
		for _, w := range warnings {
			kit.LogError("report", w)
			msgs = append(msgs, loc.T(w.MessageID()))
		}
		v.warnings.SetText(strings.Join(msgs, "\n"))
		v.warnings.Show()
	}
	if err != nil {
		logFailure(path, err)
		id := "report.error.render"
		var m interface{ MessageID() string }
		if errors.As(err, &m) {
			id = m.MessageID()
		}
		v.Problem.SetText(loc.T(id))
		v.Problem.Show()
		v.Result.Hide()
		v.buttons.Hide()
		v.relayout()
		return
	}
	v.saved = path
	v.shareNote.Hide() // it was about the plan written before
	v.noteActions.Hide()
	v.Problem.Hide()
	v.Result.SetText(loc.Tf("ui.reportstep.saved", map[string]any{"Path": path}))
	v.Result.Show()
	v.buttons.Show()
	v.relayout()
}

// logFailure logs why the plan was not written to path ("" when it was not
// made).
func logFailure(path string, err error) {
	if path == "" {
		kit.LogError("make the report", err)
		return
	}
	kit.LogError("write the report to "+path, err)
}

// relayout lays the outcome and the page out again after parts were shown
// or hidden.
func (v *view) relayout() {
	v.outcome.Refresh()
	v.content.Refresh()
}

// AskFolder lets the user choose another folder for the plan.
func (v *view) AskFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		kit.LogError("choose a folder", err)
		if dir != nil {
			v.SetFolder(dir.Path())
		}
	}, v.s.Win)
	// Start in the chosen folder, or the nearest one that exists yet.
	for dir := v.folder; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
			break
		}
	}
	d.Resize(dialogSize(v.s.Win))
	d.Show()
}

func (v *view) SetFolder(dir string) {
	v.folder = dir
	v.folderBox.SetText(dir)
}

// defaultFolder is Documents/POMI Planner, or the working folder
// when there is no home folder. Documents is the user's Documents folder
// as the system names it (OneDrive's on Windows, ~/Dokument on a Swedish
// Linux), from the session's deps.
func (v *view) defaultFolder() string {
	docs, err := v.s.Deps.DocumentsDir()
	if err != nil {
		kit.LogError("find the Documents folder", err)
		docs = "."
	}
	return filepath.Join(docs, FolderName)
}

// defaultName proposes "<Company> <date> handlingsplan.pdf" in the plan's
// language, unless the user has typed a name.
func (v *view) defaultName() {
	if v.nameEdited {
		return
	}
	loc, err := locales.New(v.reportLanguage())
	if err != nil {
		loc = v.s.Loc
	}
	v.settingName = true
	v.fileName.SetText(proposedName(v.s.Company().Name, v.s.Assessment().Date, loc, v.s.Deps.Now()))
	v.settingName = false
}

// proposedName is "<company> <date> handlingsplan.pdf" in loc's language,
// made safe; an unnamed company and a date that is not one are named for
// the reader (with today's date).
func proposedName(company, date string, loc *locales.Localizer, today time.Time) string {
	company = strings.TrimSpace(company)
	if company == "" {
		company = loc.T("ui.reportstep.untitled")
	}
	if _, err := validate.ParseDate(date); err != nil {
		date = today.Format(validate.DateLayout)
	}
	return safeName(loc.Tf("ui.reportstep.file_name", map[string]any{"Company": company, "Date": date})) + ".pdf"
}

// outputName is the typed file name made safe, with ".pdf"; the one
// proposed for company and date when nothing usable was typed.
func outputName(typed, company, date string, loc *locales.Localizer, today time.Time) string {
	name := strings.TrimSpace(typed)
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		name = name[:len(name)-4]
	}
	if name = safeName(name); name == "" {
		return proposedName(company, date, loc, today)
	}
	return name + ".pdf"
}

// safeName replaces what Windows refuses in file names
// (<>:"/\|?* and control characters) with "-", and drops the trailing dots
// and spaces it strips, keeping names at a length every system accepts.
func safeName(name string) string {
	var b strings.Builder
	n := 0
	for _, r := range name {
		if n == 150 {
			break
		}
		switch {
		case unicode.IsSpace(r):
			r = ' '
		case strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r):
			r = '-'
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), ". ")
}
