package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ChoiceButton is a button that Enter presses as well as Space, so the
// page can be answered from the keyboard alone.
type ChoiceButton struct {
	widget.Button
	// label names the button for screen readers when it shows no text.
	label string
}

func NewChoiceButton(tapped func()) *ChoiceButton {
	b := &ChoiceButton{}
	b.OnTapped = tapped
	b.Importance = widget.HighImportance
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter, Return or Space.
func (b *ChoiceButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		b.press()
	default:
		b.Button.TypedKey(ev)
	}
}

// press runs the button from the keyboard and keeps the focus on it.
// Fyne's Tapped drops the focus, as is right for a mouse click; from the
// keyboard the next Tab would then start again at the top of the page.
func (b *ChoiceButton) press() {
	if b.Disabled() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	b.Tapped(nil)
	if c != nil && c.Focused() == nil {
		c.Focus(b)
	}
}

// AccessibilityLabel names the button by its text, or by label when it has none.
func (b *ChoiceButton) AccessibilityLabel() string {
	if b.Text != "" {
		return b.Text
	}
	return b.label
}

// ChoiceOption is one big answer to "who uses the program": a radio
// mark, a bold title and a line on what it means, all one target for the
// mouse and one Tab stop for the keyboard (Space or Enter chooses it). A
// borderless button underneath gives it hover and focus like any button.
type ChoiceOption struct {
	Button   *ChoiceButton
	icon     *widget.Icon
	text     *widget.RichText // the title in bold, then what it means
	frame    *canvas.Rectangle
	Selected bool
	Content  fyne.CanvasObject
}

func NewChoiceOption(tapped func()) *ChoiceOption {
	o := &ChoiceOption{Button: NewChoiceButton(tapped)}
	o.Button.Importance = widget.LowImportance
	o.icon = widget.NewIcon(theme.RadioButtonIcon())
	o.text = widget.NewRichText()
	o.text.Wrapping = fyne.TextWrapWord
	o.frame = canvas.NewRectangle(color.Transparent)
	o.frame.CornerRadius = theme.InputRadiusSize()
	mark := container.NewVBox(container.New(firstStartNudge{}, o.icon))
	body := container.NewBorder(nil, nil, mark, nil, o.text)
	o.Content = container.NewStack(o.Button, o.frame, container.NewPadded(body))
	o.SetSelected(false)
	return o
}

func (o *ChoiceOption) SetText(title, hint string) {
	bold := widget.RichTextStyleParagraph
	bold.TextStyle = fyne.TextStyle{Bold: true}
	o.text.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Style: bold, Text: title},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: hint},
	}
	o.text.Refresh()
	o.Button.label = title
}

// SetSelected shows the choice by the filled mark and a frame in the accent
// colour, never by colour alone.
func (o *ChoiceOption) SetSelected(on bool) {
	o.Selected = on
	if on {
		o.icon.SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
		o.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
		o.frame.StrokeWidth = 2
		o.frame.FillColor = theme.Color(theme.ColorNameSelection)
	} else {
		o.icon.SetResource(theme.RadioButtonIcon())
		o.frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
		o.frame.StrokeWidth = 1
		o.frame.FillColor = color.Transparent
	}
	o.frame.Refresh()
}

// firstStartNudge places its one object level with the first line of the
// text beside it, which sits an inner padding down, and off the frame's edge.
type firstStartNudge struct{}

func (firstStartNudge) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(theme.Padding(), theme.InnerPadding()))
		o.Resize(o.MinSize())
	}
}

func (firstStartNudge) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(theme.Padding(), theme.InnerPadding())
}

// Column centres its one object in a column no wider than width,
// and vertically too when middle is set and there is room: lines stay easy
// to read on a wide screen, and a narrow one gets the whole width.
type Column struct {
	Width  float32
	Middle bool
}

func (c Column) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding() * 4
	for _, o := range objs {
		w := fyne.Min(size.Width-2*pad, c.Width)
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height // after the width is set: wrapped text knows its lines
		o.Resize(fyne.NewSize(w, h))
		y := pad
		if c.Middle {
			y = fyne.Max(pad, (size.Height-h)/2)
		}
		o.Move(fyne.NewPos((size.Width-w)/2, y))
	}
}

func (Column) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding() * 4
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(2*pad, 2*pad)
}

// HelpWidth is the widest a help page's column grows, so that lines stay
// easy to read on a wide screen.
const HelpWidth = 820
