package app

import "time"

// Company is a client's profile. Only Name is required; every other field may
// stay empty and the analysis still works.
type Company struct {
	Name    string  `json:"name"`
	OrgNr   string  `json:"org_nr,omitempty"`
	Address Address `json:"address"`
	// Sector is one of ref.Sectors; Industry describes the trade in the
	// company's own words.
	Sector        string `json:"sector,omitempty"`
	Industry      string `json:"industry,omitempty"`
	Maturity      string `json:"maturity,omitempty"`
	TechIntensity string `json:"tech_intensity,omitempty"`
	// Employees is nil when unknown.
	Employees   *int    `json:"employees,omitempty"`
	TurnoverSEK *int64  `json:"turnover_sek,omitempty"`
	FoundedYear int     `json:"founded_year,omitempty"`
	Website     string  `json:"website,omitempty"`
	Contact     Contact `json:"contact"`
	// CurrentMarkets and TargetMarkets are ISO 3166-1 alpha-2 country codes.
	CurrentMarkets []string `json:"current_markets,omitempty"`
	TargetMarkets  []string `json:"target_markets,omitempty"`
	// ExportShare is the share of sales abroad in percent, nil when unknown.
	ExportShare *float64 `json:"export_share,omitempty"`
	Imports     bool     `json:"imports"`
	// ExportStage is one of Reid's stages (ref.ExportStages).
	ExportStage string `json:"export_stage,omitempty"`
	// Orientation is relationship_driven or transactional (ref.Orientations).
	Orientation string               `json:"orientation,omitempty"`
	Experience  ManagementExperience `json:"experience"`
	Notes       string               `json:"notes,omitempty"`
	Created     time.Time            `json:"created"`
	Updated     time.Time            `json:"updated"`
}

// Address is where the company is; County is a län letter code (ref.Counties).
type Address struct {
	Street     string `json:"street,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	City       string `json:"city,omitempty"`
	County     string `json:"county,omitempty"`
}

// Contact is the company's contact person.
type Contact struct {
	Name  string `json:"name,omitempty"`
	Role  string `json:"role,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Travel frequencies of management.
const (
	TravelNone       = "none"
	TravelOccasional = "occasional"
	TravelFrequent   = "frequent"
)

// ManagementExperience is the international experience of the owner-manager
// and the management team (report section "Personal factors").
type ManagementExperience struct {
	// Languages are ISO 639-1 codes of languages management works in.
	Languages     []string `json:"languages,omitempty"`
	LivedAbroad   bool     `json:"lived_abroad"`
	StudiedAbroad bool     `json:"studied_abroad"`
	WorkedAbroad  bool     `json:"worked_abroad"`
	BornAbroad    bool     `json:"born_abroad"`
	Travel        string   `json:"travel,omitempty"`
}

// SizeClass returns the company's size class by employees: micro (1–9), small
// (10–49), medium (50–249) or large (250+); "" when unknown.
func (c *Company) SizeClass() string { return SizeClassOf(c.Employees) }

// SizeClassOf maps a number of employees to its size class.
func SizeClassOf(employees *int) string {
	switch {
	case employees == nil || *employees < 0:
		return ""
	case *employees < 10:
		return "micro"
	case *employees < 50:
		return "small"
	case *employees < 250:
		return "medium"
	default:
		return "large"
	}
}

// Exports reports whether the company sells abroad today.
func (c *Company) Exports() bool {
	return len(c.CurrentMarkets) > 0 || (c.ExportShare != nil && *c.ExportShare > 0)
}
