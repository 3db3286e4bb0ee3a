// Package locales embeds POMI Planner's message files, TOML files named
// by language (sv.toml, ui_steps.sv.toml), and serves one Localizer per language, so that the screen and a
// PDF can each use their own language at the same time.
package locales

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Default is the language used when none is asked for or the asked one is missing.
const Default = "en"

//go:embed *.toml
var files embed.FS

var (
	bundleOnce sync.Once
	bundle     *i18n.Bundle
	bundleErr  error
	languages  []string
)

// loadBundle parses every embedded message file once.
func loadBundle() (*i18n.Bundle, error) {
	bundleOnce.Do(func() {
		b := i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		names, err := fs.Glob(files, "*.toml")
		if err != nil {
			bundleErr = err
			return
		}
		for _, name := range names {
			if _, err := b.LoadMessageFileFS(files, name); err != nil {
				bundleErr = fmt.Errorf("load messages %s: %w", name, err)
				return
			}
			if lang := languageOfFile(name); !slices.Contains(languages, lang) {
				languages = append(languages, lang)
			}
		}
		sort.Strings(languages)
		bundle = b
	})
	return bundle, bundleErr
}

// languageOfFile returns the language of a message file: "sv" for both
// "sv.toml" and "ui_workspace.sv.toml". A language's messages may be split
// over several files so that screens keep their words beside each other.
func languageOfFile(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".toml")
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		return base[i+1:]
	}
	return base
}

// Languages lists the language codes that have a message file, sorted.
func Languages() []string {
	if _, err := loadBundle(); err != nil {
		return nil
	}
	return append([]string(nil), languages...)
}

// Match returns the supported language that best fits a locale such as
// "sv_SE.UTF-8", "sv-FI" or "en"; Default when nothing fits.
func Match(locale string) string {
	base := strings.ToLower(locale)
	if i := strings.IndexAny(base, "_-.@"); i >= 0 {
		base = base[:i]
	}
	for _, l := range Languages() {
		if l == base {
			return l
		}
	}
	return Default
}

// Supported reports whether lang has a message file.
func Supported(lang string) bool {
	for _, l := range Languages() {
		if l == lang {
			return true
		}
	}
	return false
}

// Localizer looks up messages in one language.
type Localizer struct {
	lang string
	loc  *i18n.Localizer
}

// New returns a Localizer for lang, or an error naming the languages there are.
func New(lang string) (*Localizer, error) {
	b, err := loadBundle()
	if err != nil {
		return nil, err
	}
	if !Supported(lang) {
		return nil, fmt.Errorf("language %q is not available (have %s)", lang, strings.Join(languages, ", "))
	}
	return &Localizer{lang: lang, loc: i18n.NewLocalizer(b, lang)}, nil
}

// MustNew is New for start-up and tests, where a missing embedded file is a build defect.
func MustNew(lang string) *Localizer {
	l, err := New(lang)
	if err != nil {
		panic(err)
	}
	return l
}

// Lang returns the localizer's language code.
func (l *Localizer) Lang() string { return l.lang }

// T returns the message id in the localizer's language. A missing message
// yields the id itself, so a gap shows on screen instead of crashing.
func (l *Localizer) T(id string) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id})
}

// Tf is T with template data, e.g. Tf("analysis.gap", map[string]any{"Name": n}).
func (l *Localizer) Tf(id string, data map[string]any) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// N returns the plural form of id for count; data may add template fields and
// always gets Count.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	fields := map[string]any{"Count": count}
	for k, v := range data {
		fields[k] = v
	}
	return l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: fields})
}

// Has reports whether id exists in the localizer's own language.
func (l *Localizer) Has(id string) bool {
	_, tag, err := l.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id})
	return err == nil && tag.String() == l.lang
}

func (l *Localizer) localize(cfg *i18n.LocalizeConfig) string {
	s, err := l.loc.Localize(cfg)
	if err != nil && s == "" {
		return cfg.MessageID
	}
	return s
}

// FromEnvironment returns the language of the user's locale as the usual
// variables name it (LC_ALL, LC_MESSAGES, LANG, first set wins), or Default.
func FromEnvironment(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			return Match(s)
		}
	}
	return Default
}
