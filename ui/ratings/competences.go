package ratings

import (
	"strings"

	"github.com/pomi-planner/pomi/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// CompetencesStep is step 3: the company rates Katwalo's fifteen competences,
// those its entry modes require first.
func CompetencesStep() session.Step {
	return session.Step{
		ID: "competences", TitleID: "ui.step.competences",
		Build:    func(s *session.Session) session.StepView { return newCompetencesView(s) },
		Progress: competencesProgress,
	}
}

// competencesProgress counts the competences rated, "don't know" included.
func competencesProgress(s *session.Session) (int, int) {
	return app.CompetencesProgress(s.Data, s.Assessment())
}

func competenceIDs(d *ref.Data) []string {
	return itemIDs(d.Competences, func(c ref.Competence) string { return c.ID })
}

// competencesView rates the competences. The competences the chosen modes
// require come first, each naming those modes; the others follow.
type competencesView struct {
	s        *session.Session
	progress *widget.Label
	// order is the competence ids as shown; required maps a required
	// competence to the modes that require it.
	order    []string
	required map[string][]string
	controls map[string]*control
	content  fyne.CanvasObject
}

// newCompetencesView builds the view over the session's assessment.
func newCompetencesView(s *session.Session) *competencesView {
	v := &competencesView{s: s, progress: widget.NewLabel(""), required: map[string][]string{},
		controls: map[string]*control{}}
	var requiredIDs []string
	for _, g := range app.RequiredCompetences(s.Data, s.Assessment()) {
		v.required[g.Competence] = g.Modes
	}
	var others []string
	// Reference order, not gap order: the list must not reshuffle between
	// visits as ratings change.
	for _, id := range competenceIDs(s.Data) {
		if _, ok := v.required[id]; ok {
			requiredIDs = append(requiredIDs, id)
		} else {
			others = append(others, id)
		}
	}
	v.order = append(requiredIDs, others...)
	loc := s.Loc
	header := header(v.progress, loc.T("ui.competences.intro"),
		loc.Tf("ui.competences.scale", map[string]any{"Level": app.RequiredLevel}))
	var items []fyne.CanvasObject
	if len(requiredIDs) == 0 {
		items = append(items, note(loc.T("ui.competences.no_modes")), heading(loc.T("ui.competences.all_heading")))
	} else {
		items = append(items, heading(loc.T("ui.competences.required_heading")))
	}
	for i, id := range v.order {
		if i == len(requiredIDs) && i > 0 {
			items = append(items, heading(loc.T("ui.competences.others_heading")))
		}
		items = append(items, v.row(id), widget.NewSeparator())
	}
	v.content = page(header, items...)
	v.refresh()
	return v
}

// Content is the view's canvas object.
func (v *competencesView) Content() fyne.CanvasObject { return v.content }

// Order is the competence ids in the order shown, required ones first.
func (v *competencesView) Order() []string { return v.order }

// RequiredBy names the modes that require competence id, nil when none does.
func (v *competencesView) RequiredBy(id string) []string { return v.required[id] }

func (v *competencesView) row(id string) fyne.CanvasObject {
	loc := v.s.Loc
	modes, required := v.required[id]
	// A required competence is emphasised in weight and words, not colour alone.
	paras := []*widget.TextSegment{para(loc.T(ref.CompetenceName(id)), required, theme.ColorNameForeground)}
	if required {
		req := loc.Tf("ui.competences.required_for", map[string]any{"Modes": v.modeNames(modes)})
		paras = append(paras, para(req, false, theme.ColorNamePrimary))
	}
	paras = append(paras, para(loc.T(ref.CompetenceWhy(id)), false, theme.ColorNamePlaceHolder))
	box := container.NewVBox(block(paras...))
	value, set := v.s.Assessment().CompetenceRatings[id]
	c := newControl(loc, value, set, func(r int, set bool) { v.rate(id, r, set) })
	v.controls[id] = c
	box.Add(c.box)
	return box
}

func (v *competencesView) modeNames(modes []string) string {
	names := make([]string, len(modes))
	for i, m := range modes {
		names[i] = v.s.Loc.T(ref.ModeName(m))
	}
	return strings.Join(names, ", ")
}

// rate stores a rating 1–5 or app.DontKnow, or removes it when set is false.
func (v *competencesView) rate(id string, r int, set bool) {
	v.s.EditAssessment(func(a *app.Assessment) {
		a.CompetenceRatings = put(a.CompetenceRatings, id, r, set)
	})
	v.refresh()
}

func (v *competencesView) refresh() {
	done, total := competencesProgress(v.s)
	v.progress.SetText(v.s.Loc.Tf("ui.rating.progress", map[string]any{"Done": done, "Total": total}))
}
