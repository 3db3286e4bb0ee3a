package help

import (
	"strings"

	"github.com/pomi-planner/pomi/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// screen is the help: the POMI model with its sources, the keyboard
// shortcuts, and what the program is and what it is built with.
type screen struct {
	loc  *locales.Localizer
	data *ref.Data
	tabs *container.AppTabs
}

// NewScreen returns the help in loc's language as three tabs: "The POMI
// model" (the four dimensions, how scores and gaps are computed, Katwalo's
// table of entry modes and competences, the sources — the same texts as the
// PDF's method section), "Keyboard shortcuts" and "About POMI Planner"
// (version, data folder, licences, the research behind the method). Each
// page scrolls. Build it again to change the language.
func NewScreen(loc *locales.Localizer, d *ref.Data) fyne.CanvasObject {
	return newScreen(loc, d).tabs
}

func newScreen(loc *locales.Localizer, d *ref.Data) *screen {
	h := &screen{loc: loc, data: d}
	h.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(loc.T("ui.help.tab.method"), theme.InfoIcon(), page(h.methodPage()...)),
		container.NewTabItemWithIcon(loc.T("ui.help.tab.shortcuts"), theme.ComputerIcon(), page(h.shortcutsPage()...)),
		container.NewTabItemWithIcon(loc.T("ui.help.tab.about"), theme.QuestionIcon(), page(h.aboutPage()...)),
	)
	return h
}

// methodPage says what the model is, how the numbers come about and where
// the knowledge comes from.
func (h *screen) methodPage() []fyne.CanvasObject {
	t := h.loc.T
	model := []widget.RichTextSegment{heading(t("ui.help.tab.method")), paragraph(t("report.method.lead")),
		subHeading(t("report.method.model"))}
	for _, dim := range ref.Dimensions {
		model = append(model, bold(string(dim)+" – "+t(ref.DimensionName(dim))), paragraph(t(ref.DimensionDesc(dim))))
	}
	computation := []widget.RichTextSegment{subHeading(t("report.method.computation"))}
	data := map[string]any{"Level": app.RequiredLevel, "Target": h.loc.Number(app.DefaultTarget, 0)}
	for _, id := range report.MethodParts {
		computation = append(computation, bold(t("report.method."+id+".title")), paragraph(h.loc.Tf("report.method."+id, data)))
	}
	modes := rich(subHeading(t("report.section.modes")), paragraph(t("report.modes.legend_source")))
	sources := rich(subHeading(t("report.method.sources")), paragraph(t("report.method.main_source")),
		list(works(h.data)), muted(t("report.method.actors_note")))
	return []fyne.CanvasObject{rich(model...), rich(computation...), modes, h.modesTable(), h.modesBasis(), sources}
}

// modesBasis names, for each mode POMI Planner mapped itself (starred in
// the table), the passage of the report its competences rest on.
func (h *screen) modesBasis() fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, m := range h.data.EntryModes {
		if m.Source == ref.SourceProject {
			segs = append(segs, bold(h.loc.T(ref.ModeName(m.ID))+" *"), paragraph(h.loc.T(ref.ModeBasis(m.ID))))
		}
	}
	return rich(segs...)
}

// modesTable is Katwalo's table: each entry mode and the competences it
// requires; modes POMI Planner mapped itself carry a star.
func (h *screen) modesTable() fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	var source *ref.Citation
	for _, m := range h.data.EntryModes {
		name := h.loc.T(ref.ModeName(m.ID))
		if m.Source == ref.SourceProject {
			name += " *"
		} else if source == nil {
			source = &m.Citation
		}
		comps := make([]string, len(m.Competences))
		for i, c := range m.Competences {
			comps[i] = h.loc.T(ref.CompetenceName(c))
		}
		grid.Add(widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(wrapped(strings.Join(comps, ", ")))
	}
	if source == nil {
		return grid
	}
	return container.NewVBox(grid, rich(muted(app.FormatCitation(*source, h.loc))))
}

// works lists the works cited by the reference data, each once.
func works(d *ref.Data) []string {
	return ref.CitedWorks(d.Citations()...)
}

// page stacks a page's parts in a column of readable width that scrolls.
func page(parts ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(widgets.Column{Width: widgets.HelpWidth}, container.NewVBox(parts...)))
}

func rich(segs ...widget.RichTextSegment) *widget.RichText {
	r := widget.NewRichText(segs...)
	r.Wrapping = fyne.TextWrapWord
	return r
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading is a page's title on a line of its own (Fyne's heading style
// is inline: the Markdown parser adds the break).
func heading(s string) widget.RichTextSegment {
	st := widget.RichTextStyleHeading
	st.Inline = false
	return &widget.TextSegment{Style: st, Text: s}
}

func subHeading(s string) widget.RichTextSegment {
	st := widget.RichTextStyleSubHeading
	st.Inline = false
	return &widget.TextSegment{Style: st, Text: s}
}

func paragraph(s string) widget.RichTextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: s}
}

// bold is a bold line of its own, a term before its explanation.
func bold(s string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.TextStyle = fyne.TextStyle{Bold: true}
	return &widget.TextSegment{Style: st, Text: s}
}

// muted is a side note, set in italics so it reads as one.
func muted(s string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.TextStyle = fyne.TextStyle{Italic: true}
	return &widget.TextSegment{Style: st, Text: s}
}

func list(items []string) widget.RichTextSegment {
	l := &widget.ListSegment{}
	for _, it := range items {
		l.Items = append(l.Items, &widget.ParagraphSegment{Texts: []widget.RichTextSegment{
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: it},
		}})
	}
	return l
}
