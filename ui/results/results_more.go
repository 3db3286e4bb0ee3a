package results

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// benchmarkSection sets the company beside Swedish companies of its size
// class and all companies (report Table 1), as the PDF does.
func (v *view) benchmarkSection() fyne.CanvasObject {
	d, c := v.s.Data, v.s.Company()
	box := container.NewVBox(lead(v.tr.T("report.benchmark.lead")))
	class := d.SizeFiguresFor(c.SizeClass())
	if class == nil {
		box.Add(Wrapped(v.tr.T("report.benchmark.no_size"), fyne.TextStyle{Italic: true}))
	}
	weights := []float32{2.6, 1.2}
	header := []string{v.tr.T("report.col.measure"), v.tr.T("report.col.company")}
	var figures []*ref.SizeFigures
	for _, f := range []*ref.SizeFigures{class, d.SizeFiguresFor("all")} {
		if f != nil && (len(figures) == 0 || figures[0] != f) {
			figures = append(figures, f)
			weights = append(weights, 1.4)
			header = append(header, v.tr.T(ref.VocabName("sizeclass", f.SizeClass)))
		}
	}
	exportShare, exports := "–", v.tr.T("report.benchmark.no")
	if c.ExportShare != nil {
		exportShare = v.s.Loc.Percent(*c.ExportShare, 0)
	}
	if c.Exports() {
		exports = v.tr.T("report.benchmark.yes")
	}
	loc := v.s.Loc
	rows := [][]fyne.CanvasObject{
		v.figureRow("report.benchmark.export_share", exportShare, figures, func(f *ref.SizeFigures) string { return loc.Percent(f.ExportIntensity, 1) }),
		v.figureRow("report.benchmark.markets", v.num(float64(len(c.CurrentMarkets))), figures, func(f *ref.SizeFigures) string { return loc.Number(f.ExportDestinations, 1) }),
		v.figureRow("report.benchmark.exporters", exports, figures, func(f *ref.SizeFigures) string { return loc.Percent(f.ShareOfExporters, 1) }),
	}
	v.benchmark = Table(weights, header, rows)
	ctx := d.Context
	box.Add(v.benchmark)
	box.Add(muted(v.tr.Tf("report.benchmark.source", map[string]any{
		"Year": ctx.SizeClassesYear, "Source": app.FormatCitation(ctx.SizeClassesSource, v.tr)})))
	return box
}

func (v *view) figureRow(label, company string, figures []*ref.SizeFigures, value func(*ref.SizeFigures) string) []fyne.CanvasObject {
	row := []fyne.CanvasObject{Wrapped(v.tr.T(label), fyne.TextStyle{}), Wrapped(company, fyne.TextStyle{Bold: true})}
	for _, f := range figures {
		row = append(row, Wrapped(value(f), fyne.TextStyle{}))
	}
	return row
}

// barriersSection lists the felt barriers, strongest first, each with how
// strongly it is felt (a word on the scale) and its rank among SMEs.
func (v *view) barriersSection() fyne.CanvasObject {
	if len(v.words.Barriers) == 0 {
		return Wrapped(v.tr.T("report.barriers.none"), fyne.TextStyle{})
	}
	var rows [][]fyne.CanvasObject
	for _, b := range v.words.Barriers {
		weight := min(max(b.Weight, app.BarrierSlight), app.BarrierStrong)
		rows = append(rows, []fyne.CanvasObject{
			named(b.Name, v.tr.Tf("report.barriers.rank", map[string]any{"Rank": b.Rank})),
			swatch(scale[weight], v.tr.T("report.barriers.weight."+app.BarrierWeightName(weight))),
		})
	}
	v.barriers = Table([]float32{5, 1.3}, []string{v.tr.T("report.col.barrier"), v.tr.T("report.col.felt")}, rows)
	return container.NewVBox(v.barriers, muted(v.tr.T("report.barriers.legend")))
}

// recommendationsSection shows the strongest recommendations: what, why,
// who and when, and the support organisations that help, linked to their
// web sites.
func (v *view) recommendationsSection() fyne.CanvasObject {
	recs := v.words.Recommendations
	if len(recs) == 0 {
		return Wrapped(v.tr.T("report.recs.none"), fyne.TextStyle{})
	}
	v.recs = container.NewVBox()
	for _, r := range recs[:min(len(recs), topRecommendations)] {
		v.recs.Add(v.recommendation(r))
	}
	return container.NewVBox(lead(v.tr.Tf("ui.results.recs.lead", map[string]any{"Step": v.tr.T("ui.step.actions")})), v.recs)
}

func (v *view) recommendation(r app.ExplainedRecommendation) fyne.CanvasObject {
	box := container.NewVBox(
		Wrapped(r.Title, fyne.TextStyle{Bold: true}),
		Wrapped(r.Body, fyne.TextStyle{}),
		lead(v.tr.Tf("ui.results.recs.meta", map[string]any{
			"Dimension": v.tr.T(ref.DimensionName(r.Dimension)), "Owner": r.Owner, "When": r.When})),
	)
	why := container.NewVBox(Wrapped(v.tr.T("report.col.why"), fyne.TextStyle{Bold: true}))
	for _, w := range r.Why {
		why.Add(Wrapped("• "+w, fyne.TextStyle{}))
	}
	help := container.NewVBox(Wrapped(v.tr.T("report.col.help"), fyne.TextStyle{Bold: true}))
	for _, h := range r.Helpers {
		help.Add(actorLink(h))
	}
	if len(r.Helpers) == 0 {
		help.Add(muted(v.tr.T("ui.results.recs.no_actor")))
	}
	box.Add(container.New(&GridLayout{Weights: []float32{3, 2}}, why, help))
	return container.NewVBox(box, widget.NewSeparator())
}

// actorLink is the actor's name linking to its web site, or the name
// alone when the address does not parse.
func actorLink(a app.ExplainedActor) fyne.CanvasObject {
	u, err := url.Parse(a.URL)
	if err != nil || a.URL == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return Wrapped(a.Name, fyne.TextStyle{})
	}
	link := widget.NewHyperlink(a.Name, u)
	link.Wrapping = fyne.TextWrapWord
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()),
		link, muted(strings.TrimPrefix(u.Host, "www.")))
}
