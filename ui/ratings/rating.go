package ratings

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// control is the row of controls under a competence or a statement:
// 1–5, "Don't know" and Clear. The scale and "don't know" are two radio groups
// kept mutually exclusive, because one horizontal group of six would size
// every option as wide as "Don't know" and overflow a narrow window.
type control struct {
	scale   *widget.RadioGroup
	unknown *widget.RadioGroup
	clear   *widget.Button
	box     *fyne.Container
	// onChange receives the new rating, or set=false when it was cleared.
	onChange func(value int, set bool)
	// quiet is true while the control changes its own groups, so that the
	// groups' OnChanged does not report a change the user did not make.
	quiet bool
}

// scale are the options of the scale group, 1–5.
var scale = []string{"1", "2", "3", "4", "5"}

// newControl shows value (when set) and reports every change the user makes.
func newControl(loc *locales.Localizer, value int, set bool, onChange func(int, bool)) *control {
	r := &control{onChange: onChange}
	r.scale = widget.NewRadioGroup(scale, r.onScale)
	r.scale.Horizontal = true
	r.unknown = widget.NewRadioGroup([]string{loc.T("ui.rating.dont_know")}, r.onUnknown)
	r.unknown.Horizontal = true
	r.clear = widget.NewButtonWithIcon(loc.T("ui.rating.clear"), theme.ContentClearIcon(), r.Clear)
	r.clear.Importance = widget.LowImportance
	r.show(value, set)
	r.box = container.NewHBox(r.scale, r.unknown, r.clear)
	return r
}

// Value is the rating shown: 1–5 or app.DontKnow, and false when unrated.
func (r *control) Value() (int, bool) {
	if r.unknown.Selected != "" {
		return app.DontKnow, true
	}
	v, err := strconv.Atoi(r.scale.Selected)
	return v, err == nil
}

// Clear removes the rating, as the Clear button does.
func (r *control) Clear() {
	if _, set := r.Value(); !set {
		return
	}
	r.show(0, false)
	r.onChange(0, false)
}

// show sets the groups without reporting a change.
func (r *control) show(value int, set bool) {
	r.quiet = true
	defer func() { r.quiet = false }()
	scale, unknown := "", ""
	switch {
	case !set:
	case value == app.DontKnow:
		unknown = r.unknown.Options[0]
	default:
		scale = strconv.Itoa(value)
	}
	r.scale.SetSelected(scale)
	r.unknown.SetSelected(unknown)
	r.clear.Disable()
	if set {
		r.clear.Enable()
	}
}

func (r *control) onScale(option string) {
	if r.quiet {
		return
	}
	v, err := strconv.Atoi(option)
	if err != nil { // tapped the chosen number again: the group cleared itself
		r.show(0, false)
		r.onChange(0, false)
		return
	}
	r.show(v, true)
	r.onChange(v, true)
}

func (r *control) onUnknown(option string) {
	if r.quiet {
		return
	}
	set := option != ""
	r.show(app.DontKnow, set)
	r.onChange(app.DontKnow, set)
}

// put sets m[id] to v, or deletes it when set is false, creating the
// map when it is nil: an assessment read from the database may have none.
func put[V any](m map[string]V, id string, v V, set bool) map[string]V {
	if !set {
		delete(m, id)
		return m
	}
	if m == nil {
		m = map[string]V{}
	}
	m[id] = v
	return m
}

// count counts the ids that have an entry in m.
func count[V any](m map[string]V, ids []string) int {
	n := 0
	for _, id := range ids {
		if _, ok := m[id]; ok {
			n++
		}
	}
	return n
}

// textLabel is a label that wraps, for sentences of any length.
func textLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// note is a wrapped label in the quieter text colour.
func note(text string) *widget.Label {
	l := textLabel(text)
	l.Importance = widget.LowImportance
	return l
}

// heading is a section heading inside a step.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// page lays out a step: a fixed header that keeps the scale and the
// progress in view, and the items below it in a vertical scroll.
func page(header fyne.CanvasObject, items ...fyne.CanvasObject) fyne.CanvasObject {
	top := container.NewVBox(header, widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(items...)))
}

// header is the header of a step: what to do and the scale on the
// left, how far the user has come on the right.
func header(progress *widget.Label, lines ...string) fyne.CanvasObject {
	paras := make([]*widget.TextSegment, len(lines))
	for i, s := range lines {
		paras[i] = para(s, false, theme.ColorNameForeground)
	}
	progress.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewBorder(nil, nil, nil, container.NewVBox(progress), block(paras...))
}

// itemIDs lists the ids of reference items.
func itemIDs[T any](items []T, id func(T) string) []string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = id(it)
	}
	return ids
}

// para is one paragraph of a ratingBlock.
func para(text string, bold bool, color fyne.ThemeColorName) *widget.TextSegment {
	style := widget.RichTextStyleParagraph
	style.ColorName = color
	style.TextStyle.Bold = bold
	return &widget.TextSegment{Text: text, Style: style}
}

// block is several wrapped paragraphs in one widget: an item's name,
// notes and "why" read as one unit, without the padding between labels.
func block(paras ...*widget.TextSegment) *widget.RichText {
	segs := make([]widget.RichTextSegment, len(paras))
	for i, p := range paras {
		segs[i] = p
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
