package settings

import (
	"errors"
	"image/color"
	"io"
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/report"
)

// presetColors are calm colours that print well in colour and grey,
// offered beside the colour field; the first is the plans' default.
var presetColors = []string{
	report.DefaultColor, "#00695c", "#2e7d32", "#6a1b9a", "#ad1457", "#b71c1c", "#b35900", "#37474f",
}

// text is one validated text field of the branding.
type text struct {
	id    string
	Entry *widget.Entry
	msg   *widget.Label
	hint  string
	// field is the field's JSON name, as app.Branding.Validate names it.
	field string
	// raw points at the field in a branding, to check the text as typed.
	raw   func(b *app.Branding) *string
	apply func(b *app.Branding, text string)
	value func(b *app.Branding) string
}

// branding is the branding card: who the plans come from.
type branding struct {
	s         *Screen
	Fields    map[string]*text
	person    *widget.Label
	logo      *canvas.Image
	logoMsg   *widget.Label
	logoClear *widget.Button
	swatch    *canvas.Rectangle
}

func newBranding(s *Screen) *branding {
	b := &branding{s: s, Fields: map[string]*text{}}
	b.add("organisation", "organisation", s.Loc.T("ui.settings.organisation_placeholder"), "",
		func(br *app.Branding) *string { return &br.Organisation })
	b.add("color", "primary_color", report.DefaultColor, s.Loc.T("ui.settings.color_hint"),
		func(br *app.Branding) *string { return &br.PrimaryColor })
	b.add("advisor_name", "advisor_name", "", "", func(br *app.Branding) *string { return &br.AdvisorName })
	b.add("advisor_title", "advisor_title", "", "", func(br *app.Branding) *string { return &br.AdvisorTitle })
	b.add("advisor_email", "advisor_email", "", "", func(br *app.Branding) *string { return &br.AdvisorEmail })
	b.add("advisor_phone", "advisor_phone", "", "", func(br *app.Branding) *string { return &br.AdvisorPhone })
	b.add("footer", "footer_text", "", s.Loc.T("ui.settings.footer_hint"), func(br *app.Branding) *string { return &br.FooterText })
	b.Fields["color"].apply = func(br *app.Branding, v string) {
		br.PrimaryColor, _ = report.ParseColor(v) // "" when empty: the default
	}
	b.person = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return b
}

// add makes a text field whose valid text is stored, trimmed, in *field;
// name is the field's JSON name, which app.Branding.Validate reports.
func (b *branding) add(id, name, placeholder, hint string, field func(*app.Branding) *string) {
	f := &text{id: id, hint: hint, field: name, raw: field, msg: Hint(hint),
		apply: func(br *app.Branding, v string) { *field(br) = strings.TrimSpace(v) },
		value: func(br *app.Branding) string { return *field(br) }}
	f.Entry = widget.NewEntry()
	f.Entry.SetPlaceHolder(placeholder)
	f.Entry.Validator = func(v string) error { return b.reason(f, v) }
	f.Entry.OnChanged = func(v string) { b.Changed(f, v) }
	if hint == "" {
		f.msg.Hide()
	}
	b.Fields[id] = f
}

// reason is why v is refused, in the user's language; nil when it is valid.
// It asks app.Branding.Validate, which pomi-cli and the store ask too, so
// the field says what an imported file with that text would be told.
func (b *branding) reason(f *text, v string) error {
	br := b.s.settings.Branding
	*f.raw(&br) = v
	for _, fe := range validate.FieldErrors(br.Validate()) {
		if fe.Field == f.field {
			return errors.New(b.s.Loc.T(fe.MessageID()))
		}
	}
	return nil
}

// Changed saves a valid text; an invalid one stays in the field with the
// reason below it and is not saved.
func (b *branding) Changed(f *text, v string) {
	if b.s.filling {
		return
	}
	if err := b.reason(f, v); err != nil {
		b.showProblem(f, err)
		b.s.setInvalid(f.id, true)
		return
	}
	b.showHint(f)
	b.s.setInvalid(f.id, false)
	b.s.edit(func(st *app.Settings) { f.apply(&st.Branding, v) })
	if f.id == "color" {
		b.showColor()
	}
}

// showProblem says under the field why its text is refused.
func (b *branding) showProblem(f *text, err error) {
	f.msg.SetText(err.Error())
	f.msg.Importance = widget.DangerImportance
	f.msg.Show()
	f.msg.Refresh()
}

func (b *branding) showHint(f *text) {
	f.msg.SetText(f.hint)
	f.msg.Importance = widget.MediumImportance
	f.msg.Hidden = f.hint == ""
	f.msg.Refresh()
}

// fill shows the saved branding; fields that were invalid are reset. A
// saved text the checks refuse (written before they existed) is shown with
// its reason, to be corrected before anything more is saved.
func (b *branding) fill(br *app.Branding) {
	for _, f := range b.Fields {
		f.Entry.SetText(f.value(br))
		b.showHint(f)
		delete(b.s.Invalid, f.id)
		if err := b.reason(f, f.value(br)); err != nil {
			b.showProblem(f, err)
			b.s.Invalid[f.id] = true
		}
	}
	b.showColor()
	b.showLogo()
}

// showPerson names the person on the plans after who uses the program.
func (b *branding) showPerson(usedBy string) {
	if usedBy == app.UsedByCompany {
		b.person.SetText(b.s.Loc.T("ui.settings.person.company"))
		return
	}
	b.person.SetText(b.s.Loc.T("ui.settings.person.advisor"))
}

func (b *branding) card() fyne.CanvasObject {
	loc := b.s.Loc
	field := func(label, id string) fyne.CanvasObject {
		return field(label, b.Fields[id].Entry, b.Fields[id].msg)
	}
	return card(loc.T("ui.settings.branding.title"),
		Hint(loc.T("ui.settings.branding.lead")),
		field(loc.T("ui.settings.organisation"), "organisation"),
		b.logoField(),
		b.colorField(),
		widget.NewSeparator(),
		b.person,
		// One grid per row: a grid makes every cell as tall as the tallest,
		// and an error under one field would open a gap in the other row.
		container.NewGridWithColumns(2, field(loc.T("ui.settings.name"), "advisor_name"), field(loc.T("ui.settings.job_title"), "advisor_title")),
		container.NewGridWithColumns(2, field(loc.T("ui.settings.email"), "advisor_email"), field(loc.T("ui.settings.phone"), "advisor_phone")),
		widget.NewSeparator(),
		field(loc.T("ui.settings.footer"), "footer"),
	)
}

func (b *branding) colorField() fyne.CanvasObject {
	b.swatch = canvas.NewRectangle(color.Transparent)
	b.swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 1.5))
	b.swatch.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	b.swatch.StrokeWidth = 1
	b.swatch.CornerRadius = theme.InputRadiusSize()
	f := b.Fields["color"]
	entry := container.New(layout.NewGridWrapLayout(fyne.NewSize(140, f.Entry.MinSize().Height)), f.Entry)
	presets := container.NewHBox()
	for _, c := range presetColors {
		presets.Add(b.presetButton(c))
	}
	row := container.NewHBox(container.NewCenter(b.swatch), entry, presets)
	return field(b.s.Loc.T("ui.settings.color"), container.NewHScroll(row), f.msg)
}

// presetButton is a swatch that puts its colour in the colour field; the
// field shows the code, so the choice is never told by colour alone.
func (b *branding) presetButton(hex string) fyne.CanvasObject {
	c, _ := parseRGB(hex)
	rect := canvas.NewRectangle(c)
	rect.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 1.2))
	rect.CornerRadius = theme.InputRadiusSize()
	// A rim keeps dark colours visible on a dark theme and light ones on a light theme.
	rect.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	rect.StrokeWidth = 1
	btn := widget.NewButton("", func() { b.Fields["color"].Entry.SetText(hex) })
	btn.Importance = widget.LowImportance
	return container.NewStack(container.NewPadded(rect), btn)
}

// showColor paints the swatch with the saved colour, the default when none.
func (b *branding) showColor() {
	c, _ := parseRGB(report.NormalizeColor(b.s.settings.Branding.PrimaryColor))
	b.swatch.FillColor = c
	b.swatch.Refresh()
}

func (b *branding) logoField() fyne.CanvasObject {
	b.logo = canvas.NewImageFromResource(nil)
	b.logo.FillMode = canvas.ImageFillContain
	b.logo.SetMinSize(fyne.NewSize(160, 80))
	b.logoMsg = Hint("")
	choose := widget.NewButtonWithIcon(b.s.Loc.T("ui.settings.logo.choose"), theme.FolderOpenIcon(), b.chooseLogo)
	b.logoClear = widget.NewButtonWithIcon(b.s.Loc.T("ui.settings.logo.remove"), theme.DeleteIcon(), func() {
		b.s.edit(func(st *app.Settings) { st.Branding.Logo = nil })
		b.showLogo()
	})
	preview := container.NewHBox(b.logo, container.NewVBox(container.NewHBox(choose, b.logoClear)))
	return field(b.s.Loc.T("ui.settings.logo"), preview, b.logoMsg)
}

// chooseLogo asks for a PNG or JPEG file and takes it if it is one.
func (b *branding) chooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			kit.LogError("choose logo", err)
			return
		}
		var data []byte
		b.s.deps.Async(func() {
			defer r.Close()
			data, err = io.ReadAll(io.LimitReader(r, report.MaxLogoBytes+1))
		}, func() {
			if err != nil {
				kit.LogError("read logo", err)
				b.logoProblem("ui.settings.logo.read_failed")
				return
			}
			b.setLogo(data)
		})
	}, b.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}

// setLogo checks a picture and keeps it as the PDF will use it: an 8-bit
// PNG of at most 800 pixels a side, so the preview shows what prints.
func (b *branding) setLogo(data []byte) {
	var prepared []byte
	var err error
	b.s.deps.Async(func() { prepared, err = report.PrepareLogo(data) }, func() {
		switch {
		case errors.Is(err, report.ErrLogoTooLarge):
			b.logoProblem("ui.settings.logo.too_large")
		case err != nil:
			b.logoProblem("ui.settings.logo.format")
		default:
			b.s.edit(func(st *app.Settings) { st.Branding.Logo = prepared })
			b.showLogo()
		}
	})
}

func (b *branding) logoProblem(id string) {
	b.logoMsg.SetText(b.s.Loc.T(id))
	b.logoMsg.Importance = widget.DangerImportance
	b.logoMsg.Refresh()
}

// showLogo previews the saved logo, or says there is none.
func (b *branding) showLogo() {
	logo := b.s.settings.Branding.Logo
	b.logoMsg.Importance = widget.MediumImportance
	if len(logo) == 0 {
		b.logo.Resource = nil
		b.logo.Hide()
		b.logoClear.Disable()
		b.logoMsg.SetText(b.s.Loc.T("ui.settings.logo.none"))
		return
	}
	b.logo.Resource = fyne.NewStaticResource("logo.png", logo)
	b.logo.Show()
	b.logo.Refresh()
	b.logoClear.Enable()
	b.logoMsg.SetText(b.s.Loc.T("ui.settings.logo.chosen"))
}

// parseRGB turns "#rrggbb" into a colour.
func parseRGB(hex string) (color.NRGBA, bool) {
	hex, ok := report.ParseColor(hex)
	if !ok {
		return color.NRGBA{}, false
	}
	var rgb [3]uint8
	for i := range rgb {
		rgb[i] = hexByte(hex[1+2*i:])
	}
	return color.NRGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 0xff}, true
}

func hexByte(s string) uint8 {
	digit := func(c byte) uint8 {
		if c >= 'a' {
			return c - 'a' + 10
		}
		return c - '0'
	}
	return digit(s[0])<<4 | digit(s[1])
}

// refused shows a field error the store gave for a branding field ("branding.advisor_title")
// under that field, and counts the field as invalid.
func (b *branding) refused(fe *validate.FieldError) {
	for _, f := range b.Fields {
		if "branding."+f.field == fe.Field {
			b.showProblem(f, errors.New(b.s.Loc.T(fe.MessageID())))
			b.s.Invalid[f.id] = true
		}
	}
}
