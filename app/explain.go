package app

import (
	"strings"

	"github.com/pomi-planner/pomi/app/ref"
)

// Translator looks up messages in one language; *locales.Localizer is one.
type Translator interface {
	T(id string) string
	Tf(id string, data map[string]any) string
	N(id string, count int, data map[string]any) string
	Number(v float64, decimals int) string
}

// Named is an id with its name in the explanation's language.
type Named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Explanation is an Analysis in words, ready for the CLI, the screens and the PDF.
type Explanation struct {
	Language            string                        `json:"language"`
	Company             string                        `json:"company"`
	Date                string                        `json:"date"`
	SizeClass           *Named                        `json:"size_class,omitempty"`
	Summary             []string                      `json:"summary"`
	Dimensions          map[string]ExplainedDimension `json:"dimensions"`
	RequiredCompetences []ExplainedCompetence         `json:"required_competences"`
	CompetenceGaps      []ExplainedCompetence         `json:"competence_gaps"`
	Barriers            []ExplainedBarrier            `json:"barriers"`
	Recommendations     []ExplainedRecommendation     `json:"recommendations"`
	Actions             []ExplainedAction             `json:"actions"`
	Benchmark           *Benchmark                    `json:"benchmark,omitempty"`
	Checklist           ChecklistSummary              `json:"checklist"`
}

// ExplainedDimension is a dimension's score with its name.
type ExplainedDimension struct {
	DimensionScore
	Name string `json:"name"`
}

// ExplainedCompetence is a required competence with its name and the names of
// the modes that require it.
type ExplainedCompetence struct {
	CompetenceGap
	Name      string  `json:"name"`
	Why       string  `json:"why"`
	ModeNames []Named `json:"mode_names"`
}

// ExplainedBarrier is a felt barrier with its name.
type ExplainedBarrier struct {
	FeltBarrier
	Name string `json:"name"`
}

// ExplainedActor is a support actor with its name, address and offer.
type ExplainedActor struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	URL   string `json:"url"`
	Offer string `json:"offer"`
}

// ExplainedRecommendation is a recommendation in words, with why it was chosen.
type ExplainedRecommendation struct {
	Recommendation
	Title   string           `json:"title"`
	Body    string           `json:"body"`
	Owner   string           `json:"owner"`
	When    string           `json:"when"`
	Why     []string         `json:"why"`
	Source  string           `json:"source"`
	Helpers []ExplainedActor `json:"actor_details"`
}

// ExplainedAction is a suggested action in words.
type ExplainedAction struct {
	Action
	Owner  string  `json:"owner_name"`
	Actors []Named `json:"actor_names"`
}

// Explain puts an analysis of a company into words in tr's language.
func Explain(d *ref.Data, c *Company, an *Analysis, tr Translator, lang string) *Explanation {
	e := &Explanation{
		Language: lang, Company: c.Name, Date: an.Date, Dimensions: map[string]ExplainedDimension{},
		RequiredCompetences: []ExplainedCompetence{}, CompetenceGaps: []ExplainedCompetence{},
		Barriers: []ExplainedBarrier{}, Benchmark: an.Benchmark, Checklist: an.Checklist,
	}
	if an.SizeClass != "" {
		e.SizeClass = &Named{an.SizeClass, tr.T(ref.VocabName("sizeclass", an.SizeClass))}
	}
	for _, s := range an.Dimensions {
		e.Dimensions[string(s.Dimension)] = ExplainedDimension{s, tr.T(ref.DimensionName(s.Dimension))}
	}
	for _, g := range an.Competences {
		ec := explainCompetence(g, tr)
		e.RequiredCompetences = append(e.RequiredCompetences, ec)
		if g.Unrated || (g.Gap != nil && *g.Gap > 0) {
			e.CompetenceGaps = append(e.CompetenceGaps, ec)
		}
	}
	for _, b := range an.Barriers {
		e.Barriers = append(e.Barriers, ExplainedBarrier{b, tr.T(ref.BarrierName(b.Barrier))})
	}
	e.Recommendations = make([]ExplainedRecommendation, 0, len(an.Recommendations))
	for _, r := range an.Recommendations {
		e.Recommendations = append(e.Recommendations, explainRecommendation(d, r, tr))
	}
	e.Actions = make([]ExplainedAction, 0, len(an.SuggestedActions))
	for _, a := range an.SuggestedActions {
		e.Actions = append(e.Actions, ExplainAction(a, tr))
	}
	e.Summary = summarize(an, e, tr)
	return e
}

func explainCompetence(g CompetenceGap, tr Translator) ExplainedCompetence {
	ec := ExplainedCompetence{CompetenceGap: g, Name: tr.T(ref.CompetenceName(g.Competence)),
		Why: tr.T(ref.CompetenceWhy(g.Competence))}
	for _, m := range g.Modes {
		ec.ModeNames = append(ec.ModeNames, Named{m, tr.T(ref.ModeName(m))})
	}
	return ec
}

func explainRecommendation(d *ref.Data, r Recommendation, tr Translator) ExplainedRecommendation {
	er := ExplainedRecommendation{
		Recommendation: r, Title: tr.T(ref.RecommendationTitle(r.ID)), Body: tr.T(ref.RecommendationBody(r.ID)),
		Owner: tr.T(ref.VocabName("owner", r.OwnerRole)), When: tr.T(ref.VocabName("horizon", r.Horizon)),
		Source: FormatCitation(r.Citation, tr), Helpers: []ExplainedActor{},
	}
	for _, why := range r.Reasons {
		er.Why = append(er.Why, ExplainReason(why, tr))
	}
	for _, id := range r.Actors {
		if a := d.Actor(id); a != nil {
			er.Helpers = append(er.Helpers, ExplainedActor{id, tr.T(ref.ActorName(id)), a.URL, tr.T(ref.ActorOffer(id))})
		}
	}
	return er
}

// ExplainAction fills in an action's words: a suggested action without a
// title takes its recommendation's title.
func ExplainAction(a Action, tr Translator) ExplainedAction {
	if a.Title == "" && a.Source != SourceCustom {
		a.Title = tr.T(ref.RecommendationTitle(a.Source))
	}
	ea := ExplainedAction{Action: a, Owner: a.Owner, Actors: []Named{}}
	if ea.Owner == "" && a.OwnerRole != "" {
		ea.Owner = tr.T(ref.VocabName("owner", a.OwnerRole))
	}
	for _, id := range a.Actors {
		ea.Actors = append(ea.Actors, Named{id, tr.T(ref.ActorName(id))})
	}
	return ea
}

// ExplainReason says in one line why a recommendation was chosen.
func ExplainReason(r Reason, tr Translator) string {
	data := map[string]any{"Value": tr.Number(r.Value, 0)}
	switch r.Code {
	case ReasonDimensionGap:
		data["Name"] = tr.T(ref.DimensionName(ref.Dimension(r.Ref)))
	case ReasonLowStatement:
		data["Name"] = tr.T(ref.StatementText(r.Ref))
	case ReasonBarrier:
		data["Name"] = tr.T(ref.BarrierName(r.Ref))
	case ReasonModeCurrent, ReasonModePlanned:
		data["Name"] = tr.T(ref.ModeName(r.Ref))
	case ReasonCompetenceGap:
		data["Name"] = tr.T(ref.CompetenceName(r.Ref))
		modes := make([]Named, len(r.Modes))
		for i, m := range r.Modes {
			modes[i] = Named{m, tr.T(ref.ModeName(m))}
		}
		data["Modes"] = joinNames(modes)
	case ReasonIndustry:
		data["Name"] = tr.T(ref.VocabName("industrykey", r.Ref))
	case ReasonSituation:
		data["Name"] = tr.T(ref.VocabName("situation", r.Ref))
	}
	return tr.Tf("reason."+r.Code, data)
}

// FormatCitation writes a citation as "Achtenhagen, Table 12; Katwalo 2006: 94".
func FormatCitation(c ref.Citation, tr Translator) string {
	parts := []string{tr.T("cite.report")}
	if c.Table != "" {
		parts[0] += ", " + tr.Tf("cite.table", map[string]any{"Table": c.Table})
	}
	if c.Section != "" {
		parts[0] += ", " + tr.Tf("cite.section", map[string]any{"Section": tr.T(ref.SectionName(c.Section))})
	}
	if c.Refs != "" {
		parts = append(parts, c.Refs)
	}
	return strings.Join(parts, "; ")
}

// summarize writes the few sentences that say what the analysis found.
func summarize(an *Analysis, e *Explanation, tr Translator) []string {
	var out []string
	if best, ok := an.LargestGap(); ok {
		out = append(out, tr.Tf("summary.largest_gap", map[string]any{
			"Name": tr.T(ref.DimensionName(best.Dimension)), "Score": tr.Number(*best.Score, 0),
			"Target": tr.Number(best.Target, 0), "Gap": tr.Number(*best.Gap, 0),
		}))
	} else if an.AnyAssessed() {
		out = append(out, tr.T("summary.targets_met"))
	}
	var missing []string
	for _, s := range an.Dimensions {
		if !s.Assessed() {
			missing = append(missing, tr.T(ref.DimensionName(s.Dimension)))
		}
	}
	if len(missing) > 0 {
		out = append(out, tr.N("summary.not_assessed", len(missing), map[string]any{"Names": strings.Join(missing, ", ")}))
	}
	gaps, unrated := 0, 0
	for _, g := range e.CompetenceGaps {
		if g.Unrated {
			unrated++
		} else {
			gaps++
		}
	}
	if gaps > 0 {
		top := e.CompetenceGaps[0]
		out = append(out, tr.N("summary.competence_gaps", gaps, map[string]any{
			"Name": top.Name, "Modes": joinNames(top.ModeNames),
		}))
	} else if len(an.Competences) > 0 && unrated == 0 {
		out = append(out, tr.T("summary.competences_met"))
	}
	if unrated > 0 {
		out = append(out, tr.N("summary.unrated", unrated, nil))
	}
	if len(e.Barriers) > 0 {
		out = append(out, tr.Tf("summary.top_barrier", map[string]any{"Name": e.Barriers[0].Name}))
	}
	if len(an.Dimensions) > 0 && len(an.Competences) == 0 {
		out = append(out, tr.T("summary.no_modes"))
	}
	return out
}

// AnyAssessed reports whether at least one dimension has a score.
func (an *Analysis) AnyAssessed() bool {
	for _, s := range an.Dimensions {
		if s.Assessed() {
			return true
		}
	}
	return false
}

func joinNames(ns []Named) string {
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.Name
	}
	return strings.Join(names, ", ")
}
