package fynelang

import (
	"encoding/json"
	"fmt"

	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/pomi-planner/pomi/locales"
)

// Fyne's own labels ("Cancel", "OK", the file dialog, an entry's "Copy" menu)
// come from its lang package, which has one global localizer and no setter:
// it always picks the translation that best matches the operating system's
// locale (LANG on Linux, the user's locale on Windows and macOS) and reads
// that locale again whenever translations are added. So to show them in the
// language chosen inside the app, ApplyFyneLanguage writes the chosen
// language's texts under the OS locale's tag, the one Fyne is bound to pick.

// probe is a key Fyne never uses; its value says which language the
// texts Fyne shows now are in, so ApplyFyneLanguage can check it worked.
const probe = "pomi.fyne.language"

// builtin are the locales Fyne v2.8.0 ships translations for. When
// the OS locale's own tag does not take (an odd locale Fyne matches to one of
// these), the texts go under every one of them, so whichever Fyne picks
// shows the chosen language.
var builtin = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// keys maps each key Fyne looks up (lang.L / lang.X in v2.8.0) to the
// suffix of our message id "ui.fyne.<suffix>".
var keys = [][2]string{
	{"Advanced", "advanced"}, {"Cancel", "cancel"}, {"Confirm", "confirm"}, {"Copy", "copy"},
	{"Create Folder", "create_folder"}, {"Cut", "cut"}, {"Enter filename", "enter_filename"},
	{"Error", "error"}, {"Favourites", "favourites"}, {"File", "file"}, {"Folder", "folder"},
	{"New Folder", "new_folder"}, {"No", "no"}, {"OK", "ok"}, {"Open", "open"}, {"Paste", "paste"},
	{"Quit", "quit"}, {"Redo", "redo"}, {"Save", "save"}, {"Select all", "select_all"},
	{"Show Hidden Files", "show_hidden_files"}, {"Undo", "undo"}, {"Yes", "yes"},
	{"file.name", "file_name"}, {"file.parent", "file_parent"},
	{"monday", "monday"}, {"monday.short", "monday_short"}, {"tuesday", "tuesday"}, {"tuesday.short", "tuesday_short"},
	{"wednesday", "wednesday"}, {"wednesday.short", "wednesday_short"}, {"thursday", "thursday"},
	{"thursday.short", "thursday_short"}, {"friday", "friday"}, {"friday.short", "friday_short"},
	{"saturday", "saturday"}, {"saturday.short", "saturday_short"}, {"sunday", "sunday"}, {"sunday.short", "sunday_short"},
}

// ApplyFyneLanguage makes Fyne's built-in labels (dialog buttons, file
// dialogs, the Copy/Paste menu of text fields, calendar day names) follow
// the app's language lang ("sv", "en"; anything else gives the default) from
// the next widget built on: call it when the UI language is set at start and
// when it changes, on the UI thread (it replaces Fyne's global localizer),
// before rebuilding the screens. Works on every OS without a restart.
func ApplyFyneLanguage(lang string) {
	apply(lang)
}

// apply does ApplyFyneLanguage and returns the locales it wrote to,
// so a test can put back what was there.
func apply(language string) []fyne.Locale {
	loc, err := locales.New(language)
	if err != nil {
		loc = locales.MustNew(locales.Default)
	}
	data, err := messages(loc)
	if err != nil {
		kit.LogError("fyne labels", err)
		return nil
	}
	target := lang.SystemLocale()
	if add(data, target) && shown() == loc.Lang() {
		return []fyne.Locale{target}
	}
	// The OS locale's tag did not take; cover every locale Fyne could pick.
	for _, l := range builtin {
		add(data, l)
	}
	if shown := shown(); shown != loc.Lang() {
		kit.LogError("fyne labels", fmt.Errorf("asked for %s, Fyne shows %q (locale %s)", loc.Lang(), shown, target))
	}
	return append([]fyne.Locale{target}, builtin...)
}

// shown returns the language of the texts Fyne shows now, "" when
// they are Fyne's own.
func shown() string { return lang.X(probe, "") }

// add writes data as l's translations; false when Fyne refused them.
func add(data []byte, l fyne.Locale) bool {
	if err := lang.AddTranslationsForLocale(data, l); err != nil {
		kit.LogError("fyne labels for "+l.String(), err)
		return false
	}
	return true
}

// messages returns Fyne's keys with loc's texts as a go-i18n JSON file.
func messages(loc *locales.Localizer) ([]byte, error) {
	m := map[string]string{probe: loc.Lang()}
	for _, k := range keys {
		m[k[0]] = loc.T("ui.fyne." + k[1])
	}
	return json.Marshal(m)
}
