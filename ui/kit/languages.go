package kit

import "github.com/pomi-planner/pomi/locales"

// LanguageNames lists each language in its own name, e.g. "Svenska".
func LanguageNames() []string {
	var names []string
	for _, l := range locales.Languages() {
		names = append(names, locales.MustNew(l).T("language."+l+".name"))
	}
	return names
}

func LanguageOf(name string) string {
	for _, l := range locales.Languages() {
		if locales.MustNew(l).T("language."+l+".name") == name {
			return l
		}
	}
	return locales.Default
}
