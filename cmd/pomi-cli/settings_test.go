package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/locales"
)

// pomi-cli settings refuses branding that imported data could not hold,
// with the message the settings screen shows under the field, in the
// user's language, and changes nothing.
func TestSettingsRefusesInvalidBrandingWithTheScreensMessage(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	before := runOK(t, append([]string{"settings", "--organisation", "Exportkontoret Syd", "--advisor-title", "Rådgivare",
		"--color", "#7a1f3d", "--footer", "Konfidentiellt"}, dd...)...)
	cases := []struct {
		flag, value, id string
	}{
		{"advisor-title", strings.Repeat("a", 500), "error.too_long"},
		{"organisation", "Exportkontoret\x00Syd", "error.control_characters"},
		{"advisor", "Per\x1b[2J Holm", "error.control_characters"},
		{"footer", "rad ett\nrad två", "error.control_characters"},
		{"advisor-email", "per.holm@", "error.invalid_email"},
		{"advisor-phone", "ring växeln", "error.invalid_phone"},
		{"color", "#12", "error.invalid_colour"},
	}
	for _, lang := range []string{"sv", "en"} {
		l := locales.MustNew(lang)
		for _, c := range cases {
			args := append([]string{"settings", "--" + c.flag, c.value, "--paper", "letter"}, dd...)
			code, line := cliLine(env(map[string]string{"sv": "sv_SE.UTF-8", "en": "en_GB.UTF-8"}[lang]), args...)
			want := "pomi-cli: " + l.Tf("cli.error.field", map[string]any{"Field": "--" + c.flag, "Message": l.T(c.id)}) + "\n"
			if code != 2 || line != want {
				t.Errorf("%s --%s %q: exit %d, %q; want 2, %q", lang, c.flag, c.value, code, line, want)
			}
			if leaks.MatchString(line) {
				t.Errorf("%s --%s: %q shows a code or a Go type", lang, c.flag, line)
			}
		}
	}
	if after := runOK(t, append([]string{"settings"}, dd...)...); string(after) != string(before) {
		t.Errorf("refused settings changed what was saved:\n%s\nwas\n%s", after, before)
	}
	var got struct {
		Branding struct {
			FooterText string `json:"footer_text"`
		} `json:"branding"`
	}
	if err := json.Unmarshal(before, &got); err != nil || got.Branding.FooterText != "Konfidentiellt" {
		t.Errorf("--footer saved %+v (%v)", got, err)
	}
}
