// Package ref holds POMI Planner's reference data: entry modes, competences and
// Katwalo's mapping between them, the POMI dimensions and statements, barriers,
// recommendations, support actors, the planning checklist and context figures.
//
// The embedded data files hold structure only (ids, mappings, tags, citations,
// URLs). Every word a person reads is a message in locales/, found by the ids
// that the MessageID helpers of this package derive.
package ref

import "unsafe"

// Dimension is one of the four POMI dimensions: "P", "O", "M" or "I".
type Dimension string

// The four POMI dimensions, in the model's order.
const (
	Personal       Dimension = "P"
	Organizational Dimension = "O"
	Market         Dimension = "M"
	Institutional  Dimension = "I"
)

// Dimensions lists the POMI dimensions in the model's order.
var Dimensions = []Dimension{Personal, Organizational, Market, Institutional}

// Valid reports whether d is one of the four POMI dimensions.
func (d Dimension) Valid() bool {
	switch d {
	case Personal, Organizational, Market, Institutional:
		return true
	}
	return false
}

// Citation says where in the source report, and in the works it cites, a
// reference item comes from. Table and Section are the report's; Refs are the
// works the report cites there, written as the report writes them.
type Citation struct {
	Table   string `json:"table,omitempty"`
	Section string `json:"section,omitempty"`
	Refs    string `json:"refs,omitempty"`
}

// Mapping sources of an entry mode's competence list.
const (
	SourceKatwalo = "katwalo" // Table 11 (Katwalo 2006: 94), reproduced exactly
	SourceProject = "project" // POMI Planner's own interpretation of the report
)

// EntryMode is a way of going international and the competences it requires.
type EntryMode struct {
	ID          string   `json:"id"`
	Competences []string `json:"competences"`
	// Source is SourceKatwalo or SourceProject; a project mapping has a basis
	// text (message mode.<id>.basis) naming the passage it rests on.
	Source   string   `json:"source"`
	Citation Citation `json:"citation"`
}

// Competence is one of Katwalo's fifteen competences.
type Competence struct {
	ID string `json:"id"`
	// Dimension is the POMI dimension the project assigns it to; this is the
	// project's interpretation, not the report's.
	Dimension Dimension `json:"dimension"`
	Citation  Citation  `json:"citation"`
}

// Statement is a statement rated 1–5 that measures one POMI dimension.
type Statement struct {
	ID        string    `json:"id"`
	Dimension Dimension `json:"dimension"`
	Citation  Citation  `json:"citation"`
}

// Barrier is one of the ten barriers SMEs rank (report Table 3).
type Barrier struct {
	ID   string `json:"id"`
	Rank int    `json:"rank"`
	// CompetenceRelated is false only for the shortage of working capital.
	CompetenceRelated bool     `json:"competence_related"`
	Tags              []string `json:"tags"`
}

// Recommendation kinds: what triggers a recommendation.
const (
	KindDimension  = "dimension"  // Table 12, a gap in a POMI dimension
	KindStatement  = "statement"  // a statement rated low (Trigger: statement id)
	KindBarrier    = "barrier"    // a barrier felt (Trigger: barrier id)
	KindMode       = "mode"       // a chosen entry mode (Trigger: mode id)
	KindCompetence = "competence" // a required competence with a gap (Trigger: competence id)
	KindIndustry   = "industry"   // an industry note (Trigger: industry key)
	KindGeneral    = "general"    // a situation the engine detects (Trigger: situation id)
)

// Sides of a Table 12 recommendation.
const (
	SideInternal = "internal" // what the company does itself
	SideAgency   = "agency"   // what support organisations offer
)

// Horizons: when an action should be done, in months from the assessment.
const (
	Horizon0to3  = "0-3"
	Horizon3to6  = "3-6"
	Horizon6to12 = "6-12"
)

// Recommendation is a piece of advice with the situation that triggers it.
type Recommendation struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"`
	Trigger   string    `json:"trigger,omitempty"`
	Dimension Dimension `json:"dimension"`
	Side      string    `json:"side"`
	// Owner is an owner role id (message owner.<id>.name).
	Owner    string   `json:"owner"`
	Horizon  string   `json:"horizon"`
	Tags     []string `json:"tags"`
	Citation Citation `json:"citation"`
	// Also lists further triggers under which the same advice applies, so
	// one piece of advice is not written, and shown, twice.
	Also []Trigger `json:"also,omitempty"`
}

// Trigger is a kind of situation and the id that triggers advice in it, e.g.
// {KindBarrier, "managerial_time"}.
type Trigger struct {
	Kind string `json:"kind"`
	ID   string `json:"trigger"`
}

// Actor is a current Swedish or EU support organisation.
type Actor struct {
	ID   string   `json:"id"`
	URL  string   `json:"url"`
	Tags []string `json:"tags"`
}

// ChecklistItem is one activity of export marketing planning (Bijmolt & Zwart 1994).
type ChecklistItem struct {
	ID       string   `json:"id"`
	Citation Citation `json:"citation"`
}

// SizeFigures is one row of report Table 1: export figures for Swedish
// manufacturing in 2006 (Eliasson et al.); the share of all companies is
// 2004/05 data (SBA Fact Sheet Sweden 2008), as the table's note says.
type SizeFigures struct {
	SizeClass          string  `json:"size_class"`
	Employees          string  `json:"employees"`
	ShareOfCompanies   float64 `json:"share_of_companies"`
	ShareOfExporters   float64 `json:"share_of_exporters"`
	ExportIntensity    float64 `json:"export_intensity"`
	ExportDestinations float64 `json:"export_destinations"`
	ExportProducts     float64 `json:"export_products"`
}

// TradeFigure is one row of report Table 2: Sweden beside the EU average.
type TradeFigure struct {
	ID     string  `json:"id"`
	Unit   string  `json:"unit"`
	Sweden float64 `json:"sweden"`
	EU     float64 `json:"eu"`
}

// ContextFigures are the report's benchmark figures with their sources.
type ContextFigures struct {
	SizeClasses       []SizeFigures `json:"size_classes"`
	SizeClassesSource Citation      `json:"size_classes_source"`
	SizeClassesYear   int           `json:"size_classes_year"`
	Trade             []TradeFigure `json:"trade"`
	TradeSource       Citation      `json:"trade_source"`
}

// Data is the whole reference data set.
type Data struct {
	Version         int              `json:"version"`
	EntryModes      []EntryMode      `json:"entry_modes"`
	Competences     []Competence     `json:"competences"`
	Statements      []Statement      `json:"statements"`
	Barriers        []Barrier        `json:"barriers"`
	Recommendations []Recommendation `json:"recommendations"`
	Actors          []Actor          `json:"actors"`
	Checklist       []ChecklistItem  `json:"checklist"`
	Context         ContextFigures   `json:"context"`

	// idx is the *index built from the lists on first use (see lookups),
	// an unsafe.Pointer for atomic loads that copying a Data still allows.
	idx unsafe.Pointer
}
