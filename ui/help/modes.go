package help

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// ModesScreen lists the entry modes and shows the competences the chosen one
// requires, with why each matters and its POMI dimension.
type ModesScreen struct {
	data     *ref.Data
	loc      *locales.Localizer
	list     *widget.List
	title    *widget.Label
	desc     *widget.Label
	source   *widget.Label
	comps    *fyne.Container
	selected int
	content  fyne.CanvasObject
}

// NewModesScreen builds the screen in the localizer's language with the first mode chosen.
func NewModesScreen(d *ref.Data, loc *locales.Localizer) *ModesScreen {
	s := &ModesScreen{data: d, loc: loc, selected: -1}
	s.buildUI()
	s.Select(0)
	return s
}

// Content returns the screen's root object.
func (s *ModesScreen) Content() fyne.CanvasObject { return s.content }

// Selected returns the index of the chosen mode.
func (s *ModesScreen) Selected() int { return s.selected }

// Select chooses the mode at index i and shows its competences.
func (s *ModesScreen) Select(i int) {
	if i < 0 || i >= len(s.data.EntryModes) || i == s.selected {
		return
	}
	s.selected = i
	s.list.Select(i)
	s.showMode(s.data.EntryModes[i])
}

func (s *ModesScreen) buildUI() {
	s.list = widget.NewList(
		func() int { return len(s.data.EntryModes) },
		func() fyne.CanvasObject { return widget.NewLabel("Overseas production (template)") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.loc.T(ref.ModeName(s.data.EntryModes[id].ID)))
		},
	)
	s.list.OnSelected = func(id widget.ListItemID) { s.Select(id) }
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.desc = widget.NewLabel("")
	s.desc.Wrapping = fyne.TextWrapWord
	s.source = widget.NewLabel("")
	s.source.Wrapping = fyne.TextWrapWord
	s.source.TextStyle = fyne.TextStyle{Italic: true}
	s.comps = container.NewVBox()
	detail := container.NewVScroll(container.NewVBox(s.title, s.desc, s.source, widget.NewSeparator(), s.comps))
	split := container.NewHSplit(s.list, detail)
	split.Offset = 0.3
	intro := widget.NewLabel(s.loc.T("window.modes.intro"))
	intro.Wrapping = fyne.TextWrapWord
	s.content = container.NewBorder(intro, nil, nil, nil, split)
}

func (s *ModesScreen) showMode(m ref.EntryMode) {
	s.title.SetText(s.loc.T(ref.ModeName(m.ID)))
	s.desc.SetText(s.loc.T(ref.ModeDesc(m.ID)))
	if m.Source == ref.SourceProject {
		s.source.SetText(s.loc.T(ref.ModeBasis(m.ID)))
	} else {
		s.source.SetText(s.loc.T("window.modes.katwalo"))
	}
	s.comps.RemoveAll()
	for _, id := range m.Competences {
		s.comps.Add(s.competenceCard(id))
	}
}

func (s *ModesScreen) competenceCard(id string) fyne.CanvasObject {
	why := widget.NewLabel(s.loc.T(ref.CompetenceWhy(id)))
	why.Wrapping = fyne.TextWrapWord
	dim := s.data.Competence(id).Dimension
	// The dimension goes in a wrapped label, not the card's subtitle: a
	// subtitle never wraps and would make the whole window as wide as it.
	dimension := widget.NewLabel(s.loc.Tf("window.modes.dimension", map[string]any{"Name": s.loc.T(ref.DimensionName(dim))}))
	dimension.Wrapping = fyne.TextWrapWord
	dimension.TextStyle = fyne.TextStyle{Italic: true}
	return widget.NewCard(s.loc.T(ref.CompetenceName(id)), "", container.NewVBox(dimension, why))
}

// CompetenceTitles returns the titles of the competence cards shown, for tests.
func (s *ModesScreen) CompetenceTitles() []string {
	var out []string
	for _, o := range s.comps.Objects {
		out = append(out, o.(*widget.Card).Title)
	}
	return out
}
