package markets

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/pomi-planner/pomi/app/validate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/pomi-planner/pomi/locales"
)

// country is a code with its name in one language: an ISO 3166-1 alpha-2
// country for the markets, or (as marketsItem) an ISO 639-1 language for the
// management's languages, which use the same searchable picker.
type country = item

// item is one entry of a searchable picker.
type item struct {
	Code string
	Name string
	// key is Name folded for matching (see marketsFold).
	key string
}

// lists caches the sorted lists per kind and language: they never
// change while the program runs, and each step view asks again.
var lists sync.Map

// countryNames lists every ISO 3166-1 country that app.ValidateCountry
// accepts, named in lang ("Tyskland" for DE in Swedish) and sorted the way
// that language sorts (Å, Ä, Ö after Z in Swedish). Regions that are not
// countries ("EU", "001") are not in it. The slice is shared: do not change it.
func countryNames(lang string) []country {
	return cached("country:"+lang, func() []item {
		tag := language.Make(lang)
		names, english := display.Regions(tag), display.Regions(language.English)
		var out []item
		for _, code := range codes(strings.ToUpper, validate.Country) {
			r := language.MustParseRegion(code)
			out = append(out, named(code, names.Name(r), english.Name(r)))
		}
		return sorted(tag, out)
	})
}

// Languages lists every ISO 639-1 language that app.ValidateLanguage
// accepts and that has a name, named and sorted in lang.
func Languages(lang string) []item {
	return cached("language:"+lang, func() []item {
		tag := language.Make(lang)
		names, english := display.Languages(tag), display.Languages(language.English)
		var out []item
		for _, code := range codes(func(s string) string { return s }, validate.Language) {
			b := language.MustParseBase(code)
			if english.Name(b) == "" {
				continue // a code without a name helps nobody pick it
			}
			out = append(out, named(code, names.Name(b), english.Name(b)))
		}
		return sorted(tag, out)
	})
}

func cached(key string, build func() []item) []item {
	if v, ok := lists.Load(key); ok {
		return v.([]item)
	}
	v, _ := lists.LoadOrStore(key, build())
	return v.([]item)
}

// codes returns every two-letter code aa–zz (in the case) that valid
// accepts: the validators in app are the single source of which codes exist.
func codes(caseOf func(string) string, valid func(string) error) []string {
	var out []string
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := caseOf(string([]rune{a, b}))
			if valid(code) == nil {
				out = append(out, code)
			}
		}
	}
	return out
}

// named uses the name in the language, else the English one, else the code.
func named(code, name, english string) item {
	if name == "" {
		name = english
	}
	if name == "" {
		name = code
	}
	return item{Code: code, Name: name, key: fold(name)}
}

func sorted(tag language.Tag, items []item) []item {
	col := collate.New(tag)
	slices.SortFunc(items, func(a, b item) int { return col.CompareString(a.Name, b.Name) })
	return items
}

// fold lower-cases s and drops its accents, so that "osterr" finds
// "Österrike" and "cote" finds "Côte d’Ivoire".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	return strings.ToLower(folded)
}

// match returns up to limit items matching query, best first: the
// exact code ("de"), names starting with it, names with a word starting with
// it, then names containing it anywhere; items in skip are left out.
func match(items []item, query string, skip map[string]bool, limit int) []item {
	q := fold(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var tiers [4][]item
	for _, it := range items {
		if skip[it.Code] {
			continue
		}
		switch {
		case strings.EqualFold(it.Code, q):
			tiers[0] = append(tiers[0], it)
		case strings.HasPrefix(it.key, q):
			tiers[1] = append(tiers[1], it)
		case strings.Contains(it.key, " "+q) || strings.Contains(it.key, "-"+q):
			tiers[2] = append(tiers[2], it)
		case strings.Contains(it.key, q):
			tiers[3] = append(tiers[3], it)
		}
	}
	var out []item
	for _, tier := range tiers {
		for _, it := range tier {
			if len(out) == limit {
				return out
			}
			out = append(out, it)
		}
	}
	return out
}

// name returns the name of code in items, or the code itself.
func name(items []item, code string) string {
	for _, it := range items {
		if it.Code == code {
			return it.Name
		}
	}
	return code
}

// Picker chooses codes from a long list by typing: matches show as
// buttons under the entry, Enter takes the first, and each chosen item is a
// button with a cross that removes it ("Tyskland ✕").
type Picker struct {
	loc      *locales.Localizer
	items    []item
	chosen   []string
	onChange func(codes []string)

	entry   *widget.Entry
	suggest *fyne.Container
	chips   *fyne.Container
	box     *fyne.Container
	matches []item
}

// suggestions is how many matches show at once: enough to find a
// country by a few letters, few enough to keep the page calm.
const suggestions = 6

// NewPicker builds a picker over items with chosen preselected;
// onChange gets the new codes after every add or remove.
func NewPicker(loc *locales.Localizer, items []item, chosen []string, placeholder string, onChange func([]string)) *Picker {
	p := &Picker{loc: loc, items: items, chosen: slices.Clone(chosen), onChange: onChange}
	p.entry = widget.NewEntry()
	p.entry.SetPlaceHolder(placeholder)
	p.entry.OnChanged = p.filter
	p.entry.OnSubmitted = func(string) {
		if len(p.matches) > 0 {
			p.Add(p.matches[0].Code)
		}
	}
	p.suggest = container.NewVBox()
	p.chips = container.New(layout.NewRowWrapLayout())
	p.box = container.NewVBox(p.entry, p.suggest, p.chips)
	p.showChips()
	return p
}

// Content is the picker's canvas object.
func (p *Picker) Content() fyne.CanvasObject { return p.box }

// Chosen returns the chosen codes in the order they were added.
func (p *Picker) Chosen() []string { return slices.Clone(p.chosen) }

// Add chooses code, clears the search and tells onChange.
func (p *Picker) Add(code string) {
	if !slices.Contains(p.chosen, code) {
		p.chosen = append(p.chosen, code)
		p.showChips()
		if p.onChange != nil {
			p.onChange(p.Chosen())
		}
	}
	p.entry.SetText("")
}

// Remove takes code out of the chosen ones and tells onChange.
func (p *Picker) Remove(code string) {
	i := slices.Index(p.chosen, code)
	if i < 0 {
		return
	}
	p.chosen = slices.Delete(p.chosen, i, i+1)
	p.showChips()
	if p.onChange != nil {
		p.onChange(p.Chosen())
	}
}

// filter shows the items matching what has been typed so far.
func (p *Picker) filter(text string) {
	skip := map[string]bool{}
	for _, c := range p.chosen {
		skip[c] = true
	}
	p.matches = match(p.items, text, skip, suggestions)
	p.suggest.RemoveAll()
	for _, m := range p.matches {
		code := m.Code
		b := widget.NewButtonWithIcon(m.Name, theme.ContentAddIcon(), func() { p.Add(code) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		p.suggest.Add(b)
	}
	if len(p.matches) == 0 && strings.TrimSpace(text) != "" {
		none := widget.NewLabel(p.loc.Tf("ui.markets.no_match", map[string]any{"Query": strings.TrimSpace(text)}))
		none.Importance = widget.LowImportance
		none.Wrapping = fyne.TextWrapWord
		p.suggest.Add(none)
	}
	p.box.Refresh()
}

func (p *Picker) showChips() {
	p.chips.RemoveAll()
	for _, code := range p.chosen {
		code := code
		b := widget.NewButtonWithIcon(name(p.items, code), theme.CancelIcon(), func() { p.Remove(code) })
		b.IconPlacement = widget.ButtonIconTrailingText
		p.chips.Add(b)
	}
	if len(p.chosen) == 0 {
		none := widget.NewLabel(p.loc.T("ui.markets.none_chosen"))
		none.Importance = widget.LowImportance
		p.chips.Add(none)
	}
	p.box.Refresh()
}
