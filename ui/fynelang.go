package ui

import (
	"encoding/json"
	"fmt"

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

// fyneLangProbe is a key Fyne never uses; its value says which language the
// texts Fyne shows now are in, so ApplyFyneLanguage can check it worked.
const fyneLangProbe = "pomi.fyne.language"

// fyneLangBuiltin are the locales Fyne v2.8.0 ships translations for. When
// the OS locale's own tag does not take (an odd locale Fyne matches to one of
// these), the texts go under every one of them, so whichever Fyne picks
// shows the chosen language.
var fyneLangBuiltin = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// fyneLangKeys maps each key Fyne looks up (lang.L / lang.X in v2.8.0) to the
// suffix of our message id "ui.fyne.<suffix>".
var fyneLangKeys = [][2]string{
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
	fyneLangApply(lang)
}

// fyneLangApply does ApplyFyneLanguage and returns the locales it wrote to,
// so a test can put back what was there.
func fyneLangApply(language string) []fyne.Locale {
	loc, err := locales.New(language)
	if err != nil {
		loc = locales.MustNew(locales.Default)
	}
	data, err := fyneLangMessages(loc)
	if err != nil {
		logError("fyne labels", err)
		return nil
	}
	target := lang.SystemLocale()
	if fyneLangAdd(data, target) && fyneLangShown() == loc.Lang() {
		return []fyne.Locale{target}
	}
	// The OS locale's tag did not take; cover every locale Fyne could pick.
	for _, l := range fyneLangBuiltin {
		fyneLangAdd(data, l)
	}
	if shown := fyneLangShown(); shown != loc.Lang() {
		logError("fyne labels", fmt.Errorf("asked for %s, Fyne shows %q (locale %s)", loc.Lang(), shown, target))
	}
	return append([]fyne.Locale{target}, fyneLangBuiltin...)
}

// fyneLangShown returns the language of the texts Fyne shows now, "" when
// they are Fyne's own.
func fyneLangShown() string { return lang.X(fyneLangProbe, "") }

// fyneLangAdd writes data as l's translations; false when Fyne refused them.
func fyneLangAdd(data []byte, l fyne.Locale) bool {
	if err := lang.AddTranslationsForLocale(data, l); err != nil {
		logError("fyne labels for "+l.String(), err)
		return false
	}
	return true
}

// fyneLangMessages returns Fyne's keys with loc's texts as a go-i18n JSON file.
func fyneLangMessages(loc *locales.Localizer) ([]byte, error) {
	m := map[string]string{fyneLangProbe: loc.Lang()}
	for _, k := range fyneLangKeys {
		m[k[0]] = loc.T("ui.fyne." + k[1])
	}
	return json.Marshal(m)
}
