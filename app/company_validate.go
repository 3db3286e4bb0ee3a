package app

import (
	"errors"
	"time"

	"github.com/pomi-planner/pomi/app/ref"
)

// Validate checks every field of the profile and returns all problems at once,
// as *FieldError values joined (see FieldErrors). It also normalizes org.nr and
// website to their canonical form, so call it before saving.
func (c *Company) Validate(now time.Time) error {
	var errs []error
	add := func(field string, err error) { errs = append(errs, inField(field, err)) }
	add("name", ValidateName(c.Name))
	if nr, err := NormalizeOrgNr(c.OrgNr); err != nil {
		add("org_nr", err)
	} else {
		c.OrgNr = nr
	}
	if site, err := NormalizeWebsite(c.Website); err != nil {
		add("website", err)
	} else {
		c.Website = site
	}
	add("address.street", ValidateText(c.Address.Street, MaxShortLen))
	add("address.postal_code", ValidatePostalCode(c.Address.PostalCode))
	add("address.city", ValidateText(c.Address.City, MaxShortLen))
	add("address.county", ValidateChoice(c.Address.County, ref.Counties))
	add("sector", ValidateChoice(c.Sector, ref.Sectors))
	add("industry", ValidateText(c.Industry, MaxShortLen))
	add("maturity", ValidateChoice(c.Maturity, ref.Maturities))
	add("tech_intensity", ValidateChoice(c.TechIntensity, ref.TechIntensities))
	if c.Employees != nil && *c.Employees < 0 {
		add("employees", fieldErr("", CodeNegative))
	}
	if c.TurnoverSEK != nil && *c.TurnoverSEK < 0 {
		add("turnover_sek", fieldErr("", CodeNegative))
	}
	add("founded_year", ValidateFoundedYear(c.FoundedYear, now))
	add("contact", c.Contact.validate())
	add("current_markets", validateCountries(c.CurrentMarkets))
	add("target_markets", validateCountries(c.TargetMarkets))
	if c.ExportShare != nil {
		add("export_share", ValidatePercent(*c.ExportShare))
	}
	add("export_stage", ValidateChoice(c.ExportStage, ref.ExportStages))
	add("orientation", ValidateChoice(c.Orientation, ref.Orientations))
	add("experience", c.Experience.validate())
	add("notes", ValidateNotes(c.Notes))
	return errors.Join(errs...)
}

func (c Contact) validate() error {
	return errors.Join(
		inField("name", ValidateText(c.Name, MaxShortLen)),
		inField("role", ValidateText(c.Role, MaxShortLen)),
		inField("email", ValidateEmail(c.Email)),
		inField("phone", ValidatePhone(c.Phone)),
	)
}

func (e ManagementExperience) validate() error {
	var errs []error
	for _, l := range e.Languages {
		errs = append(errs, inField("languages", ValidateLanguage(l)))
	}
	errs = append(errs, inField("travel", ValidateChoice(e.Travel,
		[]string{TravelNone, TravelOccasional, TravelFrequent})))
	return errors.Join(errs...)
}

func validateCountries(codes []string) error {
	for _, c := range codes {
		if err := ValidateCountry(c); err != nil {
			return err
		}
	}
	return nil
}
