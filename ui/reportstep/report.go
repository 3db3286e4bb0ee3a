package reportstep

import (
	"context"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// FolderName is the folder in Documents that plans are saved in.
const FolderName = "POMI Planner"

// The papers a plan can be printed on, in the select's order.
var papers = []string{report.PaperA4, report.PaperLetter}

// Step is step 9: the plan as a PDF, in a language and on paper of
// the advisor's choice, with the company's logo.
func Step() session.Step {
	return session.Step{ID: "report", TitleID: "ui.step.report", Build: func(s *session.Session) session.StepView { return NewView(s) }}
}

// view is the report step. Export writes the PDF; the workspace
// binds Ctrl+E to it through interface{ Export() }.
type view struct {
	s     *session.Session
	langs []string

	language  *widget.Select
	paper     *widget.Select
	logo      []byte
	logoImage *canvas.Image
	LogoNote  *widget.Label
	logoPick  *widget.Button
	logoDrop  *widget.Button
	folder    string
	folderBox *widget.Label
	fileName  *widget.Entry
	// nameEdited is true once the user has typed a file name, which a
	// change of language then leaves alone.
	nameEdited  bool
	settingName bool

	export   *widget.Button
	progress *widget.ProgressBarInfinite
	Result   *widget.Label
	Problem  *widget.Label
	warnings *widget.Label
	outcome  *fyne.Container
	busy     bool
	content  fyne.CanvasObject

	// The buttons that print, e-mail, open or show the saved plan, and
	// what came of the last one.
	open      *widget.Button
	reveal    *widget.Button
	print     *widget.Button
	mail      *widget.Button
	shareNote *widget.Label
	buttons   *fyne.Container
	// noteReveal, under the note in noteActions, shows the plan in its
	// folder when the note asks the user to attach it by hand.
	noteReveal  *widget.Button
	noteActions *fyne.Container
	// saved is the last plan written and savedLang its language, which
	// the e-mail about it is written in.
	saved     string
	savedLang string
	// settingsLang is the report language saved in Settings, "" until
	// they are read or when none was saved.
	settingsLang string
}

func NewView(s *session.Session) *view {
	v := &view{s: s, langs: locales.Languages()}
	v.buildUI()
	v.SetFolder(v.defaultFolder())
	v.load()
	return v
}

// Content is the step's canvas object.
func (v *view) Content() fyne.CanvasObject { return v.content }

func (v *view) buildUI() {
	loc := v.s.Loc
	intro := widget.NewLabel(loc.T("ui.reportstep.intro"))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro)
	if !hasAgreedActions(v.s.Assessment()) {
		note := widget.NewLabel(loc.T("ui.reportstep.suggested_note"))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		top.Add(note)
	}
	v.language = widget.NewSelect(v.languageNames(), func(string) { v.defaultName() })
	v.paper = widget.NewSelect([]string{loc.T("ui.reportstep.paper.a4"), loc.T("ui.reportstep.paper.letter")}, nil)
	v.fileName = widget.NewEntry()
	v.fileName.OnChanged = func(string) {
		if !v.settingName {
			v.nameEdited = true
		}
	}
	v.folderBox = widget.NewLabel("")
	v.folderBox.Wrapping = fyne.TextWrapBreak
	change := widget.NewButtonWithIcon(loc.T("ui.reportstep.change_folder"), theme.FolderOpenIcon(), v.AskFolder)
	form := widget.NewForm(
		widget.NewFormItem(loc.T("ui.reportstep.language"), v.language),
		widget.NewFormItem(loc.T("ui.reportstep.paper"), v.paper),
		widget.NewFormItem(loc.T("ui.reportstep.logo"), v.logoPart()),
		widget.NewFormItem(loc.T("ui.reportstep.folder"), container.NewBorder(nil, nil, nil, change, v.folderBox)),
		widget.NewFormItem(loc.T("ui.reportstep.file"), v.fileName),
	)
	v.export = widget.NewButtonWithIcon(loc.T("ui.reportstep.export"), theme.DocumentSaveIcon(), v.Export)
	v.export.Importance = widget.HighImportance
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Stop()
	v.progress.Hide()
	top.Add(form)
	top.Add(container.NewHBox(v.export, layout.NewSpacer()))
	top.Add(v.progress)
	top.Add(v.resultPart())
	v.content = container.NewVScroll(top)
}

func (v *view) logoPart() fyne.CanvasObject {
	loc := v.s.Loc
	v.logoImage = canvas.NewImageFromResource(nil)
	v.logoImage.FillMode = canvas.ImageFillContain
	v.logoImage.SetMinSize(fyne.NewSize(120, 60))
	v.logoImage.Hide()
	v.LogoNote = widget.NewLabel("")
	v.LogoNote.Wrapping = fyne.TextWrapWord
	v.logoPick = widget.NewButtonWithIcon(loc.T("ui.reportstep.logo_choose"), theme.FileImageIcon(), v.AskLogo)
	v.logoDrop = widget.NewButtonWithIcon(loc.T("ui.reportstep.logo_remove"), theme.DeleteIcon(), v.RemoveLogo)
	v.logoDrop.Disable()
	buttons := container.NewHBox(v.logoPick, v.logoDrop)
	return container.NewVBox(container.NewHBox(v.logoImage, container.NewCenter(buttons)), v.LogoNote)
}

func (v *view) resultPart() fyne.CanvasObject {
	v.Result = widget.NewLabel("")
	v.Result.Wrapping = fyne.TextWrapBreak
	v.Result.Importance = widget.SuccessImportance
	v.Problem = widget.NewLabel("")
	v.Problem.Wrapping = fyne.TextWrapWord
	v.Problem.Importance = widget.DangerImportance
	v.warnings = widget.NewLabel("")
	v.warnings.Wrapping = fyne.TextWrapWord
	v.warnings.Importance = widget.WarningImportance
	buttons := v.shareButtons()
	for _, o := range []fyne.CanvasObject{v.Result, v.Problem, v.warnings, buttons} {
		o.Hide()
	}
	v.outcome = container.NewVBox(v.Result, buttons, v.warnings, v.Problem)
	return v.outcome
}

// load reads the saved defaults and the company's logo off the UI thread.
func (v *view) load() {
	var settings *app.Settings
	var logo []byte
	var err error
	id := v.s.CompanyID()
	v.s.Deps.Async(func() {
		ctx := context.Background()
		if settings, err = v.s.Store.Settings(ctx); err != nil {
			kit.LogError("read settings for the report", err)
			settings = &app.Settings{}
		}
		logo, err = v.s.Store.Logo(ctx, id)
		kit.LogError("read the company's logo", err)
	}, func() {
		v.setDefaults(settings)
		v.showLogo(logo)
	})
}

// setDefaults chooses the language app.PlanLanguage gives when none is
// chosen (the saved report language, else the UI's) and the saved paper.
func (v *view) setDefaults(st *app.Settings) {
	v.settingsLang = st.ReportLanguage
	lang := app.PlanLanguage("", v.settingsLang, v.s.Loc.Lang(), locales.Supported)
	for k, l := range v.langs {
		if l == lang {
			v.language.SetSelectedIndex(k)
		}
	}
	if v.language.SelectedIndex() < 0 && len(v.langs) > 0 {
		v.language.SetSelectedIndex(0)
	}
	v.paper.SetSelectedIndex(0)
	if st.PaperSize == report.PaperLetter {
		v.paper.SetSelectedIndex(1)
	}
	v.defaultName()
}

func (v *view) languageNames() []string {
	names := make([]string, len(v.langs))
	for k, l := range v.langs {
		names[k] = v.s.Loc.T("language." + l + ".name")
	}
	return names
}

// chosenLanguage is the language selected for the plan, "" when none is.
func (v *view) chosenLanguage() string {
	if k := v.language.SelectedIndex(); k >= 0 {
		return v.langs[k]
	}
	return ""
}

// reportLanguage is the language the plan will be in, by the one rule
// app.PlanLanguage that MakePlan also follows when Export makes it: the
// chosen one, else the saved report language, else the UI's.
func (v *view) reportLanguage() string {
	return app.PlanLanguage(v.chosenLanguage(), v.settingsLang, v.s.Loc.Lang(), locales.Supported)
}

func (v *view) paperSize() string {
	if k := v.paper.SelectedIndex(); k >= 0 {
		return papers[k]
	}
	return report.PaperA4
}

func hasAgreedActions(a *app.Assessment) bool {
	for _, act := range a.Actions {
		if act.Status != app.ActionDismissed {
			return true
		}
	}
	return false
}
