package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
)

// SaveSettings is the last line of defence: branding that imported data
// could not hold is refused with the same field errors, and the settings
// (with their logo) stay as they were.
func TestSaveSettingsRefusesInvalidBrandingAndKeepsTheSavedOnes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	good := &app.Settings{UsedBy: app.UsedByAdvisor, Branding: app.Branding{Organisation: "Almi Jönköping",
		Logo: []byte{1, 2, 3}, PrimaryColor: "#1f5f8b", AdvisorTitle: "Affärsrådgivare"}}
	if err := s.SaveSettings(ctx, good); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		edit  func(b *app.Branding)
		field string
		code  string
	}{
		{"NUL in the organisation", func(b *app.Branding) { b.Organisation = "Almi\x00Jönköping" }, "branding.organisation", validate.CodeControlChars},
		{"escape in the advisor's name", func(b *app.Branding) { b.AdvisorName = "Per \x1b[2JHolm" }, "branding.advisor_name", validate.CodeControlChars},
		{"500-character title", func(b *app.Branding) { b.AdvisorTitle = strings.Repeat("a", 500) }, "branding.advisor_title", validate.CodeTooLong},
		{"line break in the footer", func(b *app.Branding) { b.FooterText = "Konfidentiellt\nsida" }, "branding.footer_text", validate.CodeControlChars},
		{"bad e-mail", func(b *app.Branding) { b.AdvisorEmail = "per.holm@" }, "branding.advisor_email", validate.CodeEmail},
		{"bad phone", func(b *app.Branding) { b.AdvisorPhone = "ring växeln" }, "branding.advisor_phone", validate.CodePhone},
		{"bad colour", func(b *app.Branding) { b.PrimaryColor = "blå" }, "branding.primary_color", validate.CodeColor},
	}
	for _, c := range cases {
		bad := *good
		bad.Branding.Logo = nil
		c.edit(&bad.Branding)
		err := s.SaveSettings(ctx, &bad)
		fes := validate.FieldErrors(err)
		if len(fes) != 1 || fes[0].Field != c.field || fes[0].Code != c.code {
			t.Errorf("%s: SaveSettings = %v, want %s: %s", c.name, err, c.field, c.code)
		}
		got, err := s.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Branding.Organisation != good.Branding.Organisation || got.Branding.AdvisorTitle != good.Branding.AdvisorTitle ||
			got.Branding.AdvisorName != "" || got.Branding.FooterText != "" || got.Branding.PrimaryColor != "#1f5f8b" ||
			!slices.Equal(got.Branding.Logo, []byte{1, 2, 3}) {
			t.Errorf("%s: the saved settings changed to %+v", c.name, got.Branding)
		}
	}
}
