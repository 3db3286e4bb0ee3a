package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// runSettings shows the saved settings, and changes those given as flags:
// the organisation's branding for the plans and the report defaults.
func runSettings(args []string, out io.Writer) error {
	fs := newFlags("settings", out)
	texts := map[string]*string{}
	for _, name := range []string{"organisation", "color", "advisor", "advisor-title", "advisor-email", "advisor-phone", "footer", "report-lang", "paper", "ui-lang", "used-by"} {
		texts[name] = fs.String(name, "", settingsHelp[name])
	}
	logo := fs.String("logo", "", "the organisation's logo, a PNG or JPEG file (\"none\" removes it)")
	dataFlags(fs)
	if err := fs.parse(args); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		if len(given) > 0 && !(len(given) == 1 && given["data-dir"]) {
			if err := applySettings(st, texts, given, *logo); err != nil {
				return err
			}
			if err := s.SaveSettings(ctx, st); err != nil {
				return err
			}
		}
		return writeJSON(out, struct {
			*app.Settings
			LogoBytes int `json:"logo_bytes"`
		}{st, len(st.Branding.Logo)})
	})
}

var settingsHelp = map[string]string{
	"organisation":  "the organisation's name on every page of the plans",
	"color":         "the organisation's colour, #rrggbb",
	"advisor":       "the advisor's name on the cover and the signature page",
	"advisor-title": "the advisor's title",
	"advisor-email": "the advisor's e-mail",
	"advisor-phone": "the advisor's phone",
	"footer":        "a line at the foot of every page of the plans",
	"report-lang":   "the default language of the plans and the portfolio report and workbook: sv or en",
	"paper":         "the plans' default paper size: a4 or letter",
	"ui-lang":       "the window's language: sv or en",
	"used-by":       "who uses the app and brands the plans: advisor or company",
}

// applySettings copies the given flags into st after checking them.
func applySettings(st *app.Settings, texts map[string]*string, given map[string]bool, logo string) error {
	b := &st.Branding
	fields := map[string]*string{
		"organisation": &b.Organisation, "color": &b.PrimaryColor, "advisor": &b.AdvisorName,
		"advisor-title": &b.AdvisorTitle, "advisor-email": &b.AdvisorEmail, "advisor-phone": &b.AdvisorPhone,
		"footer":      &b.FooterText,
		"report-lang": &st.ReportLanguage, "paper": &st.PaperSize,
		"ui-lang": &st.UILanguage, "used-by": &st.UsedBy,
	}
	for name, field := range fields {
		if given[name] {
			*field = *texts[name]
		}
	}
	if st.ReportLanguage != "" && !locales.Supported(st.ReportLanguage) {
		return settingFailure("report-lang", st.ReportLanguage, "sv or en")
	}
	if st.UILanguage != "" && !locales.Supported(st.UILanguage) {
		return settingFailure("ui-lang", st.UILanguage, "sv or en")
	}
	if st.UsedBy != "" && st.UsedBy != "advisor" && st.UsedBy != "company" {
		return settingFailure("used-by", st.UsedBy, "advisor or company")
	}
	if st.PaperSize != "" && st.PaperSize != report.PaperA4 && st.PaperSize != report.PaperLetter {
		return settingFailure("paper", st.PaperSize, "a4 or letter")
	}
	if err := st.Validate(); err != nil {
		return settingsRefused(err)
	}
	if given["logo"] {
		return setLogo(b, logo)
	}
	return nil
}

// settingsFlags names the flag that sets each field of app.Settings.Validate.
var settingsFlags = map[string]string{
	"branding.organisation": "organisation", "branding.primary_color": "color",
	"branding.advisor_name": "advisor", "branding.advisor_title": "advisor-title",
	"branding.advisor_email": "advisor-email", "branding.advisor_phone": "advisor-phone",
	"branding.footer_text": "footer", "used_by": "used-by",
}

// settingsRefused is a usage mistake whose field errors name the flags, so
// pomi-cli says "--advisor-title: This text is too long." with the message
// the settings screen shows under the field.
func settingsRefused(err error) error {
	out := []error{errUsage}
	for _, fe := range validate.FieldErrors(err) {
		field := fe.Field
		if flag, ok := settingsFlags[field]; ok {
			field = "--" + flag
		}
		out = append(out, &validate.FieldError{Field: field, Code: fe.Code})
	}
	return errors.Join(out...)
}

func setLogo(b *app.Branding, path string) error {
	if path == "none" || path == "" {
		b.Logo = nil
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return failure(err, "cli.error.open_file", map[string]any{"Path": path, "Reason": reasonOf(err)},
			fmt.Sprintf("settings: read logo: %v", err))
	}
	if _, err := report.PrepareLogo(data); err != nil {
		return failure(err, "cli.error.logo", map[string]any{"Path": path}, fmt.Sprintf("settings: logo %s: %v", path, err))
	}
	b.Logo = data
	return nil
}

// settingFailure refuses a setting's value and names the choices.
func settingFailure(flag, value, allowed string) error {
	return usageFailure("cli.error.setting_value",
		map[string]any{"Flag": flag, "Value": value, "Allowed": choices(strings.Split(allowed, " or "))},
		"settings: --%s %q (%s)", flag, value, allowed)
}
