package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// Shell is the window's content: a language choice above the current screen.
// Switching the language rebuilds the screen at once, keeping the chosen mode.
type Shell struct {
	data     *ref.Data
	loc      *locales.Localizer
	window   fyne.Window
	language *widget.Select
	screen   *ModesScreen
	root     *fyne.Container
}

// NewShell fills window w with the modes screen in language lang.
func NewShell(w fyne.Window, d *ref.Data, lang string) *Shell {
	sh := &Shell{data: d, window: w, root: container.NewStack()}
	sh.language = widget.NewSelect(languageNames(), func(name string) { sh.SetLanguage(languageOf(name)) })
	sh.SetLanguage(lang)
	w.SetContent(sh.root)
	return sh
}

// Screen returns the screen shown now.
func (sh *Shell) Screen() *ModesScreen { return sh.screen }

// Language returns the language shown now.
func (sh *Shell) Language() string { return sh.loc.Lang() }

// SetLanguage shows everything in lang; an unknown language falls back to the default.
func (sh *Shell) SetLanguage(lang string) {
	if sh.loc != nil && sh.loc.Lang() == lang {
		return
	}
	loc, err := locales.New(lang)
	if err != nil {
		loc = locales.MustNew(locales.Default)
	}
	selected := 0
	if sh.screen != nil {
		selected = sh.screen.Selected()
	}
	sh.loc = loc
	sh.screen = NewModesScreen(sh.data, loc)
	sh.screen.Select(selected)
	sh.language.SetSelected(loc.T("language." + loc.Lang() + ".name"))
	heading := widget.NewLabelWithStyle(loc.T("window.modes.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel(loc.T("window.language")), sh.language), heading)
	sh.root.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, sh.screen.Content())}
	sh.root.Refresh()
	sh.window.SetTitle(loc.T("app.title") + " — " + loc.T("window.modes.heading"))
}

// languageNames lists each language in its own name, e.g. "Svenska".
func languageNames() []string {
	var names []string
	for _, l := range locales.Languages() {
		names = append(names, locales.MustNew(l).T("language."+l+".name"))
	}
	return names
}

func languageOf(name string) string {
	for _, l := range locales.Languages() {
		if locales.MustNew(l).T("language."+l+".name") == name {
			return l
		}
	}
	return locales.Default
}
