package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// env is a getenv for cli with only LANG set.
func env(lang string) func(string) string {
	return func(name string) string {
		if name == "LANG" {
			return lang
		}
		return ""
	}
}

// cliLine runs pomi-cli as main does and returns its exit code and stderr.
func cliLine(getenv func(string) string, args ...string) (int, string) {
	var stderr bytes.Buffer
	code := cli(args, &bytes.Buffer{}, &stderr, getenv)
	return code, stderr.String()
}

// leaks matches what a user must never read: an error code of app's
// validators, a Go type or a formatting mistake, encoding/json's own words.
var leaks = regexp.MustCompile(`\b(` + strings.Join(validate.ErrorCodes, "|") + `)\b` +
	`|\*?\b[a-z]+\.[A-Z][A-Za-z]*(Error|Problem)\b|%!|&\{|map\[|struct \{|<nil>|Go struct|of type|json: |\bint\b`)

// The error paths of pomi-cli in both languages: each is one line on stderr
// with the exit code of its kind, says what the window or the message files
// say, and never shows an error code or a Go type.
func TestErrorsSpeakTheUsersLanguageWithoutCodesOrGoTypes(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	runOK(t, append([]string{"demo"}, dd...)...)
	export := filepath.Join(t.TempDir(), "export.json")
	runOK(t, append([]string{"export", "--company", "1", "--out", export}, dd...)...)
	good, _ := os.ReadFile(export)
	var doc map[string]any
	if err := json.Unmarshal(good, &doc); err != nil {
		t.Fatal(err)
	}
	doc["company"].(map[string]any)["org_nr"] = ""
	fresh, _ := json.Marshal(doc)
	files := t.TempDir()
	file := func(name string, raw []byte) string {
		path := filepath.Join(files, name)
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	rating := func(value any) []byte {
		ratings := doc["assessments"].([]any)[0].(map[string]any)["statement_ratings"].(map[string]any)
		was := ratings["P1"]
		defer func() { ratings["P1"] = was }()
		ratings["P1"] = value
		raw, _ := json.Marshal(doc)
		return raw
	}
	badOrgNr := file("orgnr.json", bytes.Replace(fresh, []byte(`"org_nr":""`), []byte(`"org_nr":"556036-0794"`), 1))
	seven := file("seven.json", rating(7))
	null := file("null.json", rating(nil))
	half := file("half.json", rating(2.5))
	cut := file("cut.json", fresh[:len(fresh)/2])
	missing := filepath.Join(files, "saknas.json")

	damaged := t.TempDir()
	runOK(t, "demo", "--data-dir", damaged)
	backup := strings.TrimSpace(string(runOK(t, "backup", "--data-dir", damaged)))
	damagePages(t, filepath.Join(damaged, store.DatabaseName))

	for _, lang := range []string{"en", "sv"} {
		l := locales.MustNew(lang)
		getenv := env(map[string]string{"en": "en_US.UTF-8", "sv": "sv_SE.UTF-8"}[lang])
		cases := []struct {
			name string
			args []string
			code int
			says []string
		}{
			{"bad org.nr", []string{"import", badOrgNr, "--as-new", "--data-dir", dir}, 1,
				[]string{badOrgNr, "company.org_nr: " + l.T("error.orgnr_checksum")}},
			{"rating 7", []string{"import", seven, "--as-new", "--data-dir", dir}, 1,
				[]string{"statement_ratings.P1: " + l.T("error.invalid_rating")}},
			{"rating null", []string{"import", null, "--as-new", "--data-dir", dir}, 1,
				[]string{"statement_ratings.P1: " + l.T("error.invalid_rating")}},
			{"rating 2.5", []string{"analyze", "--in", half, "--lang", lang}, 1,
				[]string{l.Tf("cli.error.json_type", map[string]any{"Field": "assessments.statement_ratings", "Want": l.T("cli.json.integer")})}},
			{"damaged JSON", []string{"import", cut, "--data-dir", dir}, 1,
				[]string{cut, strings.Split(l.T("cli.error.json_syntax"), ":")[0]}},
			{"missing file", []string{"import", missing, "--data-dir", dir}, 1,
				[]string{l.Tf("cli.error.open_file", map[string]any{"Path": missing, "Reason": l.T("cli.reason.not_exist")})}},
			{"unknown command", []string{"fly"}, 2,
				[]string{l.Tf("cli.error.unknown_command", map[string]any{"Command": "fly"})}},
			{"unknown flag", []string{"ref", "--colour", "red"}, 2,
				[]string{l.Tf("cli.error.unknown_flag", map[string]any{"Command": "ref", "Flag": "-colour"})}},
			{"no command", nil, 2, []string{l.T("cli.error.no_command")}},
			{"unknown language", []string{"ref", "--lang", "fi"}, 2, []string{"fi", "en " + l.T("cli.or") + " sv"}},
			{"no assessment that day", []string{"analyze", "--in", export, "--date", "1999-01-01", "--lang", lang}, 1,
				[]string{l.Tf("cli.error.no_assessment_dated", map[string]any{"Company": doc["company"].(map[string]any)["name"], "Date": "1999-01-01"})}},
			{"no such company", []string{"show", "--company", "99", "--data-dir", dir}, 1, []string{l.T("cli.error.not_found")}},
			{"damaged database", []string{"list", "--data-dir", damaged}, 1,
				[]string{l.Tf("cli.error.db_corrupt_backup", map[string]any{"Path": filepath.Join(damaged, store.DatabaseName), "Backup": backup})}},
		}
		for _, c := range cases {
			t.Run(lang+"/"+c.name, func(t *testing.T) {
				code, line := cliLine(getenv, c.args...)
				if code != c.code || !strings.HasPrefix(line, "pomi-cli: ") || strings.Count(line, "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want exit %d and one line", code, line, c.code)
				}
				for _, want := range c.says {
					if !strings.Contains(line, want) {
						t.Errorf("%q does not say %q", line, want)
					}
				}
				if m := leaks.FindString(line); m != "" {
					t.Errorf("%q shows %q", line, m)
				}
			})
		}
	}
}

// Without --lang an error follows the language saved in the data folder
// once it is open, and the system's before that; --lang wins over both.
func TestErrorsFollowLangThenTheSavedLanguageThenTheSystem(t *testing.T) {
	dir := t.TempDir()
	runOK(t, "settings", "--data-dir", dir, "--ui-lang", "sv")
	missing := filepath.Join(t.TempDir(), "saknas.json")
	sv, en := locales.MustNew("sv"), locales.MustNew("en")
	orgNr := "company.org_nr: " + sv.T("error.orgnr_checksum")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"format":"pomi-planner/company","version":1,"company":{"name":"A","org_nr":"556036-0794"}}`), 0o600)
	for _, c := range []struct {
		name, lang string
		args       []string
		want       string
	}{
		{"the saved language", "en_US.UTF-8", []string{"import", bad, "--data-dir", dir}, orgNr},
		{"the saved language for a missing file", "en_US.UTF-8", []string{"import", missing, "--data-dir", dir}, sv.T("cli.reason.not_exist")},
		{"the system's before the folder opens", "sv_SE.UTF-8", []string{"fly"}, sv.Tf("cli.error.unknown_command", map[string]any{"Command": "fly"})},
		{"the system's in English", "en_GB.UTF-8", []string{"fly"}, en.Tf("cli.error.unknown_command", map[string]any{"Command": "fly"})},
		{"--lang over the system's", "sv_SE.UTF-8", []string{"analyze", "--in", missing, "--lang", "en"}, en.T("cli.reason.not_exist")},
		{"--lang=sv over the saved language", "en_US.UTF-8", []string{"show", "--company", "7", "--lang=sv", "--data-dir", dir}, sv.T("cli.error.not_found")},
	} {
		_, line := cliLine(env(c.lang), c.args...)
		if !strings.Contains(line, c.want) {
			t.Errorf("%s: %q does not say %q", c.name, line, c.want)
		}
	}
	// The command's own output follows the saved language too.
	runOK(t, "demo", "--data-dir", dir)
	if out := string(runOK(t, "show", "--company", "1", "--data-dir", dir)); !strings.Contains(out, sv.T("show.assessments")) {
		t.Errorf("show without --lang in a folder saved as Swedish:\n%s", out)
	}
}

// What a command prints on success speaks the saved language too, not only
// its errors.
func TestSuccessLinesFollowTheSavedLanguage(t *testing.T) {
	dir := t.TempDir()
	runOK(t, "settings", "--ui-lang", "sv", "--data-dir", dir)
	if out := string(runOK(t, "check", "--data-dir", dir)); !strings.HasPrefix(out, "Kontrollen av ") {
		t.Errorf("check in Swedish says %q", out)
	}
	if out := string(runOK(t, "list", "--data-dir", dir)); strings.TrimSpace(out) != "0 av 0" {
		t.Errorf("list in Swedish says %q", out)
	}
	runOK(t, "settings", "--ui-lang", "en", "--data-dir", dir)
	if out := string(runOK(t, "check", "--data-dir", dir)); !strings.HasPrefix(out, "The integrity check of ") {
		t.Errorf("check in English says %q", out)
	}
}
