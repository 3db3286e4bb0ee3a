package ratings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pomi-planner/pomi/ui/session"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// BarriersStep is step 5: the barriers the company feels, and how strongly.
//
// It counts nothing towards completeness (Progress total 0): a barrier not
// felt is simply absent, so an empty answer is as complete as a full one,
// and the assessment has no field in which to record "no barriers" apart.
func BarriersStep() session.Step {
	return session.Step{
		ID: "barriers", TitleID: "ui.step.barriers",
		Build:    func(s *session.Session) session.StepView { return newBarriersView(s) },
		Progress: func(*session.Session) (int, int) { return 0, 0 },
	}
}

// barrierWeights are the weights in the order the options are shown; 0 is
// "not at all", stored as no entry.
var barrierWeights = []int{0, app.BarrierSlight, app.BarrierClear, app.BarrierStrong}

// barrierWeightIDs are the message ids of the options, by weight.
var barrierWeightIDs = []string{"ui.barriers.none", "ui.barriers.slight", "ui.barriers.clear", "ui.barriers.strong"}

// barriersView asks how strongly each of the ten barriers is felt, in the
// order SMEs rank them, each with its rank as a hint.
type barriersView struct {
	s       *session.Session
	count   *widget.Label
	options []string
	groups  map[string]*widget.RadioGroup
	content fyne.CanvasObject
}

// newBarriersView builds the view over the session's assessment.
func newBarriersView(s *session.Session) *barriersView {
	v := &barriersView{s: s, count: widget.NewLabel(""), groups: map[string]*widget.RadioGroup{}}
	loc := s.Loc
	for _, id := range barrierWeightIDs {
		v.options = append(v.options, loc.T(id))
	}
	header := header(v.count, loc.T("ui.barriers.intro"))
	var items []fyne.CanvasObject
	for _, b := range s.Data.Barriers {
		items = append(items, v.row(b), widget.NewSeparator())
	}
	items = append(items, note(loc.T("report.barriers.legend")))
	v.content = page(header, items...)
	v.refresh()
	return v
}

// Content is the view's canvas object.
func (v *barriersView) Content() fyne.CanvasObject { return v.content }

func (v *barriersView) row(b ref.Barrier) fyne.CanvasObject {
	loc := v.s.Loc
	paras := []*widget.TextSegment{para(loc.T(ref.BarrierName(b.ID)), true, theme.ColorNameForeground)}
	if b.Rank > 0 {
		rank := loc.Tf("report.barriers.rank", map[string]any{"Rank": b.Rank})
		paras = append(paras, para(rank, false, theme.ColorNamePlaceHolder))
	}
	box := container.NewVBox(block(paras...))
	g := widget.NewRadioGroup(v.options, func(option string) { v.feel(b.ID, option) })
	g.Horizontal = true
	g.Required = true // "not at all" is the way to take a barrier back
	g.Selected = v.options[v.weightIndex(v.s.Assessment().Barriers[b.ID])]
	v.groups[b.ID] = g
	box.Add(g)
	return box
}

func (v *barriersView) weightIndex(w int) int {
	for i, x := range barrierWeights {
		if x == w {
			return i
		}
	}
	return 0
}

// feel stores how strongly a barrier is felt; "not at all" removes it.
func (v *barriersView) feel(id, option string) {
	w := 0
	for i, o := range v.options {
		if o == option {
			w = barrierWeights[i]
		}
	}
	v.s.EditAssessment(func(a *app.Assessment) {
		a.Barriers = put(a.Barriers, id, w, w != 0)
	})
	v.refresh()
}

func (v *barriersView) refresh() {
	n := count(v.s.Assessment().Barriers, itemIDs(v.s.Data.Barriers, func(b ref.Barrier) string { return b.ID }))
	if n == 0 {
		v.count.SetText(v.s.Loc.T("ui.barriers.felt_none"))
		return
	}
	v.count.SetText(v.s.Loc.N("ui.barriers.felt", n, nil))
}
