package workspace

import (
	"fmt"

	"github.com/pomi-planner/pomi/ui/actions"
	"github.com/pomi-planner/pomi/ui/history"
	"github.com/pomi-planner/pomi/ui/markets"
	"github.com/pomi-planner/pomi/ui/profile"
	"github.com/pomi-planner/pomi/ui/ratings"
	"github.com/pomi-planner/pomi/ui/reportstep"
	"github.com/pomi-planner/pomi/ui/results"
	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// steps lists the steps in order; each is defined beside its view.
func steps() []session.Step {
	return []session.Step{
		profile.Step(), markets.ModesStep(), ratings.CompetencesStep(), ratings.StatementsStep(), ratings.BarriersStep(),
		ratings.ChecklistStep(), results.Step(), actions.Step(), reportstep.Step(), history.Step(),
	}
}

// Workspace is a company open for assessment: the steps on the left with how
// complete each is, the chosen step on the right, and a quiet save indicator.
type Workspace struct {
	session *session.Session
	steps   []session.Step
	current int
	view    session.StepView
	// OnBack returns to the company list, after the session is saved.
	OnBack func()

	title   *widget.Label
	Saved   *widget.Label
	overall *widget.ProgressBar
	list    *widget.List
	body    *fyne.Container
	prev    *widget.Button
	Next    *widget.Button
	content fyne.CanvasObject
}

// NewWorkspace builds the workspace over an open session, at step 0.
func NewWorkspace(s *session.Session) *Workspace {
	ws := &Workspace{session: s, steps: steps(), current: -1}
	loc := s.Loc
	ws.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ws.title.Truncation = fyne.TextTruncateEllipsis
	ws.Saved = widget.NewLabel("")
	back := widget.NewButtonWithIcon(loc.T("ui.workspace.back"), theme.NavigateBackIcon(), ws.Back)
	header := container.NewBorder(nil, nil, back, ws.Saved, ws.title)
	ws.overall = widget.NewProgressBar()
	ws.overall.TextFormatter = func() string {
		return loc.Tf("ui.workspace.complete", map[string]any{"Percent": fmt.Sprintf("%.0f", ws.overall.Value*100)})
	}
	ws.list = widget.NewList(func() int { return len(ws.steps) }, ws.newStepRow, ws.updateStepRow)
	ws.list.OnSelected = func(id widget.ListItemID) { ws.Show(id) }
	side := container.NewBorder(ws.overall, nil, nil, nil, ws.list)
	ws.prev = widget.NewButtonWithIcon(loc.T("ui.workspace.previous"), theme.NavigateBackIcon(), func() { ws.Show(ws.current - 1) })
	ws.Next = widget.NewButtonWithIcon(loc.T("ui.workspace.next"), theme.NavigateNextIcon(), func() { ws.Show(ws.current + 1) })
	ws.Next.IconPlacement = widget.ButtonIconTrailingText
	ws.body = container.NewStack()
	main := container.NewBorder(nil, container.NewHBox(ws.prev, layout.NewSpacer(), ws.Next), nil, nil, ws.body)
	split := container.NewHSplit(side, main)
	split.Offset = 0.27
	ws.content = container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, split)
	s.OnChange(ws.refreshProgress)
	s.OnState(ws.showState)
	ws.refreshHeader()
	ws.refreshProgress()
	ws.list.Select(0)
	return ws
}

// Content is the workspace's canvas object.
func (ws *Workspace) Content() fyne.CanvasObject { return ws.content }

// Session is the open company.
func (ws *Workspace) Session() *session.Session { return ws.session }

// Current is the index of the step shown.
func (ws *Workspace) Current() int { return ws.current }

// View is the view of the step shown.
func (ws *Workspace) View() session.StepView { return ws.view }

// Steps lists the workspace's steps in order.
func (ws *Workspace) Steps() []session.Step { return ws.steps }

// ShowStep shows the step with id, e.g. "results"; false when there is none.
func (ws *Workspace) ShowStep(id string) bool {
	for i, st := range ws.steps {
		if st.ID == id {
			ws.list.Select(i)
			return true
		}
	}
	return false
}

// Show builds and shows step i.
func (ws *Workspace) Show(i int) {
	if i < 0 || i >= len(ws.steps) {
		return
	}
	if i != ws.current {
		ws.current = i
		ws.list.Select(i) // re-enters Show with i == current
	}
	ws.view = ws.steps[i].Build(ws.session)
	ws.body.Objects = []fyne.CanvasObject{ws.view.Content()}
	ws.body.Refresh()
	ws.prev.Disable()
	if i > 0 {
		ws.prev.Enable()
	}
	ws.Next.Disable()
	if i < len(ws.steps)-1 {
		ws.Next.Enable()
	}
	ws.refreshHeader()
}

// Back saves and returns to the company list.
func (ws *Workspace) Back() {
	if err := ws.session.Flush(); err != nil {
		return // the indicator says it could not save; stay with the work
	}
	if ws.OnBack != nil {
		ws.OnBack()
	}
}

func (ws *Workspace) refreshHeader() {
	s := ws.session
	when := s.Assessment().When()
	text := s.Loc.T("ui.workspace.assessment_new")
	if !when.IsZero() {
		text = s.Loc.Tf("ui.workspace.assessment_of", map[string]any{"Date": s.Loc.DateLong(when)})
	}
	// One truncating line: a long company name must not push the save
	// indicator out of the window.
	ws.title.SetText(s.Company().Name + " " + text)
}

func (ws *Workspace) showState(st session.SaveState) {
	ids := map[session.SaveState]string{session.SavePending: "ui.workspace.saving", session.SaveDone: "ui.workspace.saved", session.SaveFailed: "ui.workspace.save_failed"}
	ws.Saved.Importance = widget.MediumImportance
	if st == session.SaveFailed {
		ws.Saved.Importance = widget.DangerImportance
	}
	text := ""
	if id, ok := ids[st]; ok {
		text = ws.session.Loc.T(id)
	}
	ws.Saved.SetText(text)
}

// Completeness is the share of the counted items filled in, 0–1.
func (ws *Workspace) Completeness() float64 {
	done, total := 0, 0
	for _, st := range ws.steps {
		if st.Progress == nil {
			continue
		}
		d, t := st.Progress(ws.session)
		done, total = done+d, total+t
	}
	if total == 0 {
		return 0
	}
	return float64(done) / float64(total)
}

func (ws *Workspace) refreshProgress() {
	ws.overall.SetValue(ws.Completeness())
	ws.list.Refresh()
	ws.refreshHeader()
}

func (ws *Workspace) newStepRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.Truncation = fyne.TextTruncateEllipsis
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, widget.NewIcon(nil), count, title)
}

func (ws *Workspace) updateStepRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(ws.steps) {
		return
	}
	st := ws.steps[id]
	row := obj.(*fyne.Container)
	title, icon, count := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon), row.Objects[2].(*widget.Label)
	title.SetText(fmt.Sprintf("%d. %s", id+1, ws.session.Loc.T(st.TitleID)))
	icon.SetResource(nil)
	count.SetText("")
	if st.Progress == nil {
		return
	}
	done, total := st.Progress(ws.session)
	if total == 0 {
		return
	}
	count.SetText(fmt.Sprintf("%d/%d", done, total))
	icon.SetResource(theme.RadioButtonIcon())
	if done >= total {
		icon.SetResource(theme.ConfirmIcon())
	}
}
