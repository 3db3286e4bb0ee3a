package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// profileText is a text field of the profile. set validates the text with
// the app's validators and, when it is valid, writes the value into c; the
// view calls it on a scratch copy to validate and on the session's company
// to store, so the two can never disagree.
type profileText struct {
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

// profileChoice is a field chosen from a closed list (ref vocabularies).
type profileChoice struct {
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

// profileFlag is a yes/no field.
type profileFlag struct {
	field string
	label string
	// caption, when set, names the check above it like a field label, so
	// that a check beside an entry lines up with it.
	caption string
	get     func(c *app.Company) bool
	set     func(c *app.Company, on bool)
}

// profileShortText checks a one-line text and stores it without the spaces
// around it.
func profileShortText(dst func(c *app.Company) *string) func(*app.Company, string) error {
	return func(c *app.Company, text string) error {
		if err := app.ValidateText(text, app.MaxShortLen); err != nil {
			return err
		}
		*dst(c) = strings.TrimSpace(text)
		return nil
	}
}

func profileGet(dst func(c *app.Company) *string) func(*app.Company, *locales.Localizer) string {
	return func(c *app.Company, _ *locales.Localizer) string { return *dst(c) }
}

// profileSetName checks the required name.
func profileSetName(c *app.Company, text string) error {
	if err := app.ValidateName(text); err != nil {
		return err
	}
	c.Name = strings.TrimSpace(text)
	return nil
}

// profileSetOrgNr stores the org.nr in its normalized form, "556036-0793".
func profileSetOrgNr(c *app.Company, text string) error {
	nr, err := app.NormalizeOrgNr(text)
	if err != nil {
		return err
	}
	c.OrgNr = nr
	return nil
}

func profileSetWebsite(c *app.Company, text string) error {
	site, err := app.NormalizeWebsite(text)
	if err != nil {
		return err
	}
	c.Website = site
	return nil
}

func profileSetPostalCode(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if err := app.ValidatePostalCode(text); err != nil {
		return err
	}
	c.Address.PostalCode = text
	return nil
}

// profileSetEmployees stores a whole number; an empty field means unknown.
func profileSetEmployees(c *app.Company, text string) error {
	if strings.TrimSpace(text) == "" {
		c.Employees = nil
		return nil
	}
	n, err := app.ParseCount(text)
	if err != nil {
		return err
	}
	c.Employees = &n
	return nil
}

// profileSetTurnover stores kronor, rounded to whole kronor.
func profileSetTurnover(c *app.Company, text string) error {
	if strings.TrimSpace(text) == "" {
		c.TurnoverSEK = nil
		return nil
	}
	v, err := app.ParseNumber(text)
	if err != nil {
		return err
	}
	if v < 0 {
		return &app.FieldError{Code: app.CodeNegative}
	}
	sek := int64(math.Round(v))
	c.TurnoverSEK = &sek
	return nil
}

func profileSetFounded(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		c.FoundedYear = 0
		return nil
	}
	year, err := strconv.Atoi(text)
	if err != nil {
		return &app.FieldError{Code: app.CodeYear}
	}
	if err := app.ValidateFoundedYear(year, time.Now()); err != nil {
		return err
	}
	c.FoundedYear = year
	return nil
}

// profileSetExportShare takes "35", "12,5" or "35 %".
func profileSetExportShare(c *app.Company, text string) error {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if text == "" {
		c.ExportShare = nil
		return nil
	}
	v, err := app.ParseNumber(text)
	if err != nil {
		return err
	}
	if err := app.ValidatePercent(v); err != nil {
		return err
	}
	c.ExportShare = &v
	return nil
}

func profileSetEmail(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if err := app.ValidateEmail(text); err != nil {
		return err
	}
	c.Contact.Email = text
	return nil
}

func profileSetPhone(c *app.Company, text string) error {
	text = strings.TrimSpace(text)
	if err := app.ValidatePhone(text); err != nil {
		return err
	}
	c.Contact.Phone = text
	return nil
}

func profileSetNotes(c *app.Company, text string) error {
	if err := app.ValidateNotes(text); err != nil {
		return err
	}
	c.Notes = text
	return nil
}

// profileNumber shows a stored number as the person would type it. English
// groups with commas, which app.ParseCount refuses as ambiguous, so numbers
// are grouped only where the group separator is a space.
func profileNumber(loc *locales.Localizer, v float64, decimals int) string {
	if sep := loc.T("format.thousands"); sep == "," || sep == "." {
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	return loc.Number(v, decimals)
}

func profileGetEmployees(c *app.Company, loc *locales.Localizer) string {
	if c.Employees == nil {
		return ""
	}
	return profileNumber(loc, float64(*c.Employees), 0)
}

func profileGetTurnover(c *app.Company, loc *locales.Localizer) string {
	if c.TurnoverSEK == nil {
		return ""
	}
	return profileNumber(loc, float64(*c.TurnoverSEK), 0)
}

func profileGetFounded(c *app.Company, _ *locales.Localizer) string {
	if c.FoundedYear == 0 {
		return ""
	}
	return strconv.Itoa(c.FoundedYear)
}

func profileGetExportShare(c *app.Company, loc *locales.Localizer) string {
	if c.ExportShare == nil {
		return ""
	}
	v := *c.ExportShare
	decimals := 0
	if v != math.Trunc(v) {
		decimals = 1
	}
	return profileNumber(loc, v, decimals)
}

// profileVocab returns the message id of a vocabulary item, e.g. sector.ict.name.
func profileVocab(kind string) func(string) string {
	return func(id string) string { return ref.VocabName(kind, id) }
}

// profileTravel is how often management travels abroad.
var profileTravel = []string{app.TravelNone, app.TravelOccasional, app.TravelFrequent}

// profileGroups is the form, card by card, in reading order.
func profileGroups() []profileGroup {
	str := func(f func(c *app.Company) *string) (func(*app.Company, *locales.Localizer) string, func(*app.Company, string) error) {
		return profileGet(f), profileShortText(f)
	}
	text := func(field, label, hint string, f func(c *app.Company) *string) profileText {
		get, set := str(f)
		return profileText{field: field, label: label, hint: hint, get: get, set: set}
	}
	flag := func(field, label string, f func(c *app.Company) *bool) profileFlag {
		return profileFlag{field: field, label: label, get: func(c *app.Company) bool { return *f(c) },
			set: func(c *app.Company, on bool) { *f(c) = on }}
	}
	withCaption := func(f profileFlag, caption string) profileFlag {
		f.caption = caption
		return f
	}
	wide := func(c profileChoice) profileChoice { c.wide = true; return c }
	choice := func(field, label, hint, kind string, ids []string, f func(c *app.Company) *string) profileChoice {
		return profileChoice{field: field, label: label, hint: hint, ids: ids, name: profileVocab(kind),
			get: func(c *app.Company) string { return *f(c) }, set: func(c *app.Company, id string) { *f(c) = id }}
	}
	return []profileGroup{
		{title: "ui.profile.group.company", rows: [][]profileItem{
			{profileText{field: "name", label: "ui.profile.name", hint: "ui.profile.hint.name",
				get: profileGet(func(c *app.Company) *string { return &c.Name }), set: profileSetName}},
			{profileText{field: "org_nr", label: "report.fact.org_nr", hint: "ui.profile.hint.org_nr",
				get: profileGet(func(c *app.Company) *string { return &c.OrgNr }), set: profileSetOrgNr},
				profileText{field: "website", label: "ui.profile.website", hint: "ui.profile.hint.website",
					get: profileGet(func(c *app.Company) *string { return &c.Website }), set: profileSetWebsite}},
		}},
		{title: "ui.profile.group.address", rows: [][]profileItem{
			{text("address.street", "ui.profile.street", "", func(c *app.Company) *string { return &c.Address.Street })},
			{profileText{field: "address.postal_code", label: "ui.profile.postal_code", get: profileGet(func(c *app.Company) *string { return &c.Address.PostalCode }), set: profileSetPostalCode},
				text("address.city", "ui.profile.city", "", func(c *app.Company) *string { return &c.Address.City })},
			{choice("address.county", "ui.profile.county", "", "county", ref.Counties, func(c *app.Company) *string { return &c.Address.County })},
		}},
		{title: "ui.profile.group.business", rows: [][]profileItem{
			{choice("sector", "ui.profile.sector", "", "sector", ref.Sectors, func(c *app.Company) *string { return &c.Sector }),
				text("industry", "ui.profile.industry", "ui.profile.hint.industry", func(c *app.Company) *string { return &c.Industry })},
			{choice("maturity", "ui.profile.maturity", "", "maturity", ref.Maturities, func(c *app.Company) *string { return &c.Maturity }),
				choice("tech_intensity", "ui.profile.tech_intensity", "", "tech", ref.TechIntensities, func(c *app.Company) *string { return &c.TechIntensity })},
			{profileText{field: "employees", label: "ui.profile.employees", get: profileGetEmployees, set: profileSetEmployees},
				profileText{field: "turnover_sek", label: "ui.profile.turnover", hint: "ui.profile.hint.turnover", get: profileGetTurnover, set: profileSetTurnover}},
			{profileText{field: "founded_year", label: "ui.profile.founded_year", get: profileGetFounded, set: profileSetFounded}},
		}},
		{title: "ui.profile.group.international", rows: [][]profileItem{
			{profileText{field: "export_share", label: "ui.profile.export_share", hint: "ui.profile.hint.export_share", get: profileGetExportShare, set: profileSetExportShare},
				withCaption(flag("imports", "ui.profile.imports", func(c *app.Company) *bool { return &c.Imports }), "ui.profile.imports_caption")},
			{wide(choice("export_stage", "report.fact.stage", "ui.profile.hint.export_stage", "stage", ref.ExportStages, func(c *app.Company) *string { return &c.ExportStage }))},
			{wide(choice("orientation", "ui.profile.orientation", "ui.profile.hint.orientation", "orientation", ref.Orientations, func(c *app.Company) *string { return &c.Orientation }))},
		}},
		{title: "report.fact.contact", rows: [][]profileItem{
			{text("contact.name", "ui.profile.contact_name", "", func(c *app.Company) *string { return &c.Contact.Name }),
				text("contact.role", "ui.profile.contact_role", "", func(c *app.Company) *string { return &c.Contact.Role })},
			{profileText{field: "contact.email", label: "ui.profile.email", get: profileGet(func(c *app.Company) *string { return &c.Contact.Email }), set: profileSetEmail},
				profileText{field: "contact.phone", label: "ui.profile.phone", get: profileGet(func(c *app.Company) *string { return &c.Contact.Phone }), set: profileSetPhone}},
		}},
		{title: "ui.profile.group.experience", rows: [][]profileItem{
			{profileCaption("ui.profile.someone")},
			{flag("experience.lived_abroad", "ui.profile.lived_abroad", func(c *app.Company) *bool { return &c.Experience.LivedAbroad }),
				flag("experience.studied_abroad", "ui.profile.studied_abroad", func(c *app.Company) *bool { return &c.Experience.StudiedAbroad })},
			{flag("experience.worked_abroad", "ui.profile.worked_abroad", func(c *app.Company) *bool { return &c.Experience.WorkedAbroad }),
				flag("experience.born_abroad", "ui.profile.born_abroad", func(c *app.Company) *bool { return &c.Experience.BornAbroad })},
			{choice("experience.travel", "ui.profile.travel", "", "ui.profile.travel", profileTravel, func(c *app.Company) *string { return &c.Experience.Travel })},
			{profileLanguages{}},
		}},
		{title: "ui.profile.group.notes", rows: [][]profileItem{
			{profileText{field: "notes", label: "ui.profile.notes", hint: "ui.profile.hint.notes", multiLine: true,
				get: profileGet(func(c *app.Company) *string { return &c.Notes }), set: profileSetNotes}},
		}},
	}
}
