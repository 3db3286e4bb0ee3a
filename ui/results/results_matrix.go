package results

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// matrixSection is the competence × entry mode gap matrix with its legend,
// or a pointer to the modes step when no mode is chosen.
func (v *view) matrixSection() fyne.CanvasObject {
	if len(v.s.Assessment().Modes) == 0 {
		return Wrapped(v.tr.Tf("ui.results.matrix.none", map[string]any{"Step": v.tr.T("ui.step.modes")}), fyne.TextStyle{})
	}
	v.matrix = v.gapMatrix()
	return container.NewVBox(lead(v.tr.T("report.modes.lead")), v.matrix, v.matrixLegend(),
		muted(v.tr.T("report.modes.legend_source")))
}

// gapMatrix has a row per required competence, in priority order, and a
// column per chosen mode; a cell where the mode needs the competence shows
// the gap on the colour scale with the rating and the level required.
func (v *view) gapMatrix() *fyne.Container {
	modes := v.s.Assessment().Modes
	weights := []float32{2.4}
	header := []string{v.tr.T("report.col.competence")}
	for _, m := range modes {
		weights = append(weights, 1.3)
		title := v.tr.Tf("report.mode_with_status", map[string]any{
			"Name": v.tr.T(ref.ModeName(m.Mode)), "Status": v.tr.T("report.mode_status." + m.Status)})
		if mode := v.s.Data.Mode(m.Mode); mode != nil && mode.Source == ref.SourceProject {
			title += " *"
		}
		header = append(header, title)
	}
	var rows [][]fyne.CanvasObject
	for _, g := range v.words.RequiredCompetences {
		row := []fyne.CanvasObject{named(g.Name, v.tr.T(ref.DimensionName(g.Dimension)))}
		for _, m := range modes {
			row = append(row, v.matrixCell(g, m.Mode))
		}
		rows = append(rows, row)
	}
	return Table(weights, header, rows)
}

func (v *view) matrixCell(g app.ExplainedCompetence, mode string) fyne.CanvasObject {
	required := false
	for _, m := range g.Modes {
		required = required || m == mode
	}
	level := map[string]any{"Level": g.Required}
	switch {
	case !required:
		return muted("")
	case g.Rating == nil:
		return swatch(unknownFill, v.tr.T("ui.results.matrix.unrated"), v.tr.Tf("ui.results.matrix.needs", level))
	}
	return swatch(scale[min(*g.Gap, 3)],
		v.tr.Tf("ui.results.matrix.gap", map[string]any{"Gap": *g.Gap}),
		v.tr.Tf("ui.results.matrix.rated", map[string]any{"Rating": *g.Rating, "Level": g.Required}))
}

// matrixLegend explains the cells and the colour scale, each colour with
// its words; the swatches wrap onto more lines in a narrow window.
func (v *view) matrixLegend() fyne.CanvasObject {
	items := []fyne.CanvasObject{}
	for i := range scale {
		items = append(items, swatch(scale[i], v.tr.T(fmt.Sprintf("ui.results.matrix.step.%d", i))))
	}
	items = append(items, swatch(unknownFill, v.tr.T("ui.results.matrix.unrated")))
	cell := fyne.NewSize(0, 0)
	for _, it := range items {
		cell = cell.Max(it.MinSize())
	}
	return container.NewVBox(muted(v.tr.Tf("ui.results.matrix.legend", map[string]any{"Level": app.RequiredLevel})),
		container.NewGridWrap(cell.AddWidthHeight(2*theme.Padding(), 0), items...))
}
