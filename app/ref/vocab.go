package ref

// Vocabulary shared by the data files and the domain. Each list is closed: the
// data test rejects a tag, role or key not named here, and every item has a
// message in locales/ (see MessageIDs).

// NeedTags are the needs that recommendations, barriers and actors are tagged
// with; a recommendation points to the actors that share a tag with it.
var NeedTags = []string{
	"market_analysis", "partner_search", "export_finance", "credit_insurance",
	"funding", "advice", "networking", "mentoring", "training", "customs",
	"trade_rules", "eu_rules", "regulation", "certification", "ip", "recruitment",
	"innovation", "trade_fairs", "documents", "logistics", "language_culture",
	"digital_sales", "production_development", "investment", "pricing",
	"medical_devices",
}

// OwnerRoles are the default owners of actions (message owner.<id>.name).
var OwnerRoles = []string{
	"ceo", "management_team", "export_manager", "sales_marketing", "purchasing",
	"production", "finance", "hr", "quality", "advisor",
}

// Horizons are the default action horizons, in months.
var Horizons = []string{Horizon0to3, Horizon3to6, Horizon6to12}

// Sectors a company can belong to (message sector.<id>.name).
var Sectors = []string{
	"manufacturing", "retail", "ict", "medtech", "food", "knowledge_services",
	"other",
}

// IndustryKeys trigger the industry notes (report section "Industry
// differences"): sectors, maturity and technology intensity.
var IndustryKeys = []string{
	"mature", "growing", "knowledge_intensive", "retail", "manufacturing",
	"ict", "high_tech", "low_tech", "medtech",
}

// Situations are what the engine detects beyond ratings and gaps; each
// triggers a KindGeneral recommendation.
var Situations = []string{
	"not_international",   // neither imports nor exports: import first
	"early_stage",         // Reid's awareness or intention stage: pre-export activities
	"relationship_driven", // Merrilees & Tiessen: trade fair, short-list of agents
	"transactional",       // Merrilees & Tiessen: respond to approaches, minor adaptations
	"unrated_competence",  // a required competence is not rated
	"reassess",            // competences are unstable: assess again
}

// ExportStages are Reid's (1981) export stages, in order.
var ExportStages = []string{"awareness", "intention", "trial", "evaluation", "acceptance"}

// Orientations are Merrilees & Tiessen's (1999) export orientations.
var Orientations = []string{"relationship_driven", "transactional"}

// Maturities are the industry maturities the report distinguishes.
var Maturities = []string{"mature", "growing"}

// TechIntensities distinguish high-tech from low-tech industries (Evers 2010, 2011).
var TechIntensities = []string{"high_tech", "low_tech"}

// SizeClasses are the company size classes by number of employees.
var SizeClasses = []string{"micro", "small", "medium", "large"}

// Counties are the Swedish län by their official letter codes.
var Counties = []string{
	"AB", "C", "D", "E", "F", "G", "H", "I", "K", "M", "N", "O", "S", "T", "U",
	"W", "X", "Y", "Z", "AC", "BD",
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
