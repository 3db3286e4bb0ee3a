package profile

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// textField is a text field of the profile. set validates the text with
// the app's validators and, when it is valid, writes the value into c; the
// view calls it on a scratch copy to validate and on the session's company
// to store, so the two can never disagree.
type textField struct {
	// field is the JSON name of the company field, e.g. "contact.email";
	// tests find entries by it.
	field string
	label string // message id
	hint  string // message id, or "" for none
	get   func(c *app.Company, loc *locales.Localizer) string
	set   func(c *app.Company, text string) error
	// multiLine fields are free notes.
	multiLine bool
}

// choice is a field chosen from a closed list (ref vocabularies).
type choice struct {
	field string
	label string
	hint  string
	ids   []string
	// wide choices have long option texts and take the whole width.
	wide bool
	// name returns the message id of an option.
	name func(id string) string
	get  func(c *app.Company) string
	set  func(c *app.Company, id string)
}

// flagField is a yes/no field.
type flagField struct {
	field string
	label string
	// caption, when set, names the check above it like a field label, so
	// that a check beside an entry lines up with it.
	caption string
	get     func(c *app.Company) bool
	set     func(c *app.Company, on bool)
}

// shortText checks a one-line text and stores it without the spaces
// around it.
func shortText(dst func(c *app.Company) *string) func(*app.Company, string) error {
	return func(c *app.Company, text string) error {
		if err := validate.Text(text, validate.MaxShortLen); err != nil {
			return err
		}
		*dst(c) = strings.TrimSpace(text)
		return nil
	}
}

func get(dst func(c *app.Company) *string) func(*app.Company, *locales.Localizer) string {
	return func(c *app.Company, _ *locales.Localizer) string { return *dst(c) }
}

// setName checks the required name.
func setName(c *app.Company, text string) error {
	if err := validate.Name(text); err != nil {
		return err
	}
	c.Name = strings.TrimSpace(text)
	return nil
}

// setOrgNr stores the org.nr in its normalized form, "556036-0793".
func setOrgNr(c *app.Company, text string) error {
	nr, err := validate.NormalizeOrgNr(text)
	if err != nil {
		return err
	}
	c.OrgNr = nr
	return nil
}

func setWebsite(c *app.Company, text string) error {
	site, err := validate.NormalizeWebsite(text)
	if err != nil {
		return err
	}
	c.Website = site
	return nil
}

func setPostalCode(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if err := validate.PostalCode(text); err != nil {
		return err
	}
	c.Address.PostalCode = text
	return nil
}

// setEmployees stores a whole number; an empty field means unknown.
func setEmployees(c *app.Company, text string) error {
	if strings.TrimSpace(text) == "" {
		c.Employees = nil
		return nil
	}
	n, err := validate.ParseCount(text)
	if err != nil {
		return err
	}
	c.Employees = &n
	return nil
}

// setTurnover stores kronor, rounded to whole kronor.
func setTurnover(c *app.Company, text string) error {
	if strings.TrimSpace(text) == "" {
		c.TurnoverSEK = nil
		return nil
	}
	v, err := validate.ParseNumber(text)
	if err != nil {
		return err
	}
	if v < 0 {
		return &validate.FieldError{Code: validate.CodeNegative}
	}
	sek := int64(math.Round(v))
	c.TurnoverSEK = &sek
	return nil
}

// foundedSetter is setFounded with today from now.
func foundedSetter(now func() time.Time) func(*app.Company, string) error {
	return func(c *app.Company, text string) error { return setFounded(c, text, now()) }
}

// setFounded takes a year from 1600 up to today's.
func setFounded(c *app.Company, text string, today time.Time) error {
	text = strings.TrimSpace(text)
	if text == "" {
		c.FoundedYear = 0
		return nil
	}
	year, err := strconv.Atoi(text)
	if err != nil {
		return &validate.FieldError{Code: validate.CodeYear}
	}
	if err := validate.FoundedYear(year, today); err != nil {
		return err
	}
	c.FoundedYear = year
	return nil
}

// setExportShare takes "35", "12,5" or "35 %".
func setExportShare(c *app.Company, text string) error {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if text == "" {
		c.ExportShare = nil
		return nil
	}
	v, err := validate.ParseNumber(text)
	if err != nil {
		return err
	}
	if err := validate.Percent(v); err != nil {
		return err
	}
	c.ExportShare = &v
	return nil
}

func setEmail(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if err := validate.Email(text); err != nil {
		return err
	}
	c.Contact.Email = text
	return nil
}

func setPhone(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if err := validate.Phone(text); err != nil {
		return err
	}
	c.Contact.Phone = text
	return nil
}

func setNotes(c *app.Company, text string) error {
	if err := validate.Notes(text); err != nil {
		return err
	}
	c.Notes = text
	return nil
}

// number shows a stored number as the person would type it. English
// groups with commas, which app.ParseCount refuses as ambiguous, so numbers
// are grouped only where the group separator is a space.
func number(loc *locales.Localizer, v float64, decimals int) string {
	if sep := loc.T("format.thousands"); sep == "," || sep == "." {
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	return loc.Number(v, decimals)
}

func getEmployees(c *app.Company, loc *locales.Localizer) string {
	if c.Employees == nil {
		return ""
	}
	return number(loc, float64(*c.Employees), 0)
}

func getTurnover(c *app.Company, loc *locales.Localizer) string {
	if c.TurnoverSEK == nil {
		return ""
	}
	return number(loc, float64(*c.TurnoverSEK), 0)
}

func getFounded(c *app.Company, _ *locales.Localizer) string {
	if c.FoundedYear == 0 {
		return ""
	}
	return strconv.Itoa(c.FoundedYear)
}

func getExportShare(c *app.Company, loc *locales.Localizer) string {
	if c.ExportShare == nil {
		return ""
	}
	v := *c.ExportShare
	decimals := 0
	if v != math.Trunc(v) {
		decimals = 1
	}
	return number(loc, v, decimals)
}

// vocab returns the message id of a vocabulary item, e.g. sector.ict.name.
func vocab(kind string) func(string) string {
	return func(id string) string { return ref.VocabName(kind, id) }
}

// travel is how often management travels abroad.
var travel = []string{app.TravelNone, app.TravelOccasional, app.TravelFrequent}

// groups is the form, card by card, in reading order; now is the clock the
// founding year is checked against.
func groups(now func() time.Time) []group {
	str := func(f func(c *app.Company) *string) (func(*app.Company, *locales.Localizer) string, func(*app.Company, string) error) {
		return get(f), shortText(f)
	}
	text := func(field, label, hint string, f func(c *app.Company) *string) textField {
		get, set := str(f)
		return textField{field: field, label: label, hint: hint, get: get, set: set}
	}
	flag := func(field, label string, f func(c *app.Company) *bool) flagField {
		return flagField{field: field, label: label, get: func(c *app.Company) bool { return *f(c) },
			set: func(c *app.Company, on bool) { *f(c) = on }}
	}
	withCaption := func(f flagField, caption string) flagField {
		f.caption = caption
		return f
	}
	wide := func(c choice) choice { c.wide = true; return c }
	choice := func(field, label, hint, kind string, ids []string, f func(c *app.Company) *string) choice {
		return choice{field: field, label: label, hint: hint, ids: ids, name: vocab(kind),
			get: func(c *app.Company) string { return *f(c) }, set: func(c *app.Company, id string) { *f(c) = id }}
	}
	return []group{
		{title: "ui.profile.group.company", rows: [][]item{
			{textField{field: "name", label: "ui.profile.name", hint: "ui.profile.hint.name",
				get: get(func(c *app.Company) *string { return &c.Name }), set: setName}},
			{textField{field: "org_nr", label: "report.fact.org_nr", hint: "ui.profile.hint.org_nr",
				get: get(func(c *app.Company) *string { return &c.OrgNr }), set: setOrgNr},
				textField{field: "website", label: "ui.profile.website", hint: "ui.profile.hint.website",
					get: get(func(c *app.Company) *string { return &c.Website }), set: setWebsite}},
		}},
		{title: "ui.profile.group.address", rows: [][]item{
			{text("address.street", "ui.profile.street", "", func(c *app.Company) *string { return &c.Address.Street })},
			{textField{field: "address.postal_code", label: "ui.profile.postal_code", get: get(func(c *app.Company) *string { return &c.Address.PostalCode }), set: setPostalCode},
				text("address.city", "ui.profile.city", "", func(c *app.Company) *string { return &c.Address.City })},
			{choice("address.county", "ui.profile.county", "", "county", ref.Counties, func(c *app.Company) *string { return &c.Address.County })},
		}},
		{title: "ui.profile.group.business", rows: [][]item{
			{choice("sector", "ui.profile.sector", "", "sector", ref.Sectors, func(c *app.Company) *string { return &c.Sector }),
				text("industry", "ui.profile.industry", "ui.profile.hint.industry", func(c *app.Company) *string { return &c.Industry })},
			{choice("maturity", "ui.profile.maturity", "", "maturity", ref.Maturities, func(c *app.Company) *string { return &c.Maturity }),
				choice("tech_intensity", "ui.profile.tech_intensity", "", "tech", ref.TechIntensities, func(c *app.Company) *string { return &c.TechIntensity })},
			{textField{field: "employees", label: "ui.profile.employees", get: getEmployees, set: setEmployees},
				textField{field: "turnover_sek", label: "ui.profile.turnover", hint: "ui.profile.hint.turnover", get: getTurnover, set: setTurnover}},
			{textField{field: "founded_year", label: "ui.profile.founded_year", get: getFounded, set: foundedSetter(now)}},
		}},
		{title: "ui.profile.group.international", rows: [][]item{
			{textField{field: "export_share", label: "ui.profile.export_share", hint: "ui.profile.hint.export_share", get: getExportShare, set: setExportShare},
				withCaption(flag("imports", "ui.profile.imports", func(c *app.Company) *bool { return &c.Imports }), "ui.profile.imports_caption")},
			{wide(choice("export_stage", "report.fact.stage", "ui.profile.hint.export_stage", "stage", ref.ExportStages, func(c *app.Company) *string { return &c.ExportStage }))},
			{wide(choice("orientation", "ui.profile.orientation", "ui.profile.hint.orientation", "orientation", ref.Orientations, func(c *app.Company) *string { return &c.Orientation }))},
		}},
		{title: "report.fact.contact", rows: [][]item{
			{text("contact.name", "ui.profile.contact_name", "", func(c *app.Company) *string { return &c.Contact.Name }),
				text("contact.role", "ui.profile.contact_role", "", func(c *app.Company) *string { return &c.Contact.Role })},
			{textField{field: "contact.email", label: "ui.profile.email", get: get(func(c *app.Company) *string { return &c.Contact.Email }), set: setEmail},
				textField{field: "contact.phone", label: "ui.profile.phone", get: get(func(c *app.Company) *string { return &c.Contact.Phone }), set: setPhone}},
		}},
		{title: "ui.profile.group.experience", rows: [][]item{
			{caption("ui.profile.someone")},
			{flag("experience.lived_abroad", "ui.profile.lived_abroad", func(c *app.Company) *bool { return &c.Experience.LivedAbroad }),
				flag("experience.studied_abroad", "ui.profile.studied_abroad", func(c *app.Company) *bool { return &c.Experience.StudiedAbroad })},
			{flag("experience.worked_abroad", "ui.profile.worked_abroad", func(c *app.Company) *bool { return &c.Experience.WorkedAbroad }),
				flag("experience.born_abroad", "ui.profile.born_abroad", func(c *app.Company) *bool { return &c.Experience.BornAbroad })},
			{choice("experience.travel", "ui.profile.travel", "", "ui.profile.travel", travel, func(c *app.Company) *string { return &c.Experience.Travel })},
			{languages{}},
		}},
		{title: "ui.profile.group.notes", rows: [][]item{
			{textField{field: "notes", label: "ui.profile.notes", hint: "ui.profile.hint.notes", multiLine: true,
				get: get(func(c *app.Company) *string { return &c.Notes }), set: setNotes}},
		}},
	}
}
