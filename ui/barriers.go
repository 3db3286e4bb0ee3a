package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// barriersStep is step 5: the barriers the company feels, and how strongly.
//
// It counts nothing towards completeness (Progress total 0): a barrier not
// felt is simply absent, so an empty answer is as complete as a full one,
// and the assessment has no field in which to record "no barriers" apart.
func barriersStep() Step {
	return Step{
		ID: "barriers", TitleID: "ui.step.barriers",
		Build:    func(s *Session) StepView { return NewBarriersView(s) },
		Progress: func(*Session) (int, int) { return 0, 0 },
	}
}

// barrierWeights are the weights in the order the options are shown; 0 is
// "not at all", stored as no entry.
var barrierWeights = []int{0, app.BarrierSlight, app.BarrierClear, app.BarrierStrong}

// barrierWeightIDs are the message ids of the options, by weight.
var barrierWeightIDs = []string{"ui.barriers.none", "ui.barriers.slight", "ui.barriers.clear", "ui.barriers.strong"}

// BarriersView asks how strongly each of the ten barriers is felt, in the
// order SMEs rank them, each with its rank as a hint.
type BarriersView struct {
	s       *Session
	count   *widget.Label
	options []string
	groups  map[string]*widget.RadioGroup
	content fyne.CanvasObject
}

// NewBarriersView builds the view over the session's assessment.
func NewBarriersView(s *Session) *BarriersView {
	v := &BarriersView{s: s, count: widget.NewLabel(""), groups: map[string]*widget.RadioGroup{}}
	loc := s.Loc
	for _, id := range barrierWeightIDs {
		v.options = append(v.options, loc.T(id))
	}
	header := ratingHeader(v.count, loc.T("ui.barriers.intro"))
	var items []fyne.CanvasObject
	for _, b := range s.Data.Barriers {
		items = append(items, v.row(b), widget.NewSeparator())
	}
	items = append(items, ratingNote(loc.T("report.barriers.legend")))
	v.content = ratingPage(header, items...)
	v.refresh()
	return v
}

// Content is the view's canvas object.
func (v *BarriersView) Content() fyne.CanvasObject { return v.content }

func (v *BarriersView) row(b ref.Barrier) fyne.CanvasObject {
	loc := v.s.Loc
	paras := []*widget.TextSegment{ratingPara(loc.T(ref.BarrierName(b.ID)), true, theme.ColorNameForeground)}
	if b.Rank > 0 {
		rank := loc.Tf("report.barriers.rank", map[string]any{"Rank": b.Rank})
		paras = append(paras, ratingPara(rank, false, theme.ColorNamePlaceHolder))
	}
	box := container.NewVBox(ratingBlock(paras...))
	g := widget.NewRadioGroup(v.options, func(option string) { v.feel(b.ID, option) })
	g.Horizontal = true
	g.Required = true // "not at all" is the way to take a barrier back
	g.Selected = v.options[v.weightIndex(v.s.Assessment().Barriers[b.ID])]
	v.groups[b.ID] = g
	box.Add(g)
	return box
}

func (v *BarriersView) weightIndex(w int) int {
	for i, x := range barrierWeights {
		if x == w {
			return i
		}
	}
	return 0
}

// feel stores how strongly a barrier is felt; "not at all" removes it.
func (v *BarriersView) feel(id, option string) {
	w := 0
	for i, o := range v.options {
		if o == option {
			w = barrierWeights[i]
		}
	}
	v.s.EditAssessment(func(a *app.Assessment) {
		a.Barriers = ratingPut(a.Barriers, id, w, w != 0)
	})
	v.refresh()
}

func (v *BarriersView) refresh() {
	n := ratingCount(v.s.Assessment().Barriers, ratingItemIDs(v.s.Data.Barriers, func(b ref.Barrier) string { return b.ID }))
	if n == 0 {
		v.count.SetText(v.s.Loc.T("ui.barriers.felt_none"))
		return
	}
	v.count.SetText(v.s.Loc.N("ui.barriers.felt", n, nil))
}
