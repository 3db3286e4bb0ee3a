package locales

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// glossaryEntry is one row of glossary.tsv: one concept, its term in each
// language and the words that must not name it.
type glossaryEntry struct {
	concept   string
	term      map[string]string   // language → term
	forbidden map[string][]string // language → forbidden words
	ids       []string            // messages whose text is exactly the term
	scope     []string            // id prefixes the forbidden words apply to; none = all
	except    []string            // id prefixes where the forbidden words mean something else
}

func readGlossary(t *testing.T) []glossaryEntry {
	t.Helper()
	raw, err := os.ReadFile("glossary.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []glossaryEntry
	header := true
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 8 {
			t.Fatalf("glossary.tsv:%d: %d columns, want 8 (tab-separated)", n+1, len(cols))
		}
		if header {
			header = false
			continue
		}
		out = append(out, glossaryEntry{
			concept:   cols[0],
			term:      map[string]string{"sv": cols[1], "en": cols[3]},
			forbidden: map[string][]string{"sv": glossaryList(cols[2]), "en": glossaryList(cols[4])},
			ids:       glossaryList(cols[5]),
			scope:     glossaryList(cols[6]),
			except:    glossaryList(cols[7]),
		})
	}
	if len(out) < 20 {
		t.Fatalf("only %d glossary entries: the file looks cut short", len(out))
	}
	return out
}

func glossaryList(s string) []string {
	if s = strings.TrimSpace(s); s == "-" || s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// wordPattern matches a word or phrase on its own: not inside a longer word,
// where a hyphen counts as part of a word ("licens-" in "licens- eller
// franchisetagare" is not the word "licens"). A trailing * allows any ending.
func wordPattern(word string) *regexp.Regexp {
	ending := ""
	if strings.HasSuffix(word, "*") {
		word, ending = strings.TrimSuffix(word, "*"), `[\p{L}\p{N}]*`
	}
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}-])(` + regexp.QuoteMeta(word) + ending + `)(?:$|[^\p{L}\p{N}-])`)
}

// localeTexts is every message of one language as id → its texts (one per
// plural form), from every message file, with template actions such as
// {{.Color}} and web addresses taken out: only words a reader sees are held
// against the glossary, never ids, keys or placeholders.
func localeTexts(t *testing.T, lang string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	eachMessage(t, lang, func(_, id string, v any) {
		switch v := v.(type) {
		case string:
			out[id] = append(out[id], readerText(v))
		case map[string]any:
			for _, form := range v {
				if s, ok := form.(string); ok {
					out[id] = append(out[id], readerText(s))
				}
			}
		}
	})
	if len(out) == 0 {
		t.Fatalf("no %s messages found", lang)
	}
	return out
}

var (
	templateAction = regexp.MustCompile(`\{\{[^}]*\}\}`)
	webAddress     = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:se|com|org|eu|net)\b\S*`)
	cliWords       = regexp.MustCompile(`--[\w-]+|\bpomi-cli(?: [a-z-]+)?|^[a-z][a-z-]*:`)
)

// readerText is a message as the reader sees it, less what is not ours to
// word: placeholders, web addresses, command-line flags and command names
// ("analyze: …", "pomi-cli analyze") and the source report's title.
func readerText(s string) string {
	s = templateAction.ReplaceAllString(s, " ")
	s = webAddress.ReplaceAllString(s, " ")
	s = cliWords.ReplaceAllString(s, " ")
	for _, q := range sourceQuotes {
		s = strings.ReplaceAll(s, q, " ")
	}
	return s
}

func hasPrefix(id string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

func sortedIDs(m map[string][]string) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// TestEveryLocaleUsesTheGlossaryTerms holds every message of every language
// against glossary.tsv: no forbidden word names a concept, and the labels the
// glossary lists say its term.
func TestEveryLocaleUsesTheGlossaryTerms(t *testing.T) {
	entries := readGlossary(t)
	for _, lang := range []string{"sv", "en"} {
		texts := localeTexts(t, lang)
		ids := sortedIDs(texts)
		for _, e := range entries {
			for _, word := range e.forbidden[lang] {
				re := wordPattern(word)
				for _, id := range ids {
					if (len(e.scope) > 0 && !hasPrefix(id, e.scope)) || hasPrefix(id, e.except) {
						continue
					}
					for _, text := range texts[id] {
						if m := re.FindStringSubmatch(text); m != nil {
							t.Errorf("%s %s: %q names %s; the glossary term is %q", lang, id, m[1], e.concept, e.term[lang])
						}
					}
				}
			}
			for _, id := range e.ids {
				got, ok := texts[id]
				if !ok {
					t.Errorf("glossary.tsv: %s lists %q, which %s lacks", e.concept, id, lang)
					continue
				}
				if !glossaryTermMatches(got[0], e.term[lang]) {
					t.Errorf("%s %s = %q, the glossary term for %s is %q", lang, id, strings.TrimSpace(got[0]), e.concept, e.term[lang])
				}
			}
		}
	}
}

// glossaryTermMatches: a label says the term, in any inflection
// ("Målmarknader", "Entry modes"), or one of its forms when the glossary gives
// several ("Stryk / struken").
func glossaryTermMatches(text, term string) bool {
	for _, form := range strings.Split(term, " / ") {
		if wordPattern(strings.TrimSpace(form) + "*").MatchString(text) {
			return true
		}
	}
	return false
}

// americanSpellings are spellings a British text does not use. Words that
// merely end in "ize" and are British too (size, prize, seize) are let through.
var americanSpellings = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b[\p{L}]*[a-z](?:iz|yz)(?:e|es|ed|ing|ation|ations|ational|er|ers)\b`),
	regexp.MustCompile(`(?i)\b(?:colors?|colored|coloring|colorful)\b`),
	regexp.MustCompile(`(?i)\borganization`),
	regexp.MustCompile(`(?i)\b(?:centers?|centered)\b`),
	regexp.MustCompile(`(?i)\b(?:behaviors?|favors?|favorite|honors?|labors?|catalogs?|defense|offense)\b`),
	regexp.MustCompile(`(?i)\b(?:canceled|canceling|traveled|traveling|traveler|labeled|labeling|modeled|modeling|enrollment|fulfill|fulfills)\b`),
	regexp.MustCompile(`(?i)\b(?:a|the|this|your|our) license\b|\blicense (?:fee|fees|text|agreement)\b`),
}

var britishAnyway = regexp.MustCompile(`(?i)^(?:[\p{L}]*size[sd]?|[\p{L}]*sizing|prize[sd]?|seize[sd]?|seizing|capsize[sd]?)$`)

// sourceQuotes are titles of the source report quoted as they are printed
// (in American spelling); the method and the citations must name them so.
var sourceQuotes = []string{"Internationalization competence of SMEs"}

// TestEnglishIsBritishEverywhere holds every English text to one spelling,
// British: organisation, internationalisation, analyse, colour, licence (the
// noun), programme for a plan. The section names (section.*) are the source
// report's own headings, quoted verbatim in citations, and keep its spelling.
func TestEnglishIsBritishEverywhere(t *testing.T) {
	texts := localeTexts(t, "en")
	checked := 0
	for _, id := range sortedIDs(texts) {
		if strings.HasPrefix(id, "section.") {
			continue
		}
		for _, text := range texts[id] {
			checked++
			for _, re := range americanSpellings {
				for _, word := range re.FindAllString(text, -1) {
					if britishAnyway.MatchString(word) {
						continue
					}
					t.Errorf("en %s: %q is American spelling; write it the British way", id, word)
				}
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d English texts checked", checked)
	}
}

// The spelling check itself: it catches the American forms and lets British
// words and template variables through.
func TestTheSpellingCheckKnowsBritishFromAmerican(t *testing.T) {
	american := func(s string) bool {
		s = readerText(s)
		for _, re := range americanSpellings {
			for _, w := range re.FindAllString(s, -1) {
				if !britishAnyway.MatchString(w) {
					return true
				}
			}
		}
		return false
	}
	for _, s := range []string{"organization", "Internationalization", "analyze markets", "the color", "a license fee", "we organize", "utilizing"} {
		if !american(s) {
			t.Errorf("%q passed as British", s)
		}
	}
	for _, s := range []string{"organisation", "internationalisation", "analyse", "colour {{.Color}}", "size", "sizes", "prize", "to license a patent", "the licence", "citizen", "www.colorado.com"} {
		if american(s) {
			t.Errorf("%q taken for American", s)
		}
	}
	if m := wordPattern("licens").FindStringSubmatch("licens- eller franchisetagare, licensiering"); m != nil {
		t.Errorf("licens matched %q", m[1])
	}
	if m := wordPattern("exportfas*").FindStringSubmatch("i exportfasen."); m == nil || m[1] != "exportfasen" {
		t.Errorf("exportfas* did not match exportfasen: %v", m)
	}
}
