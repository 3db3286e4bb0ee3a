package ui

import (
	"strings"

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

// helpScreen is the help: the POMI model with its sources, the keyboard
// shortcuts, and what the program is and what it is built with.
type helpScreen struct {
	loc  *locales.Localizer
	data *ref.Data
	tabs *container.AppTabs
}

// NewHelpScreen returns the help in loc's language as three tabs: "The POMI
// model" (the four dimensions, how scores and gaps are computed, Katwalo's
// table of entry modes and competences, the sources — the same texts as the
// PDF's method section), "Keyboard shortcuts" and "About POMI Planner"
// (version, data folder, licences, the research behind the method). Each
// page scrolls. Build it again to change the language.
func NewHelpScreen(loc *locales.Localizer, d *ref.Data) fyne.CanvasObject {
	return newHelpScreen(loc, d).tabs
}

func newHelpScreen(loc *locales.Localizer, d *ref.Data) *helpScreen {
	h := &helpScreen{loc: loc, data: d}
	h.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(loc.T("ui.help.tab.method"), theme.InfoIcon(), helpPage(h.methodPage()...)),
		container.NewTabItemWithIcon(loc.T("ui.help.tab.shortcuts"), theme.ComputerIcon(), helpPage(h.shortcutsPage()...)),
		container.NewTabItemWithIcon(loc.T("ui.help.tab.about"), theme.QuestionIcon(), helpPage(h.aboutPage()...)),
	)
	return h
}

// methodPage says what the model is, how the numbers come about and where
// the knowledge comes from.
func (h *helpScreen) methodPage() []fyne.CanvasObject {
	t := h.loc.T
	model := []widget.RichTextSegment{helpHeading(t("ui.help.tab.method")), helpParagraph(t("report.method.lead")),
		helpSubHeading(t("report.method.model"))}
	for _, dim := range ref.Dimensions {
		model = append(model, helpBold(string(dim)+" – "+t(ref.DimensionName(dim))), helpParagraph(t(ref.DimensionDesc(dim))))
	}
	computation := []widget.RichTextSegment{helpSubHeading(t("report.method.computation"))}
	data := map[string]any{"Level": app.RequiredLevel, "Target": h.loc.Number(app.DefaultTarget, 0)}
	for _, id := range report.MethodParts {
		computation = append(computation, helpBold(t("report.method."+id+".title")), helpParagraph(h.loc.Tf("report.method."+id, data)))
	}
	modes := helpRich(helpSubHeading(t("report.section.modes")), helpParagraph(t("report.modes.legend_source")))
	sources := helpRich(helpSubHeading(t("report.method.sources")), helpParagraph(t("report.method.main_source")),
		helpList(helpWorks(h.data)), helpMuted(t("report.method.actors_note")))
	return []fyne.CanvasObject{helpRich(model...), helpRich(computation...), modes, h.modesTable(), h.modesBasis(), sources}
}

// modesBasis names, for each mode POMI Planner mapped itself (starred in
// the table), the passage of the report its competences rest on.
func (h *helpScreen) modesBasis() fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, m := range h.data.EntryModes {
		if m.Source == ref.SourceProject {
			segs = append(segs, helpBold(h.loc.T(ref.ModeName(m.ID))+" *"), helpParagraph(h.loc.T(ref.ModeBasis(m.ID))))
		}
	}
	return helpRich(segs...)
}

// modesTable is Katwalo's table: each entry mode and the competences it
// requires; modes POMI Planner mapped itself carry a star.
func (h *helpScreen) modesTable() fyne.CanvasObject {
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
		grid.Add(helpWrapped(strings.Join(comps, ", ")))
	}
	if source == nil {
		return grid
	}
	return container.NewVBox(grid, helpRich(helpMuted(app.FormatCitation(*source, h.loc))))
}

// helpWorks lists the works cited by the reference data, each once.
func helpWorks(d *ref.Data) []string {
	return ref.CitedWorks(d.Citations()...)
}

// helpPage stacks a page's parts in a column of readable width that scrolls.
func helpPage(parts ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(firstStartColumn{width: helpWidth}, container.NewVBox(parts...)))
}

func helpRich(segs ...widget.RichTextSegment) *widget.RichText {
	r := widget.NewRichText(segs...)
	r.Wrapping = fyne.TextWrapWord
	return r
}

func helpWrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// helpHeading is a page's title on a line of its own (Fyne's heading style
// is inline: the Markdown parser adds the break).
func helpHeading(s string) widget.RichTextSegment {
	st := widget.RichTextStyleHeading
	st.Inline = false
	return &widget.TextSegment{Style: st, Text: s}
}

func helpSubHeading(s string) widget.RichTextSegment {
	st := widget.RichTextStyleSubHeading
	st.Inline = false
	return &widget.TextSegment{Style: st, Text: s}
}

func helpParagraph(s string) widget.RichTextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: s}
}

// helpBold is a bold line of its own, a term before its explanation.
func helpBold(s string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.TextStyle = fyne.TextStyle{Bold: true}
	return &widget.TextSegment{Style: st, Text: s}
}

// helpMuted is a side note, set in italics so it reads as one.
func helpMuted(s string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.TextStyle = fyne.TextStyle{Italic: true}
	return &widget.TextSegment{Style: st, Text: s}
}

func helpList(items []string) widget.RichTextSegment {
	l := &widget.ListSegment{}
	for _, it := range items {
		l.Items = append(l.Items, &widget.ParagraphSegment{Texts: []widget.RichTextSegment{
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: it},
		}})
	}
	return l
}
