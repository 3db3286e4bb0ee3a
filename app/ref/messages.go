package ref

// Message ids are derived from reference ids by these helpers, so the data
// files carry no text and a test can prove every id has a message.

// DimensionName is the message id of a POMI dimension's name.
func DimensionName(d Dimension) string { return "dimension." + string(d) + ".name" }

// DimensionDesc is the message id of what a POMI dimension covers.
func DimensionDesc(d Dimension) string { return "dimension." + string(d) + ".desc" }

// ModeName is the message id of an entry mode's name.
func ModeName(id string) string { return "mode." + id + ".name" }

// ModeDesc is the message id of an entry mode's one-line description.
func ModeDesc(id string) string { return "mode." + id + ".desc" }

// ModeBasis is the message id of the passage a project mapping rests on.
func ModeBasis(id string) string { return "mode." + id + ".basis" }

// CompetenceName is the message id of a competence's name.
func CompetenceName(id string) string { return "competence." + id + ".name" }

// CompetenceWhy is the message id of why a competence matters.
func CompetenceWhy(id string) string { return "competence." + id + ".why" }

// StatementText is the message id of a statement as the company rates it.
func StatementText(id string) string { return "statement." + id + ".text" }

// StatementWhy is the message id of a statement's one-line "why we ask".
func StatementWhy(id string) string { return "statement." + id + ".why" }

// BarrierName is the message id of a barrier.
func BarrierName(id string) string { return "barrier." + id + ".name" }

// RecommendationTitle is the message id of a recommendation's short title.
func RecommendationTitle(id string) string { return "rec." + id + ".title" }

// RecommendationBody is the message id of a recommendation's explanation.
func RecommendationBody(id string) string { return "rec." + id + ".body" }

// ActorName is the message id of a support actor's name.
func ActorName(id string) string { return "actor." + id + ".name" }

// ActorOffer is the message id of what a support actor offers.
func ActorOffer(id string) string { return "actor." + id + ".offer" }

// ChecklistName is the message id of a planning checklist activity.
func ChecklistName(id string) string { return "checklist." + id + ".name" }

// VocabName is the message id of a vocabulary item, e.g. VocabName("owner", "ceo").
func VocabName(kind, id string) string { return kind + "." + id + ".name" }

// SectionName is the message id of a report section named in a citation.
func SectionName(id string) string { return "section." + id + ".name" }

// MessageIDs lists every message id the reference data and its vocabularies use.
func (d *Data) MessageIDs() []string {
	var ids []string
	add := func(s ...string) { ids = append(ids, s...) }
	for _, dim := range Dimensions {
		add(DimensionName(dim), DimensionDesc(dim))
	}
	for _, m := range d.EntryModes {
		add(ModeName(m.ID), ModeDesc(m.ID))
		if m.Source == SourceProject {
			add(ModeBasis(m.ID))
		}
		addSection(m.Citation, add)
	}
	for _, c := range d.Competences {
		add(CompetenceName(c.ID), CompetenceWhy(c.ID))
		addSection(c.Citation, add)
	}
	for _, s := range d.Statements {
		add(StatementText(s.ID), StatementWhy(s.ID))
		addSection(s.Citation, add)
	}
	for _, b := range d.Barriers {
		add(BarrierName(b.ID))
	}
	for _, r := range d.Recommendations {
		add(RecommendationTitle(r.ID), RecommendationBody(r.ID))
		addSection(r.Citation, add)
	}
	for _, a := range d.Actors {
		add(ActorName(a.ID), ActorOffer(a.ID))
	}
	for _, c := range d.Checklist {
		add(ChecklistName(c.ID))
	}
	vocab := map[string][]string{
		"owner": OwnerRoles, "horizon": Horizons, "sector": Sectors, "stage": ExportStages,
		"orientation": Orientations, "maturity": Maturities, "tech": TechIntensities,
		"sizeclass": SizeClasses, "county": Counties, "tag": NeedTags, "trade": tradeIDs(d.Context.Trade),
		"industrykey": IndustryKeys, "situation": Situations,
	}
	for kind, list := range vocab {
		for _, id := range list {
			add(VocabName(kind, id))
		}
	}
	return ids
}

func addSection(c Citation, add func(...string)) {
	if c.Section != "" {
		add(SectionName(c.Section))
	}
}

func tradeIDs(figures []TradeFigure) []string {
	ids := make([]string, len(figures))
	for i, t := range figures {
		ids[i] = t.ID
	}
	return ids
}
