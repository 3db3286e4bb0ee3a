package locales

import (
	"io/fs"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/BurntSushi/toml"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// rawMessages parses every file of one language into id → plural forms
// ("other" alone for a plain message); an id in two files is an error.
func rawMessages(t *testing.T, lang string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	eachMessage(t, lang, func(name, id string, v any) {
		if _, dup := out[id]; dup {
			t.Errorf("%s: %q is also in another %s file", name, id, lang)
		}
		out[id] = messageForms(t, name, id, v)
	})
	return out
}

// eachMessage calls fn with every message of one language's files: the
// file, the id and the value (a string, or a table of plural forms).
func eachMessage(t *testing.T, lang string, fn func(file, id string, v any)) {
	t.Helper()
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if languageOfFile(name) != lang {
			continue
		}
		raw, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id, v := range m {
			fn(name, id, v)
		}
	}
}

func messageForms(t *testing.T, file, id string, v any) []string {
	switch v := v.(type) {
	case string:
		return []string{"other"}
	case map[string]any:
		var forms []string
		for form := range v {
			forms = append(forms, form)
		}
		sort.Strings(forms)
		return forms
	}
	t.Errorf("%s: %s has a value of type %T", file, id, v)
	return nil
}

func TestEveryLanguageHasTheSameIDsAndPluralForms(t *testing.T) {
	langs := Languages()
	if len(langs) < 2 || !Supported("sv") || !Supported("en") {
		t.Fatalf("languages = %v, want at least sv and en", langs)
	}
	base := rawMessages(t, Default)
	for _, lang := range langs {
		msgs := rawMessages(t, lang)
		for id, forms := range base {
			got, ok := msgs[id]
			switch {
			case !ok:
				t.Errorf("%s.toml lacks %q", lang, id)
			case strings.Join(got, ",") != strings.Join(forms, ","):
				t.Errorf("%s.toml: %q has forms %v, %s.toml has %v", lang, id, got, Default, forms)
			}
		}
		for id := range msgs {
			if _, ok := base[id]; !ok {
				t.Errorf("%s.toml has %q, which %s.toml lacks", lang, id, Default)
			}
		}
	}
}

func TestPluralMessagesHaveTheFormsSwedishNeeds(t *testing.T) {
	msgs := rawMessages(t, "sv")
	plural := 0
	for id, forms := range msgs {
		if len(forms) > 1 {
			plural++
			if strings.Join(forms, ",") != "one,other" {
				t.Errorf("%q has forms %v, Swedish needs one and other", id, forms)
			}
		}
	}
	if plural == 0 {
		t.Fatal("no plural messages found; the check would prove nothing")
	}
	sv := MustNew("sv")
	if got := sv.N("summary.unrated", 1, nil); !strings.HasPrefix(got, "En kompetens") {
		t.Errorf("one: %q", got)
	}
	if got := sv.N("summary.unrated", 3, nil); !strings.HasPrefix(got, "3 kompetenser") {
		t.Errorf("other: %q", got)
	}
}

func TestEveryReferenceMessageExistsInEveryLanguage(t *testing.T) {
	d := ref.MustLoad()
	ids := d.MessageIDs()
	for _, code := range validate.ErrorCodes {
		ids = append(ids, "error."+code)
	}
	for _, code := range app.ReasonCodes {
		ids = append(ids, "reason."+code)
	}
	if len(ids) < 300 {
		t.Fatalf("only %d ids: the reference data looks incomplete", len(ids))
	}
	for _, lang := range Languages() {
		l := MustNew(lang)
		for _, id := range ids {
			if !l.Has(id) {
				t.Errorf("%s: missing %q", lang, id)
			}
		}
	}
}

func TestMissingMessageShowsItsIDInsteadOfFailing(t *testing.T) {
	if got := MustNew("sv").T("no.such.message"); got != "no.such.message" {
		t.Errorf("got %q", got)
	}
	if _, err := New("xx"); err == nil {
		t.Error("New(xx) should fail")
	}
}

func TestMatchPicksTheLanguageOfALocale(t *testing.T) {
	for in, want := range map[string]string{
		"sv_SE.UTF-8": "sv", "sv-FI": "sv", "en_GB": "en", "de_DE.UTF-8": Default, "": Default, "C": Default,
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumbersAndDatesFollowTheLanguage(t *testing.T) {
	sv, en := MustNew("sv"), MustNew("en")
	day := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	cases := []struct{ got, want string }{
		{sv.Number(1234.5, 1), "1\u00a0234,5"},
		{en.Number(1234.5, 1), "1,234.5"},
		{sv.Number(-1234567, 0), "–1\u00a0234\u00a0567"},
		{en.Number(12, 0), "12"},
		{en.Number(0.04, 1), "0.0"},
		{sv.Percent(62.5, 1), "62,5\u00a0%"},
		{sv.DateLong(day), "27 november 2026"},
		{en.DateLong(day), "27 November 2026"},
		{sv.DateShort(day), "27 nov. 2026"},
		{en.DateShort(day), "27 Nov 2026"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestFromEnvironmentFollowsTheLocaleVariablesInOrder(t *testing.T) {
	env := map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "sv_SE.UTF-8"}
	if got := FromEnvironment(func(k string) string { return env[k] }); got != "sv" {
		t.Errorf("LC_ALL should win: got %s", got)
	}
	if got := FromEnvironment(func(string) string { return "" }); got != Default {
		t.Errorf("no locale: got %s", got)
	}
}
