package ui

import (
	"errors"
	"image/color"
	"io"
	"strings"

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

// settingsPresetColors are calm colours that print well in colour and grey,
// offered beside the colour field; the first is the plans' default.
var settingsPresetColors = []string{
	report.DefaultColor, "#00695c", "#2e7d32", "#6a1b9a", "#ad1457", "#b71c1c", "#b35900", "#37474f",
}

// settingsText is one validated text field of the branding.
type settingsText struct {
	id    string
	entry *widget.Entry
	msg   *widget.Label
	hint  string
	// field is the field's JSON name, as app.Branding.Validate names it.
	field string
	// raw points at the field in a branding, to check the text as typed.
	raw   func(b *app.Branding) *string
	apply func(b *app.Branding, text string)
	value func(b *app.Branding) string
}

// settingsBranding is the branding card: who the plans come from.
type settingsBranding struct {
	s         *SettingsScreen
	fields    map[string]*settingsText
	person    *widget.Label
	logo      *canvas.Image
	logoMsg   *widget.Label
	logoClear *widget.Button
	swatch    *canvas.Rectangle
}

func newSettingsBranding(s *SettingsScreen) *settingsBranding {
	b := &settingsBranding{s: s, fields: map[string]*settingsText{}}
	b.add("organisation", "organisation", s.loc.T("ui.settings.organisation_placeholder"), "",
		func(br *app.Branding) *string { return &br.Organisation })
	b.add("color", "primary_color", report.DefaultColor, s.loc.T("ui.settings.color_hint"),
		func(br *app.Branding) *string { return &br.PrimaryColor })
	b.add("advisor_name", "advisor_name", "", "", func(br *app.Branding) *string { return &br.AdvisorName })
	b.add("advisor_title", "advisor_title", "", "", func(br *app.Branding) *string { return &br.AdvisorTitle })
	b.add("advisor_email", "advisor_email", "", "", func(br *app.Branding) *string { return &br.AdvisorEmail })
	b.add("advisor_phone", "advisor_phone", "", "", func(br *app.Branding) *string { return &br.AdvisorPhone })
	b.add("footer", "footer_text", "", s.loc.T("ui.settings.footer_hint"), func(br *app.Branding) *string { return &br.FooterText })
	b.fields["color"].apply = func(br *app.Branding, v string) {
		br.PrimaryColor, _ = report.ParseColor(v) // "" when empty: the default
	}
	b.person = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return b
}

// add makes a text field whose valid text is stored, trimmed, in *field;
// name is the field's JSON name, which app.Branding.Validate reports.
func (b *settingsBranding) add(id, name, placeholder, hint string, field func(*app.Branding) *string) {
	f := &settingsText{id: id, hint: hint, field: name, raw: field, msg: settingsHint(hint),
		apply: func(br *app.Branding, v string) { *field(br) = strings.TrimSpace(v) },
		value: func(br *app.Branding) string { return *field(br) }}
	f.entry = widget.NewEntry()
	f.entry.SetPlaceHolder(placeholder)
	f.entry.Validator = func(v string) error { return b.reason(f, v) }
	f.entry.OnChanged = func(v string) { b.changed(f, v) }
	if hint == "" {
		f.msg.Hide()
	}
	b.fields[id] = f
}

// reason is why v is refused, in the user's language; nil when it is valid.
// It asks app.Branding.Validate, which pomi-cli and the store ask too, so
// the field says what an imported file with that text would be told.
func (b *settingsBranding) reason(f *settingsText, v string) error {
	br := b.s.settings.Branding
	*f.raw(&br) = v
	for _, fe := range app.FieldErrors(br.Validate()) {
		if fe.Field == f.field {
			return errors.New(b.s.loc.T(fe.MessageID()))
		}
	}
	return nil
}

// changed saves a valid text; an invalid one stays in the field with the
// reason below it and is not saved.
func (b *settingsBranding) changed(f *settingsText, v string) {
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
func (b *settingsBranding) showProblem(f *settingsText, err error) {
	f.msg.SetText(err.Error())
	f.msg.Importance = widget.DangerImportance
	f.msg.Show()
	f.msg.Refresh()
}

func (b *settingsBranding) showHint(f *settingsText) {
	f.msg.SetText(f.hint)
	f.msg.Importance = widget.MediumImportance
	f.msg.Hidden = f.hint == ""
	f.msg.Refresh()
}

// fill shows the saved branding; fields that were invalid are reset. A
// saved text the checks refuse (written before they existed) is shown with
// its reason, to be corrected before anything more is saved.
func (b *settingsBranding) fill(br *app.Branding) {
	for _, f := range b.fields {
		f.entry.SetText(f.value(br))
		b.showHint(f)
		delete(b.s.invalid, f.id)
		if err := b.reason(f, f.value(br)); err != nil {
			b.showProblem(f, err)
			b.s.invalid[f.id] = true
		}
	}
	b.showColor()
	b.showLogo()
}

// showPerson names the person on the plans after who uses the program.
func (b *settingsBranding) showPerson(usedBy string) {
	if usedBy == app.UsedByCompany {
		b.person.SetText(b.s.loc.T("ui.settings.person.company"))
		return
	}
	b.person.SetText(b.s.loc.T("ui.settings.person.advisor"))
}

func (b *settingsBranding) card() fyne.CanvasObject {
	loc := b.s.loc
	field := func(label, id string) fyne.CanvasObject {
		return settingsField(label, b.fields[id].entry, b.fields[id].msg)
	}
	return settingsCard(loc.T("ui.settings.branding.title"),
		settingsHint(loc.T("ui.settings.branding.lead")),
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

func (b *settingsBranding) colorField() fyne.CanvasObject {
	b.swatch = canvas.NewRectangle(color.Transparent)
	b.swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 1.5))
	b.swatch.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	b.swatch.StrokeWidth = 1
	b.swatch.CornerRadius = theme.InputRadiusSize()
	f := b.fields["color"]
	entry := container.New(layout.NewGridWrapLayout(fyne.NewSize(140, f.entry.MinSize().Height)), f.entry)
	presets := container.NewHBox()
	for _, c := range settingsPresetColors {
		presets.Add(b.presetButton(c))
	}
	row := container.NewHBox(container.NewCenter(b.swatch), entry, presets)
	return settingsField(b.s.loc.T("ui.settings.color"), container.NewHScroll(row), f.msg)
}

// presetButton is a swatch that puts its colour in the colour field; the
// field shows the code, so the choice is never told by colour alone.
func (b *settingsBranding) presetButton(hex string) fyne.CanvasObject {
	c, _ := settingsParseRGB(hex)
	rect := canvas.NewRectangle(c)
	rect.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 1.2))
	rect.CornerRadius = theme.InputRadiusSize()
	// A rim keeps dark colours visible on a dark theme and light ones on a light theme.
	rect.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	rect.StrokeWidth = 1
	btn := widget.NewButton("", func() { b.fields["color"].entry.SetText(hex) })
	btn.Importance = widget.LowImportance
	return container.NewStack(container.NewPadded(rect), btn)
}

// showColor paints the swatch with the saved colour, the default when none.
func (b *settingsBranding) showColor() {
	c, _ := settingsParseRGB(report.NormalizeColor(b.s.settings.Branding.PrimaryColor))
	b.swatch.FillColor = c
	b.swatch.Refresh()
}

func (b *settingsBranding) logoField() fyne.CanvasObject {
	b.logo = canvas.NewImageFromResource(nil)
	b.logo.FillMode = canvas.ImageFillContain
	b.logo.SetMinSize(fyne.NewSize(160, 80))
	b.logoMsg = settingsHint("")
	choose := widget.NewButtonWithIcon(b.s.loc.T("ui.settings.logo.choose"), theme.FolderOpenIcon(), b.chooseLogo)
	b.logoClear = widget.NewButtonWithIcon(b.s.loc.T("ui.settings.logo.remove"), theme.DeleteIcon(), func() {
		b.s.edit(func(st *app.Settings) { st.Branding.Logo = nil })
		b.showLogo()
	})
	preview := container.NewHBox(b.logo, container.NewVBox(container.NewHBox(choose, b.logoClear)))
	return settingsField(b.s.loc.T("ui.settings.logo"), preview, b.logoMsg)
}

// chooseLogo asks for a PNG or JPEG file and takes it if it is one.
func (b *settingsBranding) chooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			logError("choose logo", err)
			return
		}
		var data []byte
		runAsync(func() {
			defer r.Close()
			data, err = io.ReadAll(io.LimitReader(r, report.MaxLogoBytes+1))
		}, func() {
			if err != nil {
				logError("read logo", err)
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
func (b *settingsBranding) setLogo(data []byte) {
	var prepared []byte
	var err error
	runAsync(func() { prepared, err = report.PrepareLogo(data) }, func() {
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

func (b *settingsBranding) logoProblem(id string) {
	b.logoMsg.SetText(b.s.loc.T(id))
	b.logoMsg.Importance = widget.DangerImportance
	b.logoMsg.Refresh()
}

// showLogo previews the saved logo, or says there is none.
func (b *settingsBranding) showLogo() {
	logo := b.s.settings.Branding.Logo
	b.logoMsg.Importance = widget.MediumImportance
	if len(logo) == 0 {
		b.logo.Resource = nil
		b.logo.Hide()
		b.logoClear.Disable()
		b.logoMsg.SetText(b.s.loc.T("ui.settings.logo.none"))
		return
	}
	b.logo.Resource = fyne.NewStaticResource("logo.png", logo)
	b.logo.Show()
	b.logo.Refresh()
	b.logoClear.Enable()
	b.logoMsg.SetText(b.s.loc.T("ui.settings.logo.chosen"))
}

// settingsParseRGB turns "#rrggbb" into a colour.
func settingsParseRGB(hex string) (color.NRGBA, bool) {
	hex, ok := report.ParseColor(hex)
	if !ok {
		return color.NRGBA{}, false
	}
	var rgb [3]uint8
	for i := range rgb {
		rgb[i] = settingsHexByte(hex[1+2*i:])
	}
	return color.NRGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 0xff}, true
}

func settingsHexByte(s string) uint8 {
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
func (b *settingsBranding) refused(fe *app.FieldError) {
	for _, f := range b.fields {
		if "branding."+f.field == fe.Field {
			b.showProblem(f, errors.New(b.s.loc.T(fe.MessageID())))
			b.s.invalid[f.id] = true
		}
	}
}
