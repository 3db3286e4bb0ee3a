package app

import (
	"errors"
	"strings"

	"github.com/pomi-planner/pomi/app/validate"
)

// Validate checks the settings as imported data is checked and returns all
// problems at once, as *FieldError values joined (see FieldErrors), named by
// their JSON fields, e.g. "branding.advisor_title". It changes nothing; the
// window, pomi-cli and the store all call it before saving.
func (s *Settings) Validate() error {
	return errors.Join(
		validate.InField("branding", s.Branding.Validate()),
		validate.InField("used_by", validate.Choice(s.UsedBy, []string{UsedByAdvisor, UsedByCompany})),
	)
}

// Validate checks the branding's texts: no control characters, the same
// lengths as a company's names and short texts, a plain e-mail address, a
// phone number and a colour. Every field may be empty. The logo is checked
// where it is read (report.PrepareLogo).
func (b *Branding) Validate() error {
	return errors.Join(
		validate.InField("organisation", validate.Text(b.Organisation, validate.MaxNameLen)),
		validate.InField("primary_color", ValidateColor(b.PrimaryColor)),
		validate.InField("advisor_name", validate.Text(b.AdvisorName, validate.MaxNameLen)),
		validate.InField("advisor_title", validate.Text(b.AdvisorTitle, validate.MaxShortLen)),
		validate.InField("advisor_email", validate.Email(b.AdvisorEmail)),
		validate.InField("advisor_phone", validate.Phone(b.AdvisorPhone)),
		validate.InField("footer_text", validate.Text(b.FooterText, validate.MaxShortLen)),
	)
}

// ValidateColor checks a colour as the plans read it: "#rrggbb" or "#rgb" in
// hexadecimal digits of either case, the "#" and spaces around it optional;
// empty (or blank) is valid and means the default colour. Tabs and line
// breaks are refused, as in every other one-line text.
func ValidateColor(s string) error {
	s = strings.Trim(s, " ")
	if s == "" {
		return nil
	}
	hex := strings.TrimPrefix(s, "#")
	if (len(hex) != 3 && len(hex) != 6) || strings.Trim(hex, "0123456789abcdefABCDEF") != "" {
		return validate.Err("", validate.CodeColor)
	}
	return nil
}
