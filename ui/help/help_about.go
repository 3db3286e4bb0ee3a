package help

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// shortcut is a key combination and what it does. Mod marks a shortcut
// with the platform's command key, Ctrl or Cmd; Key is the key's message id
// suffix (ui.help.key.<Key>) or, when Plain, the key's own name.
type shortcut struct {
	Mod    bool
	Key    string
	Plain  bool
	Action string // ui.help.shortcut.<Action>
}

// shortcuts are the menu's shortcuts (ui/menu.go) and the keys that move
// through a form, in the order a newcomer needs them.
var shortcuts = []shortcut{
	{Mod: true, Key: "N", Plain: true, Action: "new_company"},
	{Mod: true, Key: "F", Plain: true, Action: "search"},
	{Mod: true, Key: "E", Plain: true, Action: "export_pdf"},
	{Mod: true, Key: "1", Plain: true, Action: "view_table"},
	{Mod: true, Key: "2", Plain: true, Action: "view_followups"},
	{Mod: true, Key: "3", Plain: true, Action: "view_insights"},
	{Mod: true, Key: "R", Plain: true, Action: "sync_now"},
	{Mod: true, Key: "comma", Action: "settings"},
	{Key: "tab", Action: "next_field"},
	{Key: "shift_tab", Action: "previous_field"},
	{Key: "space", Action: "press"},
	{Key: "enter", Action: "confirm"},
	{Key: "escape", Action: "close"},
}

// modifier is the command key's name on goos: Cmd on a Mac, Ctrl elsewhere.
func modifier(goos string) string {
	if goos == "darwin" {
		return "Cmd"
	}
	return "Ctrl"
}

// licenceList are the main libraries and the font that ship inside POMI
// Planner, with the licences THIRD_PARTY_NOTICES gives them (tools/notices
// reads them from the licence files at the versions the binaries link; that
// file lists every module, these are the ones worth naming).
var licenceList = [][2]string{
	{"Fyne", "BSD-3-Clause"},
	{"fpdf (codeberg.org/go-pdf/fpdf)", "MIT"},
	{"modernc.org/sqlite, modernc.org/libc", "BSD-3-Clause"},
	{"go-i18n", "MIT"},
	{"BurntSushi/toml", "MIT"},
	{"golang.org/x/text, x/image, x/sys", "BSD-3-Clause"},
	{"Noto Sans", "SIL Open Font License 1.1"},
}

// shortcutsPage lists the keys in a two-column table.
func (h *screen) shortcutsPage() []fyne.CanvasObject {
	return shortcutsFor(h.loc, runtime.GOOS)
}

func shortcutsFor(loc *locales.Localizer, goos string) []fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, s := range shortcuts {
		key := s.Key
		if !s.Plain {
			key = loc.T("ui.help.key." + s.Key)
		}
		if s.Mod {
			key = modifier(goos) + "+" + key
		}
		grid.Add(widget.NewLabelWithStyle(key, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(wrapped(loc.T("ui.help.shortcut." + s.Action)))
	}
	intro := rich(heading(loc.T("ui.help.tab.shortcuts")), paragraph(loc.T("ui.help.shortcuts.intro")))
	return []fyne.CanvasObject{intro, grid}
}

// aboutPage says what the program is, where its data lives, the research
// behind it, its own licence (Apache-2.0) and what it is built with, pointing
// at the LICENSE and THIRD_PARTY_NOTICES files that ship with it.
func (h *screen) aboutPage() []fyne.CanvasObject {
	t := h.loc.T
	licences := make([]string, 0, len(licenceList)+1)
	for _, l := range licenceList {
		licences = append(licences, h.loc.Tf("ui.help.about.licence", map[string]any{"Name": l[0], "Licence": l[1]}))
	}
	licences = append(licences, h.loc.Tf("ui.help.about.licence", map[string]any{"Name": "SQLite", "Licence": t("ui.help.about.public_domain")}))
	return []fyne.CanvasObject{rich(
		heading(t("app.title")),
		bold(h.loc.Tf("ui.help.about.version", map[string]any{"Version": app.Version})),
		paragraph(t("ui.help.about.what")),
		subHeading(t("ui.help.about.data_title")),
		paragraph(t("ui.help.about.data")),
		subHeading(t("ui.help.about.research_title")),
		paragraph(t("ui.help.about.research")),
		subHeading(t("ui.help.about.licences_title")),
		paragraph(t("ui.help.about.own_licence")),
		paragraph(t("ui.help.about.licences")),
		list(licences),
		muted(t("ui.help.about.licences_more")),
	)}
}
