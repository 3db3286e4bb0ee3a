package app

import (
	"errors"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// Validate checks every field of the profile and returns all problems at once,
// as *FieldError values joined (see FieldErrors). It also normalizes org.nr and
// website to their canonical form, so call it before saving.
func (c *Company) Validate(now time.Time) error {
	var errs []error
	add := func(field string, err error) { errs = append(errs, validate.InField(field, err)) }
	add("name", validate.Name(c.Name))
	if nr, err := validate.NormalizeOrgNr(c.OrgNr); err != nil {
		add("org_nr", err)
	} else {
		c.OrgNr = nr
	}
	if site, err := validate.NormalizeWebsite(c.Website); err != nil {
		add("website", err)
	} else {
		c.Website = site
	}
	add("address.street", validate.Text(c.Address.Street, validate.MaxShortLen))
	add("address.postal_code", validate.PostalCode(c.Address.PostalCode))
	add("address.city", validate.Text(c.Address.City, validate.MaxShortLen))
	add("address.county", validate.Choice(c.Address.County, ref.Counties))
	add("sector", validate.Choice(c.Sector, ref.Sectors))
	add("industry", validate.Text(c.Industry, validate.MaxShortLen))
	add("maturity", validate.Choice(c.Maturity, ref.Maturities))
	add("tech_intensity", validate.Choice(c.TechIntensity, ref.TechIntensities))
	if c.Employees != nil && *c.Employees < 0 {
		add("employees", validate.Err("", validate.CodeNegative))
	}
	if c.TurnoverSEK != nil && *c.TurnoverSEK < 0 {
		add("turnover_sek", validate.Err("", validate.CodeNegative))
	}
	add("founded_year", validate.FoundedYear(c.FoundedYear, now))
	add("contact", c.Contact.validate())
	add("current_markets", validateCountries(c.CurrentMarkets))
	add("target_markets", validateCountries(c.TargetMarkets))
	if c.ExportShare != nil {
		add("export_share", validate.Percent(*c.ExportShare))
	}
	add("export_stage", validate.Choice(c.ExportStage, ref.ExportStages))
	add("orientation", validate.Choice(c.Orientation, ref.Orientations))
	add("experience", c.Experience.validate())
	add("notes", validate.Notes(c.Notes))
	return errors.Join(errs...)
}

func (c Contact) validate() error {
	return errors.Join(
		validate.InField("name", validate.Text(c.Name, validate.MaxShortLen)),
		validate.InField("role", validate.Text(c.Role, validate.MaxShortLen)),
		validate.InField("email", validate.Email(c.Email)),
		validate.InField("phone", validate.Phone(c.Phone)),
	)
}

func (e ManagementExperience) validate() error {
	var errs []error
	for _, l := range e.Languages {
		errs = append(errs, validate.InField("languages", validate.Language(l)))
	}
	errs = append(errs, validate.InField("travel", validate.Choice(e.Travel,
		[]string{TravelNone, TravelOccasional, TravelFrequent})))
	return errors.Join(errs...)
}

func validateCountries(codes []string) error {
	for _, c := range codes {
		if err := validate.Country(c); err != nil {
			return err
		}
	}
	return nil
}
