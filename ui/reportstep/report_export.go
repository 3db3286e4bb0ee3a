package reportstep

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// Export saves the session, then writes the plan as a PDF off the UI thread
// and says where it went, or why not.
func (v *view) Export() {
	if v.busy {
		return
	}
	loc, err := locales.New(v.reportLanguage())
	if err != nil {
		kit.LogError("report language", err)
		loc = v.s.Loc
	}
	if err := v.s.Flush(); err != nil {
		// The plan is made from what the screen shows; the save indicator
		// already says that saving failed.
		kit.LogError("save before the report", err)
	}
	in := &report.Input{
		Company: session.Clone(*v.s.Company()), Assessment: session.Clone(*v.s.Assessment()), Previous: v.s.Previous(),
		Ref: v.s.Data, Texts: v.s.Texts(loc.Lang()), Paper: v.paperSize(), Created: time.Now(), Version: app.Version,
	}
	path := filepath.Join(v.folder, v.outputName(loc))
	v.setBusy(true)
	var warnings []report.Warning
	id := v.s.CompanyID()
	kit.RunAsync(func() {
		warnings, err = generate(context.Background(), v.s.Store, id, in, loc, path)
	}, func() {
		v.setBusy(false)
		v.showOutcome(path, warnings, err)
		if err == nil {
			v.savedLang = loc.Lang()
		}
	})
}

// generate completes in with the saved branding and the company's
// logo, makes the folder and writes the plan.
func generate(ctx context.Context, st kit.Store, id app.CompanyID, in *report.Input, loc *locales.Localizer, path string) ([]report.Warning, error) {
	settings, err := st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	in.Branding = settings.Branding
	if in.ClientLogo, err = st.Logo(ctx, id); err != nil {
		kit.LogError("read the company's logo for the report", err) // the plan is still worth making
	}
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
		kit.LogError("write the report to "+path, err)
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
// when there is no home folder.
func defaultFolder() string {
	docs, err := documentsDir()
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
	v.fileName.SetText(v.proposedName(loc))
	v.settingName = false
}

func (v *view) proposedName(loc *locales.Localizer) string {
	company := strings.TrimSpace(v.s.Company().Name)
	if company == "" {
		company = loc.T("ui.reportstep.untitled")
	}
	date := v.s.Assessment().Date
	if _, err := app.ParseDate(date); err != nil {
		date = time.Now().Format(app.DateLayout)
	}
	return safeName(loc.Tf("ui.reportstep.file_name", map[string]any{"Company": company, "Date": date})) + ".pdf"
}

// outputName is the typed file name made safe, with ".pdf"; the proposed
// one when nothing usable was typed.
func (v *view) outputName(loc *locales.Localizer) string {
	name := strings.TrimSpace(v.fileName.Text)
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		name = name[:len(name)-4]
	}
	if name = safeName(name); name == "" {
		return v.proposedName(loc)
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
