package history

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/pomi-planner/pomi/ui/results"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// compareSection offers two choices, the latest two by default, and shows
// what moved between them; with one assessment it says a follow-up is needed.
func (v *view) compareSection() fyne.CanvasObject {
	loc := v.s.Loc
	v.comparison = container.NewVBox()
	if len(v.entries) < 2 {
		v.from, v.to = nil, nil
		return results.Wrapped(loc.T("ui.history.compare.needs_follow_up"), fyne.TextStyle{})
	}
	var labels []string
	for _, e := range v.entries {
		labels = append(labels, e.label)
	}
	v.from = widget.NewSelect(labels, func(string) { v.compare() })
	v.to = widget.NewSelect(labels, func(string) { v.compare() })
	v.from.SetSelectedIndex(1)
	v.to.SetSelectedIndex(0)
	v.compare()
	choices := container.New(&results.GridLayout{Weights: []float32{1, 1}},
		container.NewBorder(nil, nil, widget.NewLabel(loc.T("ui.history.compare.from")), nil, v.from),
		container.NewBorder(nil, nil, widget.NewLabel(loc.T("ui.history.compare.to")), nil, v.to))
	return container.NewVBox(choices, v.comparison)
}

// compare shows the comparison of the two chosen assessments.
func (v *view) compare() {
	if v.from == nil || v.to == nil || v.comparison == nil {
		return
	}
	i, j := v.from.SelectedIndex(), v.to.SelectedIndex()
	if i < 0 || j < 0 {
		return
	}
	loc := v.s.Loc
	if i == j {
		v.comparison.Objects = []fyne.CanvasObject{results.Wrapped(loc.T("ui.history.compare.same"), fyne.TextStyle{})}
		v.comparison.Refresh()
		return
	}
	cmp, err := app.Compare(v.s.Data, v.s.Company(), v.entries[i].a, v.entries[j].a)
	if err != nil {
		v.fail("compare assessments", "ui.history.error.compare", err)
		return
	}
	v.comparison.Objects = v.comparisonObjects(cmp)
	v.comparison.Refresh()
}

// comparisonObjects are the dimension changes, the competences whose gap
// changed and the actions done by the later assessment.
func (v *view) comparisonObjects(cmp *app.Comparison) []fyne.CanvasObject {
	loc := v.s.Loc
	dates := map[string]any{"From": date(v.s, cmp.From, false), "To": date(v.s, cmp.To, false)}
	objs := []fyne.CanvasObject{
		results.Wrapped(loc.Tf("ui.history.compare.between", dates), fyne.TextStyle{Bold: true}),
		v.dimensionChanges(cmp, dates),
		results.Wrapped(loc.T("ui.history.compare.competences"), fyne.TextStyle{Bold: true}),
		v.competenceChanges(cmp),
		results.Wrapped(loc.Tf("ui.history.compare.actions_done", dates), fyne.TextStyle{Bold: true}),
	}
	if len(cmp.ActionsDone) == 0 {
		objs = append(objs, results.Wrapped(loc.T("ui.history.compare.no_actions_done"), fyne.TextStyle{}))
	}
	for _, a := range cmp.ActionsDone {
		ea := app.ExplainAction(a, app.WithTexts(loc, results.Texts(v.s)))
		objs = append(objs, results.Wrapped("• "+ea.Title, fyne.TextStyle{}))
	}
	return append(objs, results.Wrapped(loc.N("ui.history.compare.actions_open", cmp.ActionsOpen, nil), fyne.TextStyle{Italic: true}))
}

// dimensionChanges is a table of each dimension's score before, after and
// the change with its sign.
func (v *view) dimensionChanges(cmp *app.Comparison, dates map[string]any) fyne.CanvasObject {
	loc := v.s.Loc
	score := func(x *float64) string {
		if x == nil {
			return loc.T("report.not_assessed")
		}
		return loc.Number(*x, 0)
	}
	var rows [][]fyne.CanvasObject
	for _, d := range cmp.Dimensions {
		rows = append(rows, []fyne.CanvasObject{
			results.Wrapped(loc.T(ref.DimensionName(d.Dimension)), fyne.TextStyle{Bold: true}),
			results.Wrapped(score(d.Before), fyne.TextStyle{}), results.Wrapped(score(d.After), fyne.TextStyle{}),
			results.Wrapped(results.Change(loc, d.Before, d.After), fyne.TextStyle{Bold: true}),
		})
	}
	return results.Table([]float32{3, 1.2, 1.2, 1.2}, []string{loc.T("report.col.dimension"),
		loc.Tf("ui.history.compare.score_on", map[string]any{"Date": dates["From"]}),
		loc.Tf("ui.history.compare.score_on", map[string]any{"Date": dates["To"]}),
		loc.T("ui.history.compare.change")}, rows)
}

// competenceChanges lists the competences whose gap to the required level
// changed, including ones rated on only one side.
func (v *view) competenceChanges(cmp *app.Comparison) fyne.CanvasObject {
	loc := v.s.Loc
	var rows [][]fyne.CanvasObject
	for _, c := range cmp.Competences {
		before, after := gap(c.Before), gap(c.After)
		if before != nil && after != nil && *before == *after {
			continue
		}
		rows = append(rows, []fyne.CanvasObject{
			results.Wrapped(loc.T(ref.CompetenceName(c.Competence)), fyne.TextStyle{Bold: true}),
			results.Wrapped(fromTo(v, c.Before, c.After), fyne.TextStyle{}),
			results.Wrapped(fromTo(v, before, after), fyne.TextStyle{Bold: true}),
		})
	}
	if len(rows) == 0 {
		return results.Wrapped(loc.T("ui.history.compare.no_competences"), fyne.TextStyle{})
	}
	return results.Table([]float32{3, 1.6, 1.6}, []string{loc.T("report.col.competence"),
		loc.T("ui.history.compare.rating"), loc.T("ui.history.compare.gap")}, rows)
}

// gap is a rating's gap to the required level, nil when unrated.
func gap(rating *int) *int {
	if rating == nil {
		return nil
	}
	g := max(0, app.RequiredLevel-*rating)
	return &g
}

// fromTo writes a level before and after, "2 till 3".
func fromTo(v *view, before, after *int) string {
	return v.s.Loc.Tf("ui.history.compare.from_to", map[string]any{"Before": level(v, before), "After": level(v, after)})
}

func level(v *view, x *int) string {
	if x == nil {
		return v.s.Loc.T("report.not_rated")
	}
	return v.s.Loc.Number(float64(*x), 0)
}
