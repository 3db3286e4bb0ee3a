package fynelang

import (
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Saved is Fyne's own labels as they were at one moment, for whoever
// switches Fyne's language and must put it back (the tests).
type Saved struct {
	labels map[string]string
	// Locales are the locales Restore writes the labels under: the system's,
	// and whatever ApplyFyneLanguage wrote to since.
	Locales []fyne.Locale
}

// Save records Fyne's labels as shown now.
func Save() *Saved {
	labels := map[string]string{probe: shown()}
	for _, k := range keys {
		labels[k[0]] = lang.X(k[0], k[0])
	}
	return &Saved{labels: labels, Locales: []fyne.Locale{lang.SystemLocale()}}
}

// Restore puts the saved labels back under every locale in s.Locales.
func (s *Saved) Restore() error {
	data, err := json.Marshal(s.labels)
	if err != nil {
		return err
	}
	for _, l := range s.Locales {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			return err
		}
	}
	return nil
}
