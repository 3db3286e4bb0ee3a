package settings

import (
	"context"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// invalidBranding is text that an imported company file could not
// hold either, with the code app's validators give it.
var invalidBranding = []struct{ id, text, code string }{
	{"organisation", "Almi\x00Jönköping", validate.CodeControlChars},
	{"advisor_name", "Anna \x1b[2JBerg", validate.CodeControlChars},
	{"advisor_title", strings.Repeat("a", 500), validate.CodeTooLong},
	{"advisor_email", "anna.berg@", validate.CodeEmail},
	{"advisor_phone", "ring växeln", validate.CodePhone},
	{"footer", "Konfidentiellt\tsida", validate.CodeControlChars},
	{"color", "#12", validate.CodeColor},
}

// Each branding field says what an imported file with the same text is
// told, in the user's language, keeps the text on screen and saves nothing.
func TestSettingsBrandingRefusesWhatImportedDataMayNotHold(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		l := locales.MustNew(lang)
		scr, st, _ := onStore(t, lang)
		f := scr.Branding.Fields
		f["advisor_title"].Entry.SetText("Affärsrådgivare")
		want := savedSettings(t, scr, st).Branding
		for _, c := range invalidBranding {
			f[c.id].Entry.SetText(c.text)
			if msg := f[c.id].msg; msg.Text != l.T("error."+c.code) || !msg.Visible() {
				t.Errorf("%s %s %q: message %q, want %q", lang, c.id, c.text, msg.Text, l.T("error."+c.code))
			}
			if f[c.id].Entry.Text != c.text {
				t.Errorf("%s %s: the typed text became %q", lang, c.id, f[c.id].Entry.Text)
			}
			if err := f[c.id].Entry.Validate(); err == nil || err.Error() != l.T("error."+c.code) {
				t.Errorf("%s %s: the entry's validator says %v", lang, c.id, err)
			}
		}
		if scr.State.Text != l.T("ui.settings.invalid") {
			t.Errorf("%s: state %q with invalid fields", lang, scr.State.Text)
		}
		if got := savedSettings(t, scr, st).Branding; got.Organisation != want.Organisation || got.AdvisorName != want.AdvisorName ||
			got.AdvisorTitle != want.AdvisorTitle || got.AdvisorEmail != want.AdvisorEmail || got.AdvisorPhone != want.AdvisorPhone ||
			got.FooterText != want.FooterText || got.PrimaryColor != want.PrimaryColor {
			t.Errorf("%s: invalid text reached the database: %+v", lang, got)
		}
		f["advisor_title"].Entry.SetText("Exportrådgivare ")
		if got := savedSettings(t, scr, st).Branding.AdvisorTitle; got != "Exportrådgivare" {
			t.Errorf("%s: a corrected title saved as %q", lang, got)
		}
	}
}

// legacy is a store whose settings were saved before the branding
// was checked, e.g. by an older pomi-cli.
type legacy struct {
	*store.Store
	legacy app.Settings
}

func (s legacy) Settings(context.Context) (*app.Settings, error) {
	st := s.legacy
	return &st, nil
}

// A saved text the checks now refuse is shown with its reason when the
// screen opens; other edits are not saved past it until it is corrected.
func TestSettingsShowWhySavedBrandingIsRefused(t *testing.T) {
	_, st, _ := onStore(t, "sv")
	l := locales.MustNew("sv")
	legacy := legacy{Store: st, legacy: app.Settings{UsedBy: app.UsedByAdvisor,
		Branding: app.Branding{Organisation: "Almi", AdvisorTitle: strings.Repeat("a", 500)}}}
	scr, _ := settingsWindow(t, legacy, "sv")
	f := scr.Branding.Fields
	if f["advisor_title"].msg.Text != l.T("error.too_long") || f["advisor_title"].Entry.Text != legacy.legacy.Branding.AdvisorTitle {
		t.Errorf("a saved 500-character title shows %q under %d characters", f["advisor_title"].msg.Text, len(f["advisor_title"].Entry.Text))
	}
	if scr.State.Text != l.T("ui.settings.invalid") {
		t.Errorf("state %q with a refused saved title", scr.State.Text)
	}
	f["advisor_name"].Entry.SetText("Anna Berg")
	if err := scr.Flush(); err == nil {
		t.Error("settings with a 500-character title were saved")
	}
	if scr.State.Text != l.T("ui.settings.invalid") || f["advisor_title"].msg.Text != l.T("error.too_long") {
		t.Errorf("after a refused save: state %q, title message %q", scr.State.Text, f["advisor_title"].msg.Text)
	}
	f["advisor_title"].Entry.SetText("Affärsrådgivare")
	got := savedSettings(t, scr, st).Branding
	if got.AdvisorTitle != "Affärsrådgivare" || got.AdvisorName != "Anna Berg" || got.Organisation != "Almi" {
		t.Errorf("after correcting the title: %+v", got)
	}
}
